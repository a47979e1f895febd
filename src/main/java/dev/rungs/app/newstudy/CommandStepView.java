package dev.rungs.app.newstudy;

import static dev.rungs.app.newstudy.FormParts.errorLine;
import static dev.rungs.app.newstudy.FormParts.label;

import dev.rungs.app.Controls;
import dev.rungs.app.FilePicker;
import dev.rungs.objective.command.CommandObjective.ParamsAs;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The external-command part of the New study form: command line, working folder, timeout, how
 * the parameters are handed over, and a Test run button with its outcome. Builds nodes and
 * binds them to a {@link CommandStepViewModel}.
 */
final class CommandStepView extends VBox {
    private final CommandStepViewModel step;
    private final NewStudyViewModel form;
    private final FilePicker files;
    private final FieldDecorations marks;

    CommandStepView(NewStudyViewModel form, FilePicker files, FieldDecorations marks) {
        super(8);
        this.form = form;
        this.step = form.commandStep();
        this.files = files;
        this.marks = marks;

        TextField command = FormParts.textField("commandLine", step.commandLineProperty(), 40);
        command.setPromptText("python3 train.py --epochs 20");
        command.setTooltip(new Tooltip("The program and its arguments, split at spaces; quote an argument that "
                + "holds spaces"));
        marks.mark(command, form.fieldErrorProperty(FormField.COMMAND_LINE));

        TextField workdir = FormParts.textField("commandWorkdir", step.workdirProperty(), 40);
        workdir.setTooltip(new Tooltip("The folder the command runs in; a relative script path starts here"));
        marks.mark(workdir, form.fieldErrorProperty(FormField.COMMAND_WORKDIR));
        Button chooseFolder = Controls.button("chooseWorkdir", "Choose…", "Pick the working folder",
                this::chooseFolder);
        chooseFolder.setMinWidth(Region.USE_PREF_SIZE);
        HBox folderLine = new HBox(8, workdir, chooseFolder);
        HBox.setHgrow(workdir, Priority.ALWAYS);

        TextField timeout = FormParts.textField("commandTimeout", step.timeoutProperty(), 6);
        timeout.setPromptText("none");
        timeout.setMaxWidth(Region.USE_PREF_SIZE);
        timeout.setTooltip(new Tooltip("Seconds one run of a trial may take; blank for no limit"));
        marks.mark(timeout, form.fieldErrorProperty(FormField.COMMAND_TIMEOUT));

        HBox ways = new HBox(14);
        ways.setId("commandParamsAs");
        ways.setAlignment(Pos.CENTER_LEFT);
        for (ParamsAs way : ParamsAs.values()) {
            CheckBox box = new CheckBox(switch (way) {
                case ARGS -> "arguments (--name=value)";
                case ENV -> "environment (RUNGS_PARAM_NAME)";
                case JSON -> "JSON file (RUNGS_PARAMS_FILE)";
            });
            box.setId("commandParamsAs-" + way.specName());
            // The names hold underscores, which a label would otherwise take for mnemonic marks.
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(step.paramsAsProperty(way));
            if (ways.getChildren().isEmpty()) {
                // One mark for the three boxes: they are one field, wrong only together.
                marks.mark(box, form.fieldErrorProperty(FormField.COMMAND_PARAMS_AS));
            }
            ways.getChildren().add(box);
        }

        GridPane grid = FormParts.grid();
        grid.addRow(0, label("Command", command), command);
        grid.add(error(FormField.COMMAND_LINE), 1, 1);
        grid.addRow(2, label("Working folder", workdir), folderLine);
        grid.add(error(FormField.COMMAND_WORKDIR), 1, 3);
        HBox timeoutLine = new HBox(8, timeout, new Label("seconds (blank for no limit)"));
        timeoutLine.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(4, label("Timeout", timeout), timeoutLine);
        grid.add(error(FormField.COMMAND_TIMEOUT), 1, 5);
        grid.addRow(6, label("Parameters as", ways), ways);
        grid.add(error(FormField.COMMAND_PARAMS_AS), 1, 7);
        GridPane.setHgrow(command, Priority.ALWAYS);
        GridPane.setHgrow(folderLine, Priority.ALWAYS);

        Label hint = new Label("The command reports by printing JSON lines such as {\"step\": 1, \"value\": 0.5}; "
                + "the last value, or a final {\"value\": 0.9}, is the trial's result. RUNGS_TRIAL, RUNGS_BUDGET "
                + "and RUNGS_CHECKPOINT_DIR are set. Define the parameters in the search space below.");
        hint.getStyleClass().add("help-text");
        hint.setWrapText(true);

        Button testRun = Controls.button("commandTestRun", "Test run",
                "Run the command once with every parameter at the middle of its range", form::testRunCommand);
        testRun.setMinWidth(Region.USE_PREF_SIZE);
        CommandTestRun run = step.testRun();
        testRun.disableProperty().bind(run.runningProperty());
        // While the command runs: a spinner (it cannot say how far it is) and Cancel, which ends it.
        ProgressIndicator running = new ProgressIndicator();
        running.setId("commandTestProgress");
        running.setPrefSize(20, 20);
        Button cancel = Controls.button("commandTestCancel", "Cancel", "Stop the test run and end the command",
                run::cancel);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        for (Node n : List.of(running, cancel)) {
            n.visibleProperty().bind(run.runningProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        Label result = new Label();
        result.setId("commandTestResult");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        result.textProperty().bind(run.resultProperty());
        run.failedProperty().addListener((o, was, failed) -> showFailed(result, failed));
        showFailed(result, run.failedProperty().get());
        HBox.setHgrow(result, Priority.ALWAYS);
        HBox testLine = new HBox(12, testRun, running, cancel, result);
        testLine.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(grid, hint, testLine);
    }

    private static void showFailed(Label result, boolean failed) {
        result.getStyleClass().remove("error-text");
        if (failed) {
            result.getStyleClass().add("error-text");
        }
    }

    private Label error(FormField field) {
        return errorLine(form.fieldErrorProperty(field));
    }

    private void chooseFolder() {
        Scene scene = getScene();
        Window owner = scene == null ? null : scene.getWindow();
        files.chooseFolder(owner, "The folder the command runs in")
                .ifPresent(dir -> step.workdirProperty().set(dir.toAbsolutePath().toString()));
    }
}
