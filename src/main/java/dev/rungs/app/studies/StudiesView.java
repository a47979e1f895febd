package dev.rungs.app.studies;

import dev.rungs.app.Dialogs;
import dev.rungs.app.run.RunViewModel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.OptionalDouble;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
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
        Button open = button("openStudy", "Open", "Show the selected study's trials and charts (Enter)",
                viewModel::openSelected);
        open.disableProperty().bind(viewModel.selectedProperty().isNull());
        Button resume = button("resumeStudy", "Resume", "Continue the selected study to its budget",
                viewModel::resumeSelected);
        resume.disableProperty().bind(viewModel.canResumeProperty().not());
        Button stop = button("stopStudy", "Stop", "Stop the selected study's run: running trials pause and can be resumed",
                viewModel::stopSelected);
        stop.disableProperty().bind(viewModel.canStopProperty().not());
        Button delete = button("deleteStudy", "Delete…", "Delete the selected study and all its trials (Delete)",
                this::confirmDelete);
        delete.disableProperty().bind(viewModel.canDeleteProperty().not());
        Button reload = button("reloadStudies", "Reload", "Read the database again", viewModel::refresh);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(open, resume, stop, delete, spacer, reload);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void confirmDelete() {
        StudyRow row = viewModel.selectedProperty().get();
        if (row != null && Dialogs.confirm(this, "Delete the study \"" + row.name() + "\"?",
                "Its " + row.trialsDone() + " trials are removed from the database. This cannot be undone.",
                "Delete")) {
            viewModel.deleteSelected();
        }
    }

    private TableView<StudyRow> table() {
        table.setId("studiesTable");
        table.setPlaceholder(new Label("No studies in this database yet. Start one with File > New study (Ctrl+N)."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<StudyRow, String> name = column("nameColumn", "Study", 260,
                r -> new ReadOnlyObjectWrapper<>(r.name()));
        TableColumn<StudyRow, String> method = column("methodColumn", "Method", 140,
                r -> new ReadOnlyObjectWrapper<>(r.method()));
        TableColumn<StudyRow, StudyState> state = column("stateColumn", "State", 100, StudyRow::stateProperty);
        state.setCellFactory(c -> textCell(StudyState::label, false));
        TableColumn<StudyRow, Number> trials = column("trialsColumn", "Trials done", 110,
                StudyRow::trialsDoneProperty);
        trials.setCellFactory(c -> textCell(n -> Integer.toString(n.intValue()), true));
        TableColumn<StudyRow, OptionalDouble> best = column("bestColumn", "Best value", 140, StudyRow::bestProperty);
        best.setCellFactory(c -> textCell(RunViewModel::formatValue, true));
        TableColumn<StudyRow, Instant> started = column("startedColumn", "Started", 180,
                r -> new ReadOnlyObjectWrapper<>(r.started()));
        started.setCellFactory(c -> textCell(STARTED::format, false));

        table.getColumns().setAll(java.util.List.of(name, method, state, trials, best, started));
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
}
