package dev.rungs.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that owns a study's sampler, scheduler and trial history. Every call that
 * reads or changes them goes through {@link #call}, so none of them needs a lock.
 */
final class EngineThread implements AutoCloseable {
    private final ExecutorService executor;
    private volatile Thread thread;

    EngineThread(String studyName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rungs-engine-" + studyName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs {@code task} on the engine thread and returns its result; re-entrant. */
    <T> T call(Callable<T> task) {
        if (Thread.currentThread() == thread) {
            return callHere(task);
        }
        Future<T> f;
        try {
            f = executor.submit(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("the tuner is closed", e);
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    private static <T> T callHere(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void run(Runnable task) {
        call(() -> {
            task.run();
            return null;
        });
    }

    /**
     * Queues {@code task} behind every call made before it and returns at once; {@code onFailure}
     * gets what it throws. Calls made after it see its effect, as the engine runs tasks in order.
     */
    void post(Runnable task, java.util.function.Consumer<Throwable> onFailure) {
        Runnable guarded = () -> {
            try {
                task.run();
            } catch (Throwable e) {
                onFailure.accept(e);
            }
        };
        if (Thread.currentThread() == thread) {
            guarded.run();
            return;
        }
        try {
            executor.execute(guarded);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            onFailure.accept(new IllegalStateException("the tuner is closed", e));
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
