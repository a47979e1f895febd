package dev.rungs.objective;

/**
 * What an objective sees of a stop of its run: whether it was asked for, and a way to be told
 * the moment it is. Raising it is the engine's business ({@link StopRequest}).
 */
public interface StopSignal {
    /** A stop that never comes, for contexts outside a run that can be stopped. */
    StopSignal NEVER = new StopSignal() {
        @Override
        public boolean isRequested() {
            return false;
        }

        @Override
        public void whenRequested(Runnable action) {
            // never runs
        }
    };

    /** Whether the stop was asked for. */
    boolean isRequested();

    /**
     * Runs {@code action} once, on the stopping thread, when the stop is asked for: at once, on
     * this thread, if it already was. The action must return quickly (wake a waiting thread, say).
     */
    void whenRequested(Runnable action);
}
