package dev.rungs.app.studies;

import java.util.Objects;

/**
 * A problem to show the person in a dialog.
 *
 * @param heading one line saying what could not be done
 * @param message why, as precise as the layer below made it (a spec error names the JSON path)
 */
public record ErrorReport(String heading, String message) {
    public ErrorReport {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(message, "message");
    }

    /** Why {@code e} happened, in words: its message, or its kind when it has none. */
    public static String reason(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
