package dev.rungs.app;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One {@link BackgroundTask} as the UI sees it: its title, progress and message (JavaFX
 * properties, changed on the UI thread only), whether it still runs, and a way to cancel it.
 *
 * <p>Made by a {@link TaskExecutor}; the executor moves progress reports onto the UI thread
 * (coalesced, so a task reporting a thousand times a second costs the UI a few updates).
 */
public final class TaskHandle {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Thread worker;

    /** A handle for a task just started; {@code title} says what it does, for a status bar. */
    public TaskHandle(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    public String title() {
        return title;
    }

    /** In [0, 1], or negative while the task cannot tell how far it has got. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True until the task has ended, by finishing, failing or being cancelled. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * Asks the task to stop: its {@link BackgroundTask.Progress#isCancelled()} turns true and its
     * thread is interrupted. Neither result handler runs afterwards; callable from any thread.
     */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    // ------------------------------------------------------------------ for executors

    /** The thread doing the work, so that {@link #cancel()} can interrupt it; null when it ended. */
    void workingOn(Thread thread) {
        worker = thread;
    }

    /** UI thread. */
    void show(double fraction, String text) {
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }

    /** UI thread. */
    void ended() {
        running.set(false);
    }
}
