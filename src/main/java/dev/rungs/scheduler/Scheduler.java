package dev.rungs.scheduler;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;

/**
 * Decides about running trials and chooses the next work for a free worker.
 *
 * <p>Contract: the engine calls a scheduler from its one engine thread only. A scheduler
 * returns decisions and never acts itself: it does not start, stop or touch trials.
 */
public interface Scheduler {

    /**
     * Called when a running trial reports {@code value} at {@code step}; {@code trial} already
     * holds the new report, {@code history} holds every trial of the study.
     */
    Decision onReport(Trial trial, long step, double value, TrialHistory history);

    /**
     * What a free worker should do next. The default starts a new trial at
     * {@code maxResource}.
     *
     * @param maxResource the study's largest resource per trial
     */
    default Work nextWork(TrialHistory history, long maxResource) {
        return new Work.NewTrial(maxResource, java.util.Map.of());
    }

    /**
     * What a free worker should do once no new trial may start because the study's trial budget
     * is reached: carry on with the trials already started (promote, resume, prune, wait), so
     * that work begun is finished, or {@link Work#DONE}. A {@link Work.NewTrial} answer ends the
     * run too. The default is {@link #nextWork}, so a scheduler that promotes whenever a trial
     * qualifies (ASHA) still promotes the trials that qualify; a synchronous one overrides it
     * to close its open bracket with the trials it has.
     */
    default Work nextWorkWithoutNewTrials(TrialHistory history, long maxResource) {
        return nextWork(history, maxResource);
    }

    /**
     * Whether a run that returns its value without having reported at all counts as one report
     * of that value at its budget, decided by {@link #onReport} like any other report. A budget
     * objective ({@code f(config, budget)}) reports nothing, so a multi-fidelity scheduler needs
     * this to judge, pause and promote it at rung boundaries; a scheduler that answers PAUSE
     * then leaves the trial PAUSED with its value as the intermediate value at its budget, and
     * resuming it runs the configuration again at the larger budget. Default false: a trial that
     * did not report simply completes.
     */
    default boolean judgesResults() {
        return false;
    }

    /**
     * Whether {@link #onReport} answers CONTINUE to every report of a run before its step
     * reaches the run's budget, whatever the values (a promotion-style scheduler that judges a
     * trial only where its run ends). The engine then records those reports without making the
     * trial wait for the answer. Default false: every report waits for the decision.
     */
    default boolean decidesOnlyAtBudget() {
        return false;
    }

    /** A scheduler that lets every trial run to its end. */
    static Scheduler none() {
        return NoScheduler.INSTANCE;
    }
}
