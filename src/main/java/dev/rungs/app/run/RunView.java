package dev.rungs.app.run;

import dev.rungs.app.Controls;
import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.app.SaveFile;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.charts.ChartBox;
import dev.rungs.app.charts.ChartHolder;
import dev.rungs.app.charts.CurveChart;
import dev.rungs.app.charts.HistoryChart;
import dev.rungs.app.rungs.RungsView;
import dev.rungs.app.tpe.TpeView;
import dev.rungs.app.studies.StoredState;
import dev.rungs.space.Param;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;

/**
 * One study: progress and best value on top, and below it the optimisation history, the trials
 * table with a trial's details, the TPE view and the rungs of multi-fidelity schedulers.
 *
 * <p>Builds nodes and binds them to a {@link RunViewModel}; the charts redraw once per batch of
 * changes (the model's revision), never per engine event.
 */
public final class RunView extends BorderPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final List<String> STATE_CLASSES = List.of("trial-complete", "trial-pruned", "trial-fail",
            "trial-running", "trial-paused", "trial-waiting");

    private final RunViewModel viewModel;
    private final FilePicker files;
    private final HistoryChart history;
    private final CurveChart curve;
    private final TableView<Trial> table = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final Tab historyTab = new Tab("History");
    private final Tab trialsTab = new Tab("Trials");
    private final Tab tpeTab = new Tab("TPE");
    private final Tab rungsTab = new Tab("Rungs");
    private final GridPane details = new GridPane();
    private final Label detailsTitle = new Label("Select a trial to see its details");
    private final TextField filterText = new TextField();
    private final Label exportNote = new Label();
    private List<String> paramColumns = List.of();

    /**
     * @param viewModel the study shown
     * @param tasks not used: the view model runs the background work of every tab (kept for the callers)
     * @param files asks where to export to
     */
    public RunView(RunViewModel viewModel, TaskExecutor tasks, FilePicker files) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.files = Objects.requireNonNull(files, "files");
        this.history = new HistoryChart(files);
        this.curve = new CurveChart(files);
        getStyleClass().add("run-view");
        setTop(header());
        setCenter(tabs());
        viewModel.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                Dialogs.showError(this, report, viewModel::clearError);
            }
        });
        viewModel.revisionProperty().addListener(o -> trialsChanged());
        viewModel.specProperty().addListener(o -> specChanged());
        viewModel.selectedTrialProperty().addListener((o, old, t) -> showDetails(t));
        specChanged();
        trialsChanged();
        Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.millis(RunViewModel.CLOCK_TICK.toMillis()),
                e -> viewModel.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        viewModel.runningProperty().addListener((o, was, is) -> {
            if (is) {
                clock.play();
            } else {
                clock.stop();
            }
        });
        if (viewModel.runningProperty().get()) {
            clock.play();
        }
    }

    // ------------------------------------------------------------------ actions the menus share

    /** Asks for a file (and before replacing one) and exports the trials to it as CSV. */
    public void exportCsv() {
        SaveFile.choose(this, files, "Export trials as CSV", viewModel.nameProperty().get() + ".csv", "CSV files", "csv")
                .ifPresent(viewModel::exportCsv);
    }

    /**
     * Asks for a file and saves the chart in front (history, a trial's curve, TPE's densities,
     * the rungs) to it; says where it wrote.
     */
    public void exportChart(ChartBox.Format format) {
        Tab front = tabs.getSelectionModel().getSelectedItem();
        if (front == historyTab) {
            feedHistory(); // the chart is fed only while shown
        }
        chartInFront().ifPresentOrElse(box -> {
            box.setOnExported(this::exported);
            box.export(format);
        }, () -> exportNote.setText("Nothing to export: the " + front.getText() + " tab shows no chart now"));
    }

    /** The chart of the tab in front, if it shows one (the Trials tab: the selected trial's curve). */
    Optional<ChartBox> chartInFront() {
        Tab front = tabs.getSelectionModel().getSelectedItem();
        if (front == historyTab) {
            return history.chartInFront();
        }
        if (front == trialsTab) {
            return curve.chartInFront();
        }
        return front != null && front.getContent() instanceof ChartHolder holder ? holder.chartInFront()
                : Optional.empty();
    }

    private void exported(Path file) {
        exportNote.setText("Chart saved to " + file);
        viewModel.notifyExported(file);
    }

    // ------------------------------------------------------------------ building

    private VBox header() {
        Label title = new Label();
        title.setId("runTitle");
        title.getStyleClass().add("run-title");
        title.textProperty().bind(viewModel.nameProperty());
        Label state = new Label();
        state.setId("runState");
        state.getStyleClass().add("run-state");
        state.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.stateProperty().get() != null ? viewModel.stateProperty().get().label()
                        : viewModel.openingProperty().get() ? "opening" : "",
                viewModel.stateProperty(), viewModel.openingProperty()));

        Button stop = Controls.button("runStop", "Stop",
                "Stop the run: running trials pause and can be resumed (Ctrl+.)", viewModel::stop);
        stop.disableProperty().bind(viewModel.runningProperty().not());
        Button resume = Controls.button("runResume", "Resume", "Continue the study to its budget (Ctrl+R)",
                viewModel::resume);
        resume.disableProperty().bind(viewModel.canResumeProperty().not());
        Button csv = Controls.button("exportCsv", "Export CSV…", "Save every trial as CSV (Ctrl+E)",
                this::exportCsv);
        csv.disableProperty().bind(viewModel.specProperty().isNull());
        MenuItem pngItem = new MenuItem("PNG image… (Ctrl+Shift+E)");
        pngItem.setId("exportPng");
        pngItem.setOnAction(e -> exportChart(ChartBox.Format.PNG));
        MenuItem svgItem = new MenuItem("SVG drawing…");
        svgItem.setId("exportSvg");
        svgItem.setOnAction(e -> exportChart(ChartBox.Format.SVG));
        MenuButton png = new MenuButton("Export chart", null, pngItem, svgItem);
        png.setId("exportChart");
        png.setTooltip(new Tooltip("Save the chart in front as a PNG image or an SVG drawing"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(10, title, state, spacer, stop, resume, csv, png);
        top.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("runProgress");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(viewModel.progressProperty());
        Label progressText = new Label();
        progressText.setId("runProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label best = new Label();
        best.setId("runBest");
        best.getStyleClass().add("run-best");
        best.textProperty().bind(Bindings.createStringBinding(
                () -> "Best: " + RunViewModel.formatValue(viewModel.bestProperty().get()), viewModel.bestProperty()));
exportNote.setId("exportNote");
        exportNote.getStyleClass().add("export-note");
        // Reading a study of many thousand trials takes a moment; it can be called off.
        Button cancelOpen = Controls.button("runCancelOpen", "Cancel", "Stop reading the study and close its tab",
                viewModel::cancelOpen);
        HBox progress = new HBox(10, bar, progressText, gap, exportNote, best);
        // In the header only while the study is read: a hidden button would still be found by its text.
        Runnable showCancel = () -> {
            progress.getChildren().remove(cancelOpen);
            if (viewModel.openingProperty().get()) {
                progress.getChildren().add(2, cancelOpen);
            }
        };
        viewModel.openingProperty().addListener(o -> showCancel.run());
        showCancel.run();
        progress.setAlignment(Pos.CENTER_LEFT);

        // Stop and Resume are disabled then; this says why, and who to go to instead.
        Label elsewhere = new Label();
        elsewhere.setId("runElsewhere");
        elsewhere.getStyleClass().add("run-elsewhere");
        elsewhere.textProperty().bind(Bindings.createStringBinding(() -> viewModel.elsewhereProperty().get() == null ? ""
                : StoredState.hint(viewModel.elsewhereProperty().get()) + " · shown read-only here, read again every "
                        + StoredState.RECHECK.toSeconds() + " s; stop or resume it there",
                viewModel.elsewhereProperty()));
        elsewhere.visibleProperty().bind(viewModel.elsewhereProperty().isNotNull());
        elsewhere.managedProperty().bind(elsewhere.visibleProperty());

        VBox box = new VBox(6, top, progress, elsewhere);
        box.setPadding(new Insets(8, 10, 8, 10));
        box.getStyleClass().add("run-header");
        return box;
    }

    private TabPane tabs() {
        history.setId("historyChart");
        history.setOnTrialClicked(n -> {
            viewModel.selectTrial(n);
            tabs.getSelectionModel().select(trialsTab);
        });
        historyTab.setId("historyTab");
        historyTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                feedHistory();
            }
        });
        CheckBox logScale = new CheckBox("Logarithmic value axis");
        logScale.setId("historyLogScale");
        logScale.selectedProperty().bindBidirectional(history.logScaleProperty());
        HBox options = new HBox(logScale);
        options.setAlignment(Pos.CENTER_RIGHT);
        options.setPadding(new Insets(4, 10, 0, 10));
        BorderPane historyPane = new BorderPane(history);
        historyPane.setTop(options);
        historyTab.setContent(historyPane);

        trialsTab.setId("trialsTab");
        SplitPane split = new SplitPane(trialsPane(), detailsPane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.62);
        trialsTab.setContent(split);

        tpeTab.setId("tpeTab");
        tpeTab.setContent(new TpeView(viewModel.tpe(), files));
        rungsTab.setId("rungsTab");
        rungsTab.setContent(new RungsView(viewModel.rungs(), files));
        // The model feeds the method tabs only while they are in front: the view tells it which is.
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, tab) ->
                viewModel.shownTabProperty().set(tab == tpeTab ? RunTab.TPE : tab == rungsTab ? RunTab.RUNGS
                        : tab == trialsTab ? RunTab.TRIALS : RunTab.HISTORY));
        viewModel.hasTpeTabProperty().addListener(o -> showMethodTabs());
        viewModel.hasRungsTabProperty().addListener(o -> showMethodTabs());

        tabs.setId("runTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(historyTab, trialsTab);
        return tabs;
    }

    private VBox trialsPane() {
        CheckComboBox<TrialState> states = TrialStateFilter.create(viewModel.shownStatesProperty());
        TextField text = filterText;
        text.setId("trialFilterText");
        text.setPromptText("filter: trial number or name=value");
        text.textProperty().bindBidirectional(viewModel.filterTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        Label count = new Label();
        count.setId("trialCount");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.shownTrials().size() + " of " + viewModel.trials().size(),
                viewModel.shownTrials(), viewModel.trials()));
        HBox filters = new HBox(8, states, text, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(6, 6, 6, 6));

        table.setId("trialsTable");
        table.setPlaceholder(new Label("No trials yet"));
        SortedList<Trial> sorted = new SortedList<>(viewModel.shownTrials());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Trial item, boolean empty) {
                super.updateItem(item, empty);
                // Only a changed class: touching the style classes re-applies CSS to the row,
                // which during a fast run is most of what redrawing the table costs.
                String want = empty || item == null ? null : "trial-" + item.state().name().toLowerCase(Locale.ROOT);
                if (want == null || !getStyleClass().contains(want)) {
                    getStyleClass().removeAll(STATE_CLASSES);
                    if (want != null) {
                        getStyleClass().add(want);
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, t) -> {
            if (t != null) {
                viewModel.selectedTrialProperty().set(t);
            }
        });
        // A trial chosen elsewhere (a click in the history) is selected and shown in the table too.
        viewModel.selectedTrialProperty().addListener((o, old, t) -> selectRow(t));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(filters, table);
    }

    private void selectRow(Trial t) {
        Trial shown = table.getSelectionModel().getSelectedItem();
        if (t == null || (shown != null && shown.number() == t.number())) {
            return;
        }
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).number() == t.number()) {
                table.getSelectionModel().clearAndSelect(i);
                table.scrollTo(i);
                return;
            }
        }
    }

    private VBox detailsPane() {
        detailsTitle.setId("trialTitle");
        detailsTitle.getStyleClass().add("details-title");
        details.setId("trialDetails");
        details.setHgap(12);
        details.setVgap(4);
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(220);
        curve.setId("curveChart");
        curve.setMinHeight(180);
        VBox.setVgrow(curve, Priority.ALWAYS);
        VBox box = new VBox(8, detailsTitle, scroll, new Label("Intermediate values"), curve);
        box.setPadding(new Insets(8));
        return box;
    }

    // ------------------------------------------------------------------ updates

    private void specChanged() {
        StudySpec spec = viewModel.specProperty().get();
        List<String> names = new ArrayList<>();
        if (spec != null) {
            for (Param p : spec.space().params()) {
                names.add(p.name());
            }
        }
        if (!names.isEmpty()) {
            filterText.setPromptText("filter: trial number or " + names.get(0) + "=…");
        }
        if (!names.equals(paramColumns) || table.getColumns().isEmpty()) {
            paramColumns = names;
            rebuildColumns();
        }
        showMethodTabs();
    }

    /** The method tabs only for the methods they explain. */
    private void showMethodTabs() {
        List<Tab> shown = new ArrayList<>(List.of(historyTab, trialsTab));
        if (viewModel.hasTpeTabProperty().get()) {
            shown.add(tpeTab);
        }
        if (viewModel.hasRungsTabProperty().get()) {
            shown.add(rungsTab);
        }
        if (!tabs.getTabs().equals(shown)) {
            tabs.getTabs().setAll(shown);
        }
    }

    private void rebuildColumns() {
        List<TableColumn<Trial, ?>> columns = new ArrayList<>();
        TableColumn<Trial, Integer> number = Controls.valueColumn("numberColumn", "#", 60, Trial::number);
        number.setComparator(Comparator.naturalOrder());
        columns.add(number);
        TableColumn<Trial, TrialState> state = Controls.valueColumn("trialStateColumn", "State", 100,
                Trial::state);
        Controls.showAsText(state, s -> s.name().toLowerCase(Locale.ROOT), false);
        columns.add(state);
        TableColumn<Trial, OptionalDouble> value = Controls.valueColumn("valueColumn", "Value", 120,
                Trial::value);
        Controls.showAsText(value, RunViewModel::formatValue, true);
        value.setComparator(RunView::compareValues);
        columns.add(value);
        TableColumn<Trial, Duration> duration = Controls.valueColumn("durationColumn", "Duration", 90,
                RunView::duration);
        Controls.showAsText(duration, d -> String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0), true);
        duration.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        columns.add(duration);
        for (String p : paramColumns) {
            TableColumn<Trial, Object> c = Controls.valueColumn("param-" + p, p, 110,
                    t -> t.config().has(p) ? t.config().get(p) : null);
            Controls.showAsText(c, RunView::formatParam, true);
            c.setComparator(RunView::compareParams);
            columns.add(c);
        }
        TableColumn<Trial, Instant> started = Controls.valueColumn("trialStartedColumn", "Started", 160,
                Trial::started);
        Controls.showAsText(started, TIME::format, false);
        started.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        columns.add(started);
        table.getColumns().setAll(columns);
    }

    /** A history redraw is queued on the UI thread and will read the trials as they are then. */
    private boolean historyFeedPending;

    private void trialsChanged() {
        StudySpec spec = viewModel.specProperty().get();
        if (spec != null) {
            // The history takes the trials only while it is shown; selecting it catches up.
            if (historyTab.isSelected() && !historyFeedPending) {
                // In a pulse of its own, after the table's: redrawing thousands of points and
                // updating the table in one go would keep the UI thread from input twice as long.
                historyFeedPending = true;
                Platform.runLater(() -> {
                    historyFeedPending = false;
                    feedHistory();
                });
            }
        }
        Trial selected = viewModel.selectedTrialProperty().get();
        if (selected != null) {
            showDetails(selected);
        }
    }

    private void feedHistory() {
        if (viewModel.specProperty().get() != null) {
            history.setData(viewModel.history());
        }
    }

    private void showDetails(Trial t) {
        details.getChildren().clear();
        if (t == null) {
            detailsTitle.setText("Select a trial to see its details");
            curve.setCurve(new java.util.TreeMap<>());
            return;
        }
        detailsTitle.setText("Trial " + t.number() + " · " + t.state().name().toLowerCase(Locale.ROOT));
        int row = 0;
        row = detail(row, "Value", RunViewModel.formatValue(t.value()));
        for (Map.Entry<String, Object> e : t.config().values().entrySet()) {
            row = detail(row, e.getKey(), formatParam(e.getValue()));
        }
        row = detail(row, "Started", t.started() == null ? "–" : TIME.format(t.started()));
        row = detail(row, "Finished", t.finished() == null ? "–" : TIME.format(t.finished()));
        Duration d = duration(t);
        row = detail(row, "Duration", d == null ? "–" : String.format(Locale.ROOT, "%.3f s", d.toMillis() / 1000.0));
        if (t.parent().isPresent()) {
            row = detail(row, "Parent", "trial " + t.parent().getAsInt());
        }
        for (Map.Entry<String, String> e : t.attrs().entrySet()) {
            row = detail(row, e.getKey(), e.getValue());
        }
        curve.setCurve(t.intermediate());
    }

    private int detail(int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("details-key");
        Label v = new Label(value);
        v.getStyleClass().add("details-value");
        v.setWrapText(true);
        details.addRow(row, k, v);
        return row + 1;
    }

    // ------------------------------------------------------------------ small helpers

    private static Duration duration(Trial t) {
        return t.started() == null || t.finished() == null ? null : Duration.between(t.started(), t.finished());
    }

    /** Trials without a value sort after every value, whatever the direction of the sort. */
    private static int compareValues(OptionalDouble a, OptionalDouble b) {
        if (a.isPresent() && b.isPresent()) {
            return Double.compare(a.getAsDouble(), b.getAsDouble());
        }
        return Boolean.compare(a.isEmpty(), b.isEmpty());
    }

    private static int compareParams(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a == null || b == null) {
            return Boolean.compare(a == null, b == null);
        }
        return a.toString().compareTo(b.toString());
    }

    static String formatParam(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        return v == null ? "" : v.toString();
    }
}
