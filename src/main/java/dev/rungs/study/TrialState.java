package dev.rungs.study;

/** Where a trial is in its life. */
public enum TrialState {
    /** Created and queued, not started. */
    WAITING,
    /** A worker (or an ask/tell caller) is evaluating it. */
    RUNNING,
    /** Stopped by its scheduler with a checkpoint; it may be resumed at a larger budget. */
    PAUSED,
    /** Finished with a finite value. */
    COMPLETE,
    /** Stopped early by its scheduler as unpromising. */
    PRUNED,
    /** Threw, returned NaN or infinity, or was interrupted; the reason is in attribute {@code fail_reason}. */
    FAIL;

    /** Whether the trial will not change again. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
