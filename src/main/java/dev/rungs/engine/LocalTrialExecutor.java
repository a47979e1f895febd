package dev.rungs.engine;

import dev.rungs.objective.Objective;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs workers on a thread pool of this process: one daemon thread per worker while a run
 * lasts (idle threads are kept a minute for the next run). The default {@link TrialExecutor}.
 */
public final class LocalTrialExecutor implements TrialExecutor, AutoCloseable {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rungs-worker-idle-" + threads.getAndIncrement());
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(String label, TrialHost host, Objective objective, int workers) {
        for (int i = 0; i < workers; i++) {
            String name = "rungs-worker-" + label + "-" + i;
            Worker worker = new Worker(host, objective);
            try {
                pool.execute(() -> {
                    Thread.currentThread().setName(name);
                    worker.run();
                });
            } catch (RejectedExecutionException e) {
                host.workerFailed(new IllegalStateException("the tuner is closed", e));
                host.workerEnded();
            }
        }
    }

    /** Lets running workers finish and ends the pool's threads. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
