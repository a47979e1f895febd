package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import org.junit.jupiter.api.Test;

/**
 * When a study's trial budget ends it, Hyperband, Successive Halving and ASHA leave no trial
 * PAUSED: every trial not promoted ends PRUNED with its value at its last rung.
 */
class StudyEndTest {

    /** A budget objective: no reports, one value per run at the budget. */
    private static final Objective BY_BUDGET = (c, ctx) -> Math.abs(c.getDouble("x") - 0.3) + 1.0 / ctx.budget();

    /** Reports every step and continues from its checkpoint when resumed. */
    private static final Objective STEPPING = (c, ctx) -> {
        long from = ctx.restoreCheckpoint().map(b -> Long.parseLong(new String(b))).orElse(0L);
        double v = Double.NaN;
        for (long step = from + 1; step <= ctx.budget(); step++) {
            v = Math.abs(c.getDouble("x") - 0.3) + 1.0 / step;
            ctx.saveCheckpoint(Long.toString(step).getBytes());
            if (ctx.report(step, v) != Decision.CONTINUE) {
                break;
            }
        }
        return v;
    };

    private static StudyResult run(Scheduler scheduler, Objective objective, int trials, int workers) throws Exception {
        try (Tuner t = Tuner.builder(AshaSchedulerTest.SPACE).sampler(new RandomSampler()).scheduler(scheduler)
                .maxResource(27).workers(workers).seed(11).build()) {
            return t.optimize(objective, Budget.trials(trials));
        }
    }

    private static void assertSettled(StudyResult r, int trials) {
        assertEquals(trials, r.trials().size());
        for (Trial t : r.trials()) {
            assertTrue(t.state() != TrialState.PAUSED, "left paused: " + t);
            if (t.state() == TrialState.PRUNED) {
                assertTrue(t.value().isPresent(), "pruned without a value: " + t);
                long budget = Long.parseLong(t.attrs().get(TrialFact.BUDGET.key()));
                assertEquals(t.intermediate().get(budget), t.value().getAsDouble(), "its value at its last rung: " + t);
            }
        }
        assertTrue(r.trials().stream().anyMatch(t -> t.state() == TrialState.PRUNED), "some trial was not promoted");
        assertTrue(r.trials().stream().anyMatch(t -> t.state() == TrialState.COMPLETE
                && "27".equals(t.attrs().get(TrialFact.BUDGET.key()))), "some trial reached R");
    }

    @Test
    void hyperbandEndsWithNothingPaused() throws Exception {
        assertSettled(run(new HyperbandScheduler(1, 27, 3), BY_BUDGET, 20, 2), 20);
        assertSettled(run(new HyperbandScheduler(1, 27, 3), STEPPING, 50, 1), 50);
    }

    @Test
    void successiveHalvingEndsWithNothingPaused() throws Exception {
        assertSettled(run(new SuccessiveHalvingScheduler(1, 27, 3), BY_BUDGET, 10, 2), 10);
        assertSettled(run(new SuccessiveHalvingScheduler(1, 27, 3), STEPPING, 40, 1), 40);
    }

    @Test
    void ashaEndsWithNothingPaused() throws Exception {
        assertSettled(run(new AshaScheduler(1, 27, 3, 0, false), BY_BUDGET, 10, 2), 10);
        assertSettled(run(new AshaScheduler(1, 27, 3, 0, false), STEPPING, 40, 3), 40);
        assertSettled(run(new AshaScheduler(1, 27, 3, 0, 2, false), BY_BUDGET, 30, 2), 30);
    }
}
