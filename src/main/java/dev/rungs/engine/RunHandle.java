package dev.rungs.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A run in progress: wait for it, or ask it to stop. */
public final class RunHandle {
    private final CompletableFuture<StudyResult> done;
    private final Runnable stopper;

    RunHandle(CompletableFuture<StudyResult> done, Runnable stopper) {
        this.done = done;
        this.stopper = stopper;
    }

    /**
     * Asks the run to stop: no new trials start; objectives that watch the stop
     * ({@code TrialContext.stopRequested}, such as the command objective, which ends its process
     * group) end at once, and running trials that report are paused at their next report, both
     * with their checkpoint, so that the next run resumes them first; trials that never report
     * and do not watch the stop finish. Returns at once; {@link #await} waits for the end.
     */
    public void stop() {
        if (!done.isDone()) { // an ended run has nothing to stop, and its engine thread may be gone
            stopper.run();
        }
    }

    /** Whether the run has ended. */
    public boolean isDone() {
        return done.isDone();
    }

    /**
     * Waits for the run to end.
     *
     * @throws RunFailedException if the store or the engine failed (the disk is full, the lease
     *     was lost); what was stored before is intact
     */
    public StudyResult await() {
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    private static RunFailedException failure(ExecutionException e) {
        return e.getCause() instanceof RunFailedException f ? f : new RunFailedException(e.getCause());
    }

    /** Waits at most {@code timeout}; null if the run is still going. */
    public StudyResult await(Duration timeout) {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            throw failure(e);
        }
    }

    /** The run's end as a future, for callers that compose. */
    public CompletableFuture<StudyResult> future() {
        return done;
    }
}
