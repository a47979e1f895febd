package dev.rungs.engine;

import dev.rungs.scheduler.Decision;

/** What the engine tracks about one run of a trial while it runs; engine thread only, but for {@link #pendingEnd}. */
final class RunningTrial {
    final int number;
    final long budget;
    /** Seed of the objective's random generator for this run. */
    final long randomSeed;
    /**
     * STOP or PAUSE once decided; the trial ends that way when the objective returns. Written
     * on the engine thread only; volatile because a worker reads it to tell whether its next
     * report may be answered without a round trip to the engine.
     */
    volatile Decision pendingEnd;
    /**
     * Whether the objective was told of {@link #pendingEnd} by a report. A trial that returns
     * without reporting again never heard of a pause asked for by a stop request: it ran to
     * its end, and its value stands.
     */
    boolean endDelivered;
    /** Whether the pending PAUSE comes from a stop request rather than the scheduler. */
    boolean pausedByStop;
    /** Whether the pending STOP comes from the study's resource budget running out rather than the scheduler. */
    boolean cutByBudget;
    /** Checkpoint handed to the objective on restore: its own when resumed, a donor's after an exploit. */
    byte[] restore;
    /** The step the own checkpoint was saved at, so restored steps are not counted as used again. */
    long restoreStep;
    /** The step this run restored its own checkpoint from; steps up to it were paid for before. */
    long restoredFrom;
    /** Highest step counted as used resource in this run. */
    long highWater;
    boolean reported;

    RunningTrial(int number, long budget, long randomSeed) {
        this.number = number;
        this.budget = budget;
        this.randomSeed = randomSeed;
    }

    /** Stops the run at its next report, the resource budget being spent, unless its end is decided already. */
    void cutByBudget() {
        if (pendingEnd == null) {
            cutByBudget = true;
            pendingEnd = Decision.STOP;
        }
    }

    /**
     * Whether a report of a run the budget cut is the first to reach the run's own budget: it has
     * then done what it was started for, and its scheduler decides about it as usual (COMPLETE
     * at R, PAUSED at a rung) instead of the cut.
     */
    boolean reachesBudget(long step, double value) {
        return step >= budget && highWater < budget && Double.isFinite(value);
    }
}
