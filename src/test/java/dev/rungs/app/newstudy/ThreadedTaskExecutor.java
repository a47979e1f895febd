package dev.rungs.app.newstudy;

import dev.rungs.app.BackgroundTask;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.TaskRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} as the app's, without a toolkit: work on threads of its own, results on
 * one "UI" thread. A test touches view models only through {@link #onUi}, as the app does.
 */
final class ThreadedTaskExecutor implements TaskExecutor {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-ui");
        t.setDaemon(true);
        return t;
    });
    private final List<Thread> workers = new CopyOnWriteArrayList<>();

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskRun<T> run = new TaskRun<>(new TaskHandle(title), work, onSuccess, onFailure, ui::execute);
        Thread t = new Thread(run, "test-worker");
        t.setDaemon(true);
        workers.add(t);
        t.start();
        return run.handle();
    }

    /** Runs {@code action} on the UI thread and returns what it returns. */
    <T> T onUi(Callable<T> action) throws Exception {
        return ui.submit(action).get(30, TimeUnit.SECONDS);
    }

    /** Waits until every piece of work started has ended; false if one is still going after {@code timeout}. */
    boolean awaitWorkers(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : workers) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void runOnUi(Runnable action) {
        ui.execute(action);
    }

    @Override
    public void runOnUiAfter(Duration delay, Runnable action) {
        ui.execute(action);
    }

    @Override
    public void shutdown() {
        ui.shutdownNow();
    }
}
