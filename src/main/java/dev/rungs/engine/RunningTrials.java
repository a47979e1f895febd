package dev.rungs.engine;

import dev.rungs.scheduler.Decision;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The trials running now, by number, with what the study as a whole has decided about them at
 * their next report: pause (a stop request) or stop (the resource budget is spent). Engine
 * thread only, as {@link TrialLifecycle}, which owns it.
 */
final class RunningTrials {
    private final Map<Integer, RunningTrial> running = new HashMap<>();

    int count() {
        return running.size();
    }

    /** Trial {@code number}'s run; it must be running. */
    RunningTrial get(int number) {
        RunningTrial r = running.get(number);
        if (r == null) {
            throw new IllegalStateException("trial " + number + " is not running");
        }
        return r;
    }

    void started(RunningTrial r) {
        running.put(r.number, r);
    }

    void ended(int number) {
        running.remove(number);
    }

    Collection<RunningTrial> all() {
        return running.values();
    }

    /**
     * Asks every running trial to stop at its next report: the study's resource budget is spent.
     * Trials the scheduler or a stop request has already decided about keep that decision.
     */
    void stopAllAtNextReport() {
        for (RunningTrial r : running.values()) {
            r.cutByBudget();
        }
    }

    /** Asks every running trial to pause at its next report (a stop request). */
    void pauseAllAtNextReport() {
        for (RunningTrial r : running.values()) {
            pauseByStop(r);
        }
    }

    /** Trial {@code r} pauses at its next report because the run was asked to stop, unless its end is decided. */
    static void pauseByStop(RunningTrial r) {
        if (r.pendingEnd == null) {
            r.pausedByStop = true;
            r.pendingEnd = Decision.PAUSE;
        }
    }

    /**
     * The answer to a report made as the resource budget ran out, the cut having been marked
     * just after the report was recorded: STOP at once rather than one step later, unless the
     * scheduler decided otherwise or the report reached the trial's budget.
     */
    Decision answerCut(int number, long step, Decision decided) {
        RunningTrial r = running.get(number);
        if (r == null || !r.cutByBudget || !(decided instanceof Decision.Continue) || step >= r.budget) {
            return decided;
        }
        r.endDelivered = true;
        return r.pendingEnd;
    }
}
