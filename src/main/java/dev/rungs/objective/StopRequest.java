package dev.rungs.objective;

import java.util.ArrayList;
import java.util.List;

/**
 * The stop signal of one run of a trial, as the engine holds it: raised once, it stays raised.
 * Thread-safe: the stop comes from whoever asks (a Ctrl+C hook, the workbench's Stop button),
 * the actions are the objective's.
 */
public final class StopRequest implements StopSignal {
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

    @Override
    public synchronized boolean isRequested() {
        return requested;
    }

    @Override
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
