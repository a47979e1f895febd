package dev.rungs.app;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that does everything at once on the calling thread, so a view model
 * test reads the outcome right after the call, without a JavaFX toolkit.
 */
public final class ImmediateTaskExecutor implements TaskExecutor {
    @Override
    public <T> void execute(Callable<? extends T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
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
