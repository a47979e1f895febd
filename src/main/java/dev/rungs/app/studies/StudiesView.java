package dev.rungs.app.studies;

import dev.rungs.app.Controls;
import dev.rungs.app.Dialogs;
import dev.rungs.app.run.RunViewModel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import dev.rungs.study.StudySummary;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The study list: a toolbar with the actions on the selected study and the table of studies.
 *
 * <p>Only builds nodes and binds them to a {@link StudiesViewModel}; every decision lives in
 * the view model, so this class needs no test of its own beyond the app's UI test.
 */
public final class StudiesView extends BorderPane {
    /** How much of the selected study's hint the toolbar shows. */
    private static final int HINT_CHARS = 110;

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
        viewModel.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                Dialogs.showError(this, report, viewModel::clearError);
            }
        });
    }

    private ToolBar toolbar() {
        Button open = Controls.button("openStudy", "Open", "Show the selected study's trials and charts (Enter)",
                viewModel::openSelected);
        open.disableProperty().bind(viewModel.selectedProperty().isNull());
        Button resume = Controls.button("resumeStudy", "Resume", "Continue the selected study to its budget",
                viewModel::resumeSelected);
        resume.disableProperty().bind(viewModel.canResumeProperty().not());
        Button stop = Controls.button("stopStudy", "Stop", "Stop the selected study's run: running trials pause and can be resumed",
                viewModel::stopSelected);
        stop.disableProperty().bind(viewModel.canStopProperty().not());
        Button delete = Controls.button("deleteStudy", "Delete…", "Delete the selected study and all its trials (Delete)",
                this::confirmDelete);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        Button reload = Controls.button("reloadStudies", "Reload", "Read the database again", viewModel::refresh);
        // Says why Resume, Stop and Delete are off for a study another runner runs.
        Label hint = new Label();
        hint.setId("studyHint");
        // A long reason is cut to what the toolbar has room for at 1280 px; the tooltip has all of it.
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String h = viewModel.selectedHintProperty().get();
            return h.length() <= HINT_CHARS ? h : h.substring(0, HINT_CHARS - 1) + "…";
        }, viewModel.selectedHintProperty()));
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(viewModel.selectedHintProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(700);
        hint.setTooltip(whole);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, resume, stop, delete, hint, spacer, reload);
    }

    private void confirmDelete() {
        StudyRow row = viewModel.selectedProperty().get();
        if (row != null && Dialogs.confirm(this, "Delete the study \"" + row.name() + "\"?",
                row.deleteMessage(), "Delete")) {
            viewModel.deleteSelected();
        }
    }

    private TableView<StudyRow> table() {
        table.setId("studiesTable");
        Label empty = new Label();
        empty.setId("studiesPlaceholder");
        // While the database is read the list is empty for a moment; it must not say "no studies" then.
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loadingProperty())
                .then("Reading the database …")
                .otherwise("No studies in this database yet. Start one with File > New study (Ctrl+N)."));
        table.setPlaceholder(empty);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<StudyRow, String> name = Controls.valueColumn("nameColumn", "Study", 260, StudyRow::name);
        TableColumn<StudyRow, String> method = Controls.valueColumn("methodColumn", "Method", 140, StudyRow::method);
        TableColumn<StudyRow, StudyState> state = Controls.column("stateColumn", "State", 140,
                StudyRow::stateProperty);
        Controls.showAsText(state, StudyState::label, false);
        // Trials as the budget counts them (StudySummary): the same number the run view and `rungs list` show.
        TableColumn<StudyRow, StudySummary> trials = Controls.column("trialsColumn", "Trials", 110,
                StudyRow::summaryProperty);
        Controls.showAsText(trials, s -> Integer.toString(s.trials()), true);
        TableColumn<StudyRow, StudySummary> failed = Controls.column("failedColumn", "Failed", 70,
                StudyRow::summaryProperty);
        Controls.showAsText(failed, s -> s.failed() == 0 ? "" : Integer.toString(s.failed()), true);
        TableColumn<StudyRow, StudySummary> best = Controls.column("bestColumn", "Best value", 140,
                StudyRow::summaryProperty);
        Controls.showAsText(best, s -> RunViewModel.formatValue(s.best()), true);
        trials.setComparator(java.util.Comparator.comparingInt(StudySummary::trials));
        failed.setComparator(java.util.Comparator.comparingInt(StudySummary::failed));
        // Studies without a best value sort after every value, whichever way.
        best.setComparator((x, y) -> x.best().isPresent() && y.best().isPresent()
                ? Double.compare(x.best().getAsDouble(), y.best().getAsDouble())
                : Boolean.compare(x.best().isEmpty(), y.best().isEmpty()));
        TableColumn<StudyRow, Instant> started = Controls.valueColumn("startedColumn", "Started", 180,
                StudyRow::started);
        Controls.showAsText(started, STARTED::format, false);

        table.getColumns().setAll(java.util.List.of(name, method, state, trials, failed, best, started));
        table.setItems(viewModel.studies());
        // Selection flows both ways: the model restores it after a reload.
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> viewModel.selectedProperty().set(row));
        viewModel.selectedProperty().addListener((o, old, row) -> {
            if (row != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(row);
            }
        });
        table.setRowFactory(t -> {
            TableRow<StudyRow> r = new TableRow<>();
            r.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !r.isEmpty()) {
                    viewModel.openSelected();
                }
            });
            return r;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                confirmDelete();
            }
        });
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

}
