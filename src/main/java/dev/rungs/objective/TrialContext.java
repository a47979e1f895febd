package dev.rungs.objective;

import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a running trial can ask of the engine. One context belongs to one run of one trial.
 *
 * <p>A multi-fidelity objective trains from {@link #resumedFrom()} to {@link #budget()}, reports
 * as it goes and ends when a report's decision is not to go on:
 *
 * <pre>{@code
 * long epoch = ctx.restoreCheckpoint().map(Model::load).isPresent() ? ctx.resumedFrom() : 0;
 * while (epoch < ctx.budget()) {
 *     loss = trainOneEpoch(++epoch);
 *     Decision d = ctx.report(epoch, loss);
 *     if (d.kind() == Decision.Kind.PAUSE) { ctx.saveCheckpoint(model.save()); }
 *     if (!d.shouldContinue()) { break; }
 * }
 * }</pre>
 *
 * <p>In a study, everything but {@link #report}, the checkpoints and {@link #setUserAttr} is
 * answered by the context itself once it has read it from the engine (on first use), so it may
 * be called as often as is handy.
 */
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
     * count the resource used so far (epochs, trees, samples) and must grow. The decision's
     * {@link Decision#kind()} tells a pause (save a checkpoint: the trial may be resumed with a
     * larger budget) from a stop (the trial is pruned); a pause that comes from stopping the
     * whole run shows as {@link #stopRequested()} as well.
     */
    Decision report(long step, double value);

    /** The checkpoint to continue from: this trial's own when resumed, a donor's after an exploit. */
    Optional<byte[]> restoreCheckpoint();

    /** Saves the trial's state so that it can be paused, resumed or cloned. */
    void saveCheckpoint(byte[] state);

    /**
     * The resource this trial may have used when this run ends (the last step it should
     * report): the study's maximum resource, or a rung's resource under a multi-fidelity
     * scheduler. It counts from the start of the trial, not of this run: a trial promoted from
     * rung 3 to rung 9 has budget 9 and {@link #resumedFrom()} 3.
     */
    long budget();

    /**
     * The resource this trial had already used when this run began, so that it trains only
     * {@code budget() - resumedFrom()} more: 0 for a trial that starts afresh; for a trial
     * resumed (promoted to a larger rung, or continued after a pause) that has a checkpoint of
     * its own, the last step it reported, where the engine takes that checkpoint to be. An
     * objective that cannot restore from {@link #restoreCheckpoint()} starts again from 0.
     */
    default long resumedFrom() {
        return 0;
    }

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
