package dev.rungs.app.newstudy;

import dev.rungs.app.BackgroundTask;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.TaskRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} that keeps started work waiting until the test runs it, on the test's
 * own thread (which is also the "UI thread"), so a test can act while work is under way: cancel
 * it before it runs, or from one of its progress reports.
 */
final class QueuedTaskExecutor implements TaskExecutor {
    private final List<TaskRun<?>> waiting = new ArrayList<>();
    private final List<TaskHandle> started = new ArrayList<>();

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskRun<T> run = new TaskRun<>(new TaskHandle(title), work, onSuccess, onFailure, Runnable::run);
        waiting.add(run);
        started.add(run.handle());
        return run.handle();
    }

    /** Runs the work waiting now, in the order it was started (not what it starts); returns how many ran. */
    int runAll() {
        List<TaskRun<?>> due = List.copyOf(waiting);
        waiting.clear();
        due.forEach(TaskRun::run);
        return due.size();
    }

    /** The handle of the work started last. */
    TaskHandle lastStarted() {
        return started.get(started.size() - 1);
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
