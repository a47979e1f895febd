package dev.rungs.app;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} whose background work waits until the test lets it run: {@link #start}
 * only queues it, {@link #runAll()} does it (and whatever it queues) on the calling thread. UI
 * actions run at once. So a test sees a view model in the moment between asking for work and
 * getting its result: what it shows while a study is read, what a Cancel then does.
 */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<TaskRun<?>> queued = new ArrayDeque<>();

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskRun<T> run = new TaskRun<>(new TaskHandle(title), work, onSuccess, onFailure, Runnable::run);
        queued.add(run);
        return run.handle();
    }

    /** How many tasks wait. */
    public int waiting() {
        return queued.size();
    }

    /** Runs the task queued first (not those it queues); false when none waits. */
    public boolean runNext() {
        TaskRun<?> next = queued.poll();
        if (next != null) {
            next.run();
        }
        return next != null;
    }

    /** Runs the queued tasks, and those they queue, until none is left; returns how many ran. */
    public int runAll() {
        int n = 0;
        while (!queued.isEmpty()) {
            queued.poll().run();
            n++;
        }
        return n;
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
