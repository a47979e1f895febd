package dev.rungs.app;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that does everything at once on the calling thread, so a view model
 * test reads the outcome right after the call, without a JavaFX toolkit.
 */
public final class ImmediateTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskRun<T> run = new TaskRun<>(new TaskHandle(title), work, onSuccess, onFailure, Runnable::run);
        run.run();
        return run.handle();
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void runOnUiAfter(Duration delay, Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
    }
}
