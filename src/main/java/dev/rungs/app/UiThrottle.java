package dev.rungs.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coalesces a flood of "something changed" signals from any thread into at most one UI update
 * per interval.
 *
 * <p>The engine can finish thousands of cheap trials a second; posting one
 * {@code Platform.runLater} per event would queue more work than the FX thread can render and
 * freeze the window. Callers keep the latest state in a thread-safe place and call
 * {@link #request()}; the update then reads that state on the UI thread, so no change is lost,
 * only intermediate ones are skipped.
 */
public final class UiThrottle {
    private final TaskExecutor tasks;
    private final Duration interval;
    private final Runnable update;
    private final AtomicBoolean pending = new AtomicBoolean();

    /**
     * @param tasks delivers the update on the UI thread
     * @param interval the shortest time between two updates
     * @param update runs on the UI thread and reads the latest state
     */
    public UiThrottle(TaskExecutor tasks, Duration interval, Runnable update) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.update = Objects.requireNonNull(update, "update");
    }

    /** Asks for an update; cheap and callable from any thread, including the engine thread. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            tasks.runOnUiAfter(interval, () -> {
                // Cleared before the update reads the state, so a change that lands while the
                // update runs schedules another one instead of being lost.
                pending.set(false);
                update.run();
            });
        }
    }
}
