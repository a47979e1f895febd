package dev.rungs.app.studies;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The study list: a toolbar to run a sample, the table of studies, and a status line.
 *
 * <p>Only builds nodes and binds them to a {@link StudiesViewModel}; every decision lives in
 * the view model, so this class needs no test of its own beyond the app's UI test.
 */
public final class StudiesView extends BorderPane {
    /** Runs the selected sample: Ctrl+R (Cmd+R on macOS). */
    public static final KeyCombination RUN_SHORTCUT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final StudiesViewModel viewModel;
    private final TableView<StudyRow> table = new TableView<>();

    /** Builds the view over {@code viewModel}. */
    public StudiesView(StudiesViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("studies-view");
        setTop(toolbar());
        setCenter(table());
        setBottom(statusBar());
        viewModel.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                showError(report);
            }
        });
        // The shortcut belongs to this feature, so the view installs it on whatever scene shows it.
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.getAccelerators().remove(RUN_SHORTCUT);
            }
            if (scene != null) {
                scene.getAccelerators().put(RUN_SHORTCUT, viewModel::runSelected);
            }
        });
    }

    private ToolBar toolbar() {
        Label label = new Label("Sample:");
        ComboBox<SampleSpec> samples = new ComboBox<>(viewModel.samples());
        samples.setId("sampleChoice");
        samples.setPrefWidth(260);
        samples.setPromptText("no samples found");
        samples.valueProperty().bindBidirectional(viewModel.selectedSampleProperty());
        samples.disableProperty().bind(viewModel.runningProperty());
        label.setLabelFor(samples);

        Button run = new Button("Run");
        run.setId("runButton");
        run.setDefaultButton(true);
        run.setTooltip(new Tooltip("Run the selected sample as a new study (Ctrl+R)"));
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(e -> viewModel.runSelected());

        Button stop = new Button("Stop");
        stop.setId("stopButton");
        stop.setTooltip(new Tooltip("Stop the run: no new trials start, running ones finish"));
        stop.disableProperty().bind(viewModel.runningProperty().not());
        stop.setOnAction(e -> viewModel.stop());

        Button reload = new Button("Reload");
        reload.setId("reloadButton");
        reload.setTooltip(new Tooltip("Look for samples and studies again"));
        reload.setOnAction(e -> viewModel.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(label, samples, run, stop, spacer, reload);
    }

    private TableView<StudyRow> table() {
        table.setId("studiesTable");
        table.setPlaceholder(new Label("No studies yet. Choose a sample and press Run (Ctrl+R)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<StudyRow, String> name = column("nameColumn", "Study", 260,
                r -> new ReadOnlyObjectWrapper<>(r.name()));
        TableColumn<StudyRow, String> sampler = column("samplerColumn", "Sampler", 110,
                r -> new ReadOnlyObjectWrapper<>(r.sampler()));
        TableColumn<StudyRow, StudyState> state = column("stateColumn", "State", 100, StudyRow::stateProperty);
        state.setCellFactory(c -> textCell(StudyState::label, false));
        TableColumn<StudyRow, Number> trials = column("trialsColumn", "Trials done", 110,
                StudyRow::trialsDoneProperty);
        trials.setCellFactory(c -> textCell(n -> Integer.toString(n.intValue()), true));
        TableColumn<StudyRow, OptionalDouble> best = column("bestColumn", "Best value", 140, StudyRow::bestProperty);
        best.setCellFactory(c -> textCell(StudiesViewModel::formatValue, true));
        TableColumn<StudyRow, Instant> started = column("startedColumn", "Started", 180,
                r -> new ReadOnlyObjectWrapper<>(r.started()));
        started.setCellFactory(c -> textCell(STARTED::format, false));

        table.getColumns().setAll(java.util.List.of(name, sampler, state, trials, best, started));
        table.setItems(viewModel.studies());
        // Keep the newest study, the one just started, in sight.
        viewModel.studies().addListener((ListChangeListener<StudyRow>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    table.scrollTo(change.getAddedSubList().get(change.getAddedSize() - 1));
                }
            }
        });
        return table;
    }

    private static <T> TableColumn<StudyRow, T> column(String id, String title, double width,
            Function<StudyRow, ObservableValue<T>> value) {
        TableColumn<StudyRow, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    private static <T> TableCell<StudyRow, T> textCell(Function<T, String> format, boolean numeric) {
        TableCell<StudyRow, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        if (numeric) {
            cell.getStyleClass().add("numeric-cell");
        }
        return cell;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("statusLabel");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox bar = new HBox(8, busy, status);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    private void showError(ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        Scene scene = getScene();
        if (scene != null && scene.getWindow() != null) {
            alert.initOwner(scene.getWindow());
        }
        alert.setTitle("Rungs");
        alert.setHeaderText(report.heading());
        alert.setContentText(report.message());
        alert.getDialogPane().setId("errorDialog");
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
        alert.setOnHidden(e -> viewModel.clearError());
        // show(), not showAndWait(): this runs inside a property listener, where a nested event
        // loop would hold up whoever changed the property.
        alert.show();
    }
}
