package dev.rungs.app;

import dev.rungs.app.studies.ErrorReport;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;

/** The workbench's dialogs, so every feature reports problems and asks questions the same way. */
public final class Dialogs {
    /** Id of the error dialog's pane, for tests. */
    public static final String ERROR_DIALOG_ID = "errorDialog";
    /** Id of the confirmation dialog's pane, for tests. */
    public static final String CONFIRM_DIALOG_ID = "confirmDialog";

    private Dialogs() {
    }

    /**
     * Shows {@code report} in an error dialog over {@code owner}'s window, without waiting:
     * callers are often property listeners, where a nested event loop would hold up whoever
     * changed the property.
     *
     * @param onHidden runs once the person has closed the dialog
     */
    public static void showError(Node owner, ErrorReport report, Runnable onHidden) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        prepare(alert, owner, ERROR_DIALOG_ID);
        alert.setHeaderText(report.heading());
        alert.setContentText(report.message());
        alert.setOnHidden(e -> onHidden.run());
        alert.show();
    }

    /** Asks a yes/no question and waits for the answer; true when the person chose {@code action}. */
    public static boolean confirm(Node owner, String heading, String message, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(alert, owner, CONFIRM_DIALOG_ID);
        alert.setHeaderText(heading);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == yes;
    }

    private static void prepare(Alert alert, Node owner, String id) {
        Scene scene = owner == null ? null : owner.getScene();
        if (scene != null && scene.getWindow() != null) {
            alert.initOwner(scene.getWindow());
        }
        alert.setTitle("Rungs");
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.setResizable(true);
    }
}
