package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A resource budget is checked at every report, so a study overshoots it by at most one step per
 * running trial; and a study that a time or resource budget ends leaves no trial PAUSED: every
 * trial not promoted, or cut by the budget mid-rung, ends PRUNED with its last reported value.
 */
class BudgetEndTest {
    private static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();
    private static final int WORKERS = 4;
    private static final long R = 27;

    /** Reports every step, continues from its checkpoint when resumed, and counts every step it runs. */
    private static Objective stepping(AtomicLong stepsRun, long sleepMillis) {
        return (c, ctx) -> {
            long from = ctx.restoreCheckpoint().map(b -> Long.parseLong(new String(b))).orElse(0L);
            double v = Double.NaN;
            for (long step = from + 1; step <= ctx.budget(); step++) {
                if (sleepMillis > 0) {
                    Thread.sleep(sleepMillis);
                }
                stepsRun.incrementAndGet();
                v = Math.abs(c.getDouble("x") - 0.3) + 1.0 / step;
                ctx.saveCheckpoint(Long.toString(step).getBytes());
                if (ctx.report(step, v) != Decision.CONTINUE) {
                    break;
                }
            }
            return v;
        };
    }

    private static StudyResult run(Scheduler scheduler, Objective objective, Budget budget) {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(scheduler).maxResource(R)
                .workers(WORKERS).seed(5).build()) {
            return t.optimize(objective, budget);
        }
    }

    /** No trial PAUSED; every PRUNED trial holds its last reported value. */
    private static void assertSettled(StudyResult r) {
        for (Trial t : r.trials()) {
            assertTrue(t.state() != TrialState.PAUSED, "left paused: " + t);
            if (t.state() == TrialState.PRUNED) {
                assertTrue(t.value().isPresent(), "pruned without a value: " + t);
                assertEquals(t.intermediate().get(t.lastStep()), t.value().getAsDouble(),
                        "its last reported value: " + t);
            }
        }
    }

    private static void assertResourceBudgetHolds(Supplier<Scheduler> scheduler, long budget) {
        AtomicLong stepsRun = new AtomicLong();
        StudyResult r = run(scheduler.get(), stepping(stepsRun, 0), Budget.resource(budget));
        String name = scheduler.get().toString();
        assertTrue(r.stopReason().startsWith("resource budget reached"), name + ": " + r.stopReason());
        assertTrue(r.resourceUsed() >= budget, name + ": the budget was spent, " + r.resourceUsed());
        assertTrue(r.resourceUsed() <= budget + WORKERS, name + ": at most one step per running trial over, counted "
                + r.resourceUsed());
        assertTrue(stepsRun.get() <= budget + WORKERS, name + ": at most one step per running trial over, ran "
                + stepsRun.get());
        assertEquals(r.trials().stream().mapToLong(Trial::resourceUsed).sum(), r.resourceUsed(),
                name + ": the trials' resource adds up to the study's");
        assertSettled(r);
    }

    @Test
    void ashaOvershootsAResourceBudgetByAtMostOneStepPerRunningTrial() {
        assertResourceBudgetHolds(() -> new AshaScheduler(1, R, 3, 0, false), 300);
        assertResourceBudgetHolds(() -> new AshaScheduler(1, R, 3, 0, 2, false), 211);
    }

    @Test
    void hyperbandOvershootsAResourceBudgetByAtMostOneStepPerRunningTrial() {
        assertResourceBudgetHolds(() -> new HyperbandScheduler(1, R, 3), 300);
    }

    @Test
    void successiveHalvingOvershootsAResourceBudgetByAtMostOneStepPerRunningTrial() {
        assertResourceBudgetHolds(() -> new SuccessiveHalvingScheduler(1, R, 3), 300);
    }

    @Test
    void theBoundHoldsForAnyBudgetAndWithoutAScheduler() {
        for (long budget : new long[] {1, 50, 257, 499}) {
            assertResourceBudgetHolds(() -> new AshaScheduler(1, R, 3, 0, false), budget);
            assertResourceBudgetHolds(() -> new HyperbandScheduler(1, R, 3), budget);
        }
        // Every report waits for the engine here: the cut trials end PRUNED at their last report too.
        assertResourceBudgetHolds(Scheduler::none, 100);
    }

    @Test
    void aTrialWhoseCuttingReportReachesItsBudgetCompletes() {
        // One worker, R = 27, budget 27: the one trial's report at 27 spends the budget and is its last.
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(Scheduler.none()).maxResource(R)
                .workers(1).seed(5).build()) {
            StudyResult r = t.optimize(stepping(new AtomicLong(), 0), Budget.resource(R));
            assertEquals(1, r.trials().size());
            assertEquals(TrialState.COMPLETE, r.trials().get(0).state(), r.trials().get(0).toString());
            assertEquals(R, r.resourceUsed());
        }
    }

    @Test
    void aStopRequestUnderAResourceBudgetStillKeepsItsTrialsPausedForTheNextRun() throws Exception {
        // Hyperband's first bracket runs 27 configurations at 1 before it decides anything: a stop
        // after about ten of them leaves them all PAUSED, none settled as by a budget's end.
        AtomicLong stepsRun = new AtomicLong();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(new HyperbandScheduler(1, R, 3))
                .maxResource(R).workers(2).seed(5).build()) {
            RunHandle h = t.start(stepping(stepsRun, 2), Budget.resource(100_000));
            while (stepsRun.get() < 10) {
                Thread.sleep(1);
            }
            h.stop();
            StudyResult r = h.await();
            assertEquals(StudyResult.STOP_REQUESTED, r.stopReason());
            assertTrue(r.wasStopped());
            assertTrue(r.trials().size() < 27, "the stop came within the first rung: " + r.trials().size());
            assertEquals(r.trials().size(), r.count(TrialState.PAUSED), "nothing settled: " + r.trials());
        }
    }

    @Test
    void aTimeBudgetEndsMultiFidelityStudiesWithNothingPaused() {
        for (Scheduler s : new Scheduler[] {new AshaScheduler(1, R, 3, 0, false), new HyperbandScheduler(1, R, 3),
                new SuccessiveHalvingScheduler(1, R, 3)}) {
            StudyResult r = run(s, stepping(new AtomicLong(), 1), Budget.seconds(0.4));
            assertTrue(r.stopReason().startsWith("time budget reached"), s + ": " + r.stopReason());
            assertSettled(r);
        }
    }
}
