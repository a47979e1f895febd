package dev.rungs.app.workbench;

import dev.rungs.app.BackgroundTask;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workbench's {@link TaskExecutor}: passes everything to the executor it wraps and keeps the
 * long tasks that run now (those started with a title, through {@link #start}) in a list, which
 * the status bar shows with their progress and a Cancel. Short work ({@link #execute}, no title)
 * is not listed: it would only flicker.
 *
 * <p>The list belongs to the UI thread; a task started from another thread is listed once the
 * UI thread gets to it, unless it has ended by then.
 */
public final class TrackedTasks implements TaskExecutor {
    private final TaskExecutor delegate;
    private final ObservableList<TaskHandle> running = FXCollections.observableArrayList();
    private final ObservableList<TaskHandle> runningView = FXCollections.unmodifiableObservableList(running);

    public TrackedTasks(TaskExecutor delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The titled tasks running now, oldest first. UI thread. */
    public ObservableList<TaskHandle> running() {
        return runningView;
    }

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskHandle handle = delegate.start(title, work, onSuccess, onFailure);
        if (!title.isEmpty()) {
            delegate.runOnUi(() -> track(handle));
        }
        return handle;
    }

    private void track(TaskHandle handle) {
        if (!handle.runningProperty().get()) {
            return; // ended before the UI thread got here
        }
        running.add(handle);
        handle.runningProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (!is) {
                    o.removeListener(this);
                    running.remove(handle);
                }
            }
        });
    }

    @Override
    public void runOnUi(Runnable action) {
        delegate.runOnUi(action);
    }

    @Override
    public void runOnUiAfter(Duration delay, Runnable action) {
        delegate.runOnUiAfter(delay, action);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }
}
