package dev.rungs.objective;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the run a trial belongs to was asked to stop, with actions to run the moment it is.
 * It is raised once and stays raised. Thread-safe: the stop comes from whoever asks (a Ctrl+C
 * hook, the workbench's Stop button), the actions are the objective's.
 */
public final class StopRequest {
    private boolean requested;
    private List<Runnable> actions = new ArrayList<>();

    /** Raises the request and runs every action registered, on the calling thread; later calls do nothing. */
    public void request() {
        List<Runnable> run;
        synchronized (this) {
            if (requested) {
                return;
            }
            requested = true;
            run = actions;
            actions = List.of();
        }
        run.forEach(Runnable::run);
    }

    /** Whether the stop was asked for. */
    public synchronized boolean isRequested() {
        return requested;
    }

    /**
     * Runs {@code action} once when the stop is asked for: at once, on this thread, if it
     * already was. The action must return quickly (wake a waiting thread, say).
     */
    public void whenRequested(Runnable action) {
        synchronized (this) {
            if (!requested) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
