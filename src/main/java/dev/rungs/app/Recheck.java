package dev.rungs.app;

import java.time.Duration;
import java.util.Objects;

/**
 * Reads something again after a pause, for as long as whoever reads it keeps asking: the study
 * list and the run view follow a study that another runner runs this way, since that runner's
 * trials reach this window only through the store. At most one read is due at a time, however
 * often it is asked for. UI thread only.
 */
public final class Recheck {
    private final TaskExecutor tasks;
    private final Duration pause;
    private final Runnable read;
    private boolean due;
    private boolean asking;

    /**
     * @param tasks times the pause and runs {@code read} on the UI thread
     * @param pause how long after a request the read comes
     * @param read starts the read (its I/O goes through {@code tasks} in the background)
     */
    public Recheck(TaskExecutor tasks, Duration pause, Runnable read) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.read = Objects.requireNonNull(read, "read");
    }

    /** Asks for a read once the pause has passed, unless one is due already. */
    public void request() {
        if (due) {
            return;
        }
        due = true;
        asking = true;
        try {
            tasks.runOnUiAfter(pause, this::fire);
        } finally {
            asking = false;
        }
    }

    private void fire() {
        due = false;
        if (asking) {
            // An executor that does not wait (a test's) ran this at once: reading now would ask
            // again at once, and so on for ever. Such an executor has no time to poll in.
            return;
        }
        read.run();
    }
}
