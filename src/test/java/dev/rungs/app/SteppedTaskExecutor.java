package dev.rungs.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link TaskExecutor} whose clock the test moves: work and UI actions run at once on the
 * calling thread, as in {@link ImmediateTaskExecutor}, but actions asked for after a delay wait
 * until {@link #runDue()}, so a test can watch a view model poll step by step.
 */
public final class SteppedTaskExecutor implements TaskExecutor {
    private final ImmediateTaskExecutor now = new ImmediateTaskExecutor();
    private final List<Runnable> waiting = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();

    @Override
    public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return now.start(title, work, onSuccess, onFailure);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void runOnUiAfter(Duration delay, Runnable action) {
        waiting.add(action);
        delays.add(delay);
    }

    /** The delays of the actions waiting now, in the order they were asked for. */
    public List<Duration> waiting() {
        return List.copyOf(delays);
    }

    /** Lets time pass: runs the actions waiting now (not those they ask for); returns how many ran. */
    public int runDue() {
        List<Runnable> due = List.copyOf(waiting);
        waiting.clear();
        delays.clear();
        due.forEach(Runnable::run);
        return due.size();
    }

    @Override
    public void shutdown() {
    }
}
