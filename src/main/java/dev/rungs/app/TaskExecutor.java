package dev.rungs.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work away from the UI thread and brings its results back to it.
 *
 * <p>ViewModels get one by constructor injection instead of calling {@code Platform.runLater}
 * or starting threads themselves, so a test can hand them a synchronous executor and check
 * them without a JavaFX toolkit (the JabRef pattern).
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background, then hands its result to {@code onSuccess}, or what
     * it threw to {@code onFailure}, on the UI thread.
     */
    default <T> void execute(Callable<? extends T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        start("", progress -> work.call(), onSuccess, onFailure);
    }

    /**
     * Starts long work that reports progress and can be cancelled. Its result goes to
     * {@code onSuccess}, or what it threw to {@code onFailure}, on the UI thread; once the
     * returned handle was cancelled, neither is called.
     *
     * @param title what the task does, in a few words ("Loading flights.csv"), for a status bar
     */
    <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread; callable from any thread. */
    void runOnUi(Runnable action);

    /** Runs {@code action} on the UI thread once {@code delay} has passed; callable from any thread. */
    void runOnUiAfter(Duration delay, Runnable action);

    /** Stops accepting work; background work already running is abandoned (its threads are daemons). */
    void shutdown();
}
