package dev.rungs.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The {@link TaskExecutor} of the running application: background work on a pool of daemon
 * threads, results handed to a UI executor ({@link Platform#runLater} in the app).
 *
 * <p>The threads are daemons so that a study still running when the window closes cannot keep
 * the JVM alive. The pool is unbounded because a study run holds its thread until the run ends;
 * a small fixed pool would let one long run starve every other background task.
 */
public final class DefaultTaskExecutor implements TaskExecutor {
    private final Executor ui;
    private final ExecutorService background;
    private final ScheduledExecutorService timer;

    /** Background work on daemon threads; UI work handed to {@code ui}. */
    public DefaultTaskExecutor(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Executors.newCachedThreadPool(daemons("rungs-task-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("rungs-ui-timer-"));
    }

    /** The executor for the JavaFX application: the UI thread is the FX application thread. */
    public static DefaultTaskExecutor forJavaFx() {
        return new DefaultTaskExecutor(Platform::runLater);
    }

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title);
        if (background.isShutdown()) {
            handle.cancel(); // the app is closing: a timer's last read has nowhere to go
            return handle;
        }
        background.execute(new TaskRun<>(handle, work, onSuccess, onFailure, ui));
        return handle;
    }

    @Override
    public void runOnUi(Runnable action) {
        ui.execute(action);
    }

    @Override
    public void runOnUiAfter(Duration delay, Runnable action) {
        if (timer.isShutdown()) {
            return;
        }
        timer.schedule(() -> ui.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        background.shutdownNow();
        timer.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
