package dev.rungs.scheduler.hyperband;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the engine does with a scheduler's work, on a history alone, for the tests that replay
 * random studies against a scheduler and its straightforward reference.
 */
final class RandomStudySteps {
    private RandomStudySteps() {
    }

    /** Starts what {@code w} asks for (a new trial, or a resumed one at a larger budget); returns its number. */
    static int start(MutableTrialHistory h, Work w) {
        if (w instanceof Work.NewTrial nt) {
            int n = h.nextNumber();
            h.put(TrialFact.BUDGET.on(Trial.running(n, AshaSchedulerTest.SPACE.validate(Map.of("x", 0.5)), nt.attrs(),
                    Instant.EPOCH), nt.budget()));
            return n;
        }
        Work.Resume r = (Work.Resume) w;
        Trial t = h.get(r.trialNumber());
        for (Map.Entry<String, String> e : r.attrs().entrySet()) {
            t = t.withAttr(e.getKey(), e.getValue());
        }
        h.put(TrialFact.BUDGET.on(t, r.budget()).withState(TrialState.RUNNING, Instant.EPOCH));
        return r.trialNumber();
    }

    /**
     * Ends a run of trial {@code n}: a failure with probability {@code failures}, a pause by a
     * stop before the budget with probability {@code pauses}, else a result at the budget from
     * few distinct values (so ties at rungs are common), which the scheduler then judges.
     */
    static void finish(MutableTrialHistory h, int n, Scheduler scheduler, SplittableRandom rnd, double failures,
            double pauses) {
        Trial t = h.get(n);
        long budget = TrialFact.BUDGET.in(t).orElseThrow();
        double roll = rnd.nextDouble();
        if (roll < failures) {
            h.put(t.withAttr(Trial.FAIL_REASON, "boom").withState(TrialState.FAIL, Instant.EPOCH));
            return;
        }
        double v = rnd.nextInt(40) / 4.0;
        if (roll < failures + pauses && budget > t.lastStep() + 1) {
            h.put(t.withReport(budget - 1, v).withState(TrialState.PAUSED, Instant.EPOCH));
            return;
        }
        t = t.withReport(budget, v);
        h.put(t);
        Decision d = scheduler.onReport(t, budget, v, h);
        h.put(d instanceof Decision.Pause ? t.withState(TrialState.PAUSED, Instant.EPOCH)
                : t.withValue(v).withState(TrialState.COMPLETE, Instant.EPOCH));
    }
}
