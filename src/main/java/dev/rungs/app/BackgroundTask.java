package dev.rungs.app;

/**
 * Long work that says how far it has got and stops when asked (JabRef's BackgroundTask).
 *
 * <p>Loading a large CSV, opening a study of many thousand trials, a test run of a command:
 * the work calls {@link Progress#update} now and then and {@link Progress#checkCancelled()}
 * between steps; a {@link TaskExecutor} shows the progress through a {@link TaskHandle} and
 * turns the user's Cancel into {@link Progress#isCancelled()} (and an interrupt of the thread).
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    /** Does the work, reporting through {@code progress}; runs on a background thread. */
    T call(Progress progress) throws Exception;

    /** What a running task can tell and ask its executor; callable from the task's thread. */
    interface Progress {
        /** A progress reporter for work that nobody watches (tests, a plain {@code Callable}). */
        Progress NONE = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        /**
         * How far the work has got: {@code fraction} in [0, 1], or a negative number when it
         * cannot tell; {@code message} says what it is doing now (null keeps the last one).
         */
        void update(double fraction, String message);

        /** Whether the user asked to cancel. */
        boolean isCancelled();

        /** Throws {@link java.util.concurrent.CancellationException} if the user asked to cancel. */
        default void checkCancelled() {
            if (isCancelled()) {
                throw new java.util.concurrent.CancellationException("cancelled");
            }
        }
    }
}
