package dev.rungs.app;

import java.util.Objects;

/**
 * Something the workbench tells the person in passing, in a notification that goes away by
 * itself: a study finished, an export was written.
 *
 * <p>View models publish notices through a property; every notice is a new object that equals
 * only itself, so the same text twice (two exports to one file) is two changes of that property.
 * The view decides how to show it (ControlsFX {@code Notifications}).
 */
public final class Notice {
    private final String title;
    private final String text;

    public Notice(String title, String text) {
        this.title = Objects.requireNonNull(title, "title");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** One short line: what happened, to what. */
    public String title() {
        return title;
    }

    /** The details: numbers, a path. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return title + ": " + text;
    }
}
