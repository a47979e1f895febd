package dev.rungs.app;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One run of a {@link BackgroundTask}, the part every {@link TaskExecutor} shares: calls the
 * work on the current thread, hands its progress to the UI executor (at most one update waiting
 * at a time, so a chatty task cannot flood the UI thread), and hands the outcome to the result
 * handlers, or to nobody when the task was cancelled.
 */
public final class TaskRun<T> implements BackgroundTask.Progress, Runnable {
    private final TaskHandle handle;
    private final BackgroundTask<T> work;
    private final Consumer<? super T> onSuccess;
    private final Consumer<? super Throwable> onFailure;
    private final Executor ui;
    private final AtomicBoolean updateWaiting = new AtomicBoolean();
    private volatile double fraction = -1;
    private volatile String message;

    public TaskRun(TaskHandle handle, BackgroundTask<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure, Executor ui) {
        this.handle = Objects.requireNonNull(handle, "handle");
        this.work = Objects.requireNonNull(work, "work");
        this.onSuccess = Objects.requireNonNull(onSuccess, "onSuccess");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public TaskHandle handle() {
        return handle;
    }

    /** Runs the work on the calling thread; the outcome reaches the handlers through the UI executor. */
    @Override
    public void run() {
        handle.workingOn(Thread.currentThread());
        T result;
        try {
            checkCancelled();
            result = work.call(this);
        } catch (Throwable e) {
            finish(() -> onFailure.accept(cancelledBy(e) ? new CancellationException("cancelled") : e));
            return;
        } finally {
            handle.workingOn(null);
            Thread.interrupted(); // a cancel's interrupt must not leak to the pool thread's next task
        }
        finish(() -> onSuccess.accept(result));
    }

    @Override
    public void update(double fraction, String message) {
        this.fraction = fraction;
        if (message != null) {
            this.message = message;
        }
        if (updateWaiting.compareAndSet(false, true)) {
            ui.execute(() -> {
                updateWaiting.set(false);
                handle.show(this.fraction, this.message);
            });
        }
    }

    @Override
    public boolean isCancelled() {
        return handle.isCancelled();
    }

    private void finish(Runnable outcome) {
        ui.execute(() -> {
            handle.ended();
            if (!handle.isCancelled()) {
                outcome.run();
            }
        });
    }

    private boolean cancelledBy(Throwable e) {
        return handle.isCancelled() && (e instanceof CancellationException || e instanceof InterruptedException);
    }
}
