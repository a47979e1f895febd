package dev.rungs.engine;

/** How one evaluation of a trial ended, as a worker hands it back to its {@link TrialHost}. */
public sealed interface TrialOutcome {

    /** The objective returned a value (NaN or infinity make the trial FAIL). */
    record Value(double value) implements TrialOutcome {
    }

    /** The objective threw, or was interrupted; {@code reason} is kept with the trial. */
    record Failed(String reason) implements TrialOutcome {
    }

    /**
     * The objective ended at once because its run was asked to stop
     * ({@code TrialStoppedException} after a stop request): the trial is paused, and the next
     * run resumes it first.
     */
    record Stopped() implements TrialOutcome {
    }
}
