package dev.rungs.objective;

import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** What a running trial can ask of the engine. One context belongs to one run of one trial. */
public interface TrialContext {

    /** The trial's number in its study. */
    int trialNumber();

    /**
     * The configuration to evaluate now: the one the objective was called with, or the new one
     * after an {@code Exploit} decision.
     */
    Config config();

    /**
     * Records {@code value} at {@code step} and blocks until the scheduler decides. Steps
     * count the resource used so far (epochs, trees, samples) and must grow.
     */
    Decision report(long step, double value);

    /** The checkpoint to continue from: this trial's own when resumed, a donor's after an exploit. */
    Optional<byte[]> restoreCheckpoint();

    /** Saves the trial's state so that it can be paused, resumed or cloned. */
    void saveCheckpoint(byte[] state);

    /** The resource this run may use in total (the last step it should report). */
    long budget();

    /** A random generator seeded for this trial, for objectives that need randomness. */
    RandomGenerator random();

    /** Stores a user attribute with the trial (shown in the table, exported to CSV). */
    void setUserAttr(String key, String value);

    /**
     * Whether the run was asked to stop. An objective that watches this (or
     * {@link #whenStopRequested}) may end at once, after saving a checkpoint, by throwing
     * {@link TrialStoppedException}: the trial is then paused and resumed by the next run. One
     * that does not is paused at its next report, or, if it never reports again, runs to its end.
     * By default a run is never stopped.
     */
    default boolean stopRequested() {
        return false;
    }

    /**
     * Runs {@code action} once, on the stopping thread, when the run is asked to stop (at once if
     * it already was), for objectives that wait on something else and must wake up. The action
     * must return quickly. The registration ends with this run of the trial.
     */
    default void whenStopRequested(Runnable action) {
        // a context that is never stopped never calls it
    }
}
