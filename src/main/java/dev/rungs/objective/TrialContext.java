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
     * The stop of the run this trial belongs to. An objective that watches it may end at once,
     * after saving a checkpoint, by throwing {@link TrialStoppedException}: the trial is then
     * paused and resumed first by the next run. One that does not is paused at its next report,
     * or, if it never reports again, runs to its end. Actions registered with
     * {@link StopSignal#whenRequested} are dropped when this run of the trial ends. By default a
     * context is never stopped.
     */
    default StopSignal stopSignal() {
        return StopSignal.NEVER;
    }

    /** Whether the run was asked to stop ({@link #stopSignal()}). */
    default boolean stopRequested() {
        return stopSignal().isRequested();
    }
}
