package dev.rungs.engine;

import dev.rungs.objective.StopSignal;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The engine as a worker sees it: the one interface between whatever runs objectives (a
 * {@link TrialExecutor}'s threads here, a remote node later) and the engine thread that owns
 * the sampler, the scheduler and the history. A {@link Worker} needs nothing else.
 *
 * <p>Thread-safe; every method may be called from any worker at any time. Calls about a trial
 * are only valid between the {@link Assignment.Evaluate} that started it and its
 * {@link #finish}. Calls of one worker take effect in the order it makes them.
 */
public interface TrialHost {

    /** The next thing this worker should do. */
    Assignment next();

    /** Blocks until something changed that may free work (a trial ended), or {@code atMost} passed. */
    void awaitChange(Duration atMost) throws InterruptedException;

    /**
     * Records an intermediate value and answers the scheduler's decision. Where the decision is
     * known in advance (a scheduler that decides only at a run's budget) the value is recorded
     * asynchronously and the answer comes at once; a stop or pause decided meanwhile is still
     * answered at the trial's next report.
     */
    Decision report(int trialNumber, long step, double value);

    /** The configuration the trial runs with now (it changes after an {@code Exploit}). */
    Config config(int trialNumber);

    /** The checkpoint to continue from: the trial's own when resumed, a donor's after an exploit. */
    Optional<byte[]> restoreCheckpoint(int trialNumber);

    /** Saves the trial's state so that it can be paused, resumed or cloned; may return before it is stored. */
    void saveCheckpoint(int trialNumber, byte[] state);

    /** Stores a user attribute with the trial. */
    void setUserAttr(int trialNumber, String key, String value);

    /** The stop of the run, as this trial sees it; raised when the run is asked to stop. */
    StopSignal stopSignal(int trialNumber);

    /**
     * Hands back the outcome of the trial's evaluation. Returns at once; the engine records it
     * before it answers this worker's next {@link #next}.
     */
    void finish(int trialNumber, TrialOutcome outcome);

    /** A worker broke outside any objective (the engine or the store failed): the run ends with {@code why}. */
    void workerFailed(Throwable why);

    /** A worker has ended; called once by each worker, last. */
    void workerEnded();
}
