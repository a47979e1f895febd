package dev.rungs.objective;

/**
 * Thrown by an objective that ended a trial early because its run was asked to stop
 * ({@link TrialContext#stopRequested()}). The trial is neither failed nor finished: the engine
 * pauses it, and the next run of the study resumes it first from its last checkpoint.
 */
public final class TrialStoppedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A stop of trial {@code trialNumber}. */
    public TrialStoppedException(int trialNumber) {
        super("trial " + trialNumber + " was stopped with its run");
    }
}
