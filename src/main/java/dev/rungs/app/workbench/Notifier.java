package dev.rungs.app.workbench;

import dev.rungs.app.Notice;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows a {@link Notice} to the person. The workbench view calls it on the FX thread for every
 * notice its view model publishes; tests may hand in one that records what it was asked.
 */
@FunctionalInterface
public interface Notifier {
    /** How long a notification stays before it goes by itself. */
    Duration SHOWN_FOR = Duration.seconds(6);

    /** Shows {@code notice} over {@code owner}; FX thread. */
    void show(Window owner, Notice notice);

    /**
     * ControlsFX {@link Notifications} at the bottom right of the window. They need an owner
     * window and the FX thread (STACK.md), which the view guarantees.
     */
    static Notifier controlsFx() {
        return (owner, notice) -> Notifications.create()
                .owner(owner)
                .title(notice.title())
                .text(notice.text())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR)
                .show();
    }
}
