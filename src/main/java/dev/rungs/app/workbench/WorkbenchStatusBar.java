package dev.rungs.app.workbench;

import dev.rungs.app.TaskHandle;
import dev.rungs.app.run.RunViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.controlsfx.control.StatusBar;

/**
 * The window's bottom line (a ControlsFX {@link StatusBar}): on the left the database, how many
 * studies the list shows and the last message of whatever is in front; on the right the long
 * background tasks with their progress and a Cancel, and the running study's progress.
 *
 * <p>Every part is bound to a view model, so it cannot fall behind what the window shows: the
 * study count is made from the list itself ({@code StudiesViewModel.countText}).
 */
final class WorkbenchStatusBar extends StatusBar {
    private final WorkbenchViewModel viewModel;
    private final HBox tasksBox = new HBox(8);

    WorkbenchStatusBar(WorkbenchViewModel viewModel) {
        this.viewModel = viewModel;
        setId("statusBar");
        setText(""); // the messages are a label of our own, which tests and the focus switch can name

        Label database = new Label();
        database.setId("databaseLabel");
        database.textProperty().bind(viewModel.statusProperty());
        database.setMaxWidth(420);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(viewModel.statusProperty());
        database.setTooltip(whole);

        Label count = new Label();
        count.setId("studyCountLabel");
        count.textProperty().bind(viewModel.studies().countText());

        Label message = new Label();
        message.setId("statusLabel");
        // The message belongs to whatever is in front: the study list, the form or a study.
        message.textProperty().bind(viewModel.studies().statusProperty());
        viewModel.focusProperty().addListener((o, old, f) -> {
            message.textProperty().unbind();
            message.textProperty().bind(f instanceof RunViewModel run ? run.statusProperty()
                    : f == viewModel.newStudy() ? viewModel.newStudy().statusProperty()
                    : viewModel.studies().statusProperty());
        });
        Separator beforeMessage = separator();
        beforeMessage.visibleProperty().bind(message.textProperty().isNotEmpty());
        getLeftItems().setAll(database, separator(), count, beforeMessage, message);

        tasksBox.setId("statusTasks");
        tasksBox.setAlignment(Pos.CENTER_LEFT);
        viewModel.backgroundTasks().addListener((ListChangeListener<TaskHandle>) c -> showTasks());
        showTasks();
        getRightItems().setAll(tasksBox, runningStudy());
    }

    /** The running study's bar and line; a click brings its tab to the front. Hidden while none runs. */
    private Node runningStudy() {
        RunInStatusBar followed = viewModel.runInStatusBar();
        ProgressBar bar = new ProgressBar();
        bar.setId("statusRunProgress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(followed.progressProperty());
        Label line = new Label();
        line.setId("statusRunText");
        line.textProperty().bind(followed.textProperty());
        HBox box = new HBox(6, separator(), bar, line);
        box.setId("statusRun");
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(followed.runProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        box.setOnMouseClicked(e -> {
            RunViewModel run = followed.runProperty().get();
            if (run != null) {
                viewModel.focus(run);
            }
        });
        return box;
    }

    private void showTasks() {
        tasksBox.getChildren().clear();
        for (TaskHandle task : viewModel.backgroundTasks()) {
            Label what = new Label();
            what.getStyleClass().add("status-task");
            what.textProperty().bind(Bindings.createStringBinding(() -> task.messageProperty().get().isEmpty()
                    ? task.title() : task.title() + ": " + task.messageProperty().get(), task.messageProperty()));
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(90);
            bar.progressProperty().bind(task.progressProperty());
            Button cancel = new Button("Cancel");
            cancel.getStyleClass().add("status-task-cancel");
            cancel.setTooltip(new Tooltip("Stop " + task.title()));
            cancel.setOnAction(e -> task.cancel());
            tasksBox.getChildren().addAll(separator(), what, bar, cancel);
        }
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
