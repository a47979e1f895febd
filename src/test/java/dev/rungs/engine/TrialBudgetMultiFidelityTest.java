package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.MultiFidelityHartmann;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.sampler.Sampler;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A trial budget on a multi-fidelity study stops new configurations but lets the brackets that
 * started finish: the study ends with trials at full resource, not with every trial paused.
 */
class TrialBudgetMultiFidelityTest {
    private final MultiFidelityHartmann problem = new MultiFidelityHartmann();

    private StudyResult run(Sampler sampler, Scheduler scheduler, Objective objective, Budget budget) throws Exception {
        try (Tuner t = Tuner.builder(problem.space()).sampler(sampler).scheduler(scheduler).maxResource(81)
                .workers(2).seed(3).build()) {
            return t.optimize(objective, budget);
        }
    }

    private static Map<TrialState, Long> states(StudyResult r) {
        return r.trials().stream().collect(Collectors.groupingBy(Trial::state, Collectors.counting()));
    }

    private static boolean reachedFull(StudyResult r, long resource) {
        return r.trials().stream().anyMatch(t -> t.state() == TrialState.COMPLETE
                && Long.toString(resource).equals(t.attrs().get("budget")));
    }

    @Test
    void hyperbandsFirstBracketOf81ClosesWithTheFortyItHasAndReachesTheTop() throws Exception {
        StudyResult r = run(new RandomSampler(), new HyperbandScheduler(1, 81, 3), problem, Budget.trials(40));
        assertEquals(40, r.trials().size(), "40 configurations, no more");
        assertEquals("trial budget reached (40)", r.stopReason());
        assertTrue(reachedFull(r, 81), "a trial completed at 81: " + states(r));
        assertEquals(0, states(r).getOrDefault(TrialState.PAUSED, 0L), "nothing left paused: " + states(r));
        // 40 → 13 → 4 → 1 → 1: every rung kept ⌊k/3⌋ (at least one) of what reached it.
        Map<String, Long> byRung = r.trials().stream().collect(Collectors.groupingBy(t -> t.attrs().get("rung"),
                Collectors.counting()));
        assertEquals(Map.of("0", 27L, "1", 9L, "2", 3L, "3", 0L, "4", 1L).get("4"), byRung.get("4"));
        assertEquals(13, r.trials().stream().filter(t -> Integer.parseInt(t.attrs().get("rung")) >= 1).count());
        assertEquals(4, r.trials().stream().filter(t -> Integer.parseInt(t.attrs().get("rung")) >= 2).count());
    }

    @Test
    void bohbWithTheFormsOldDefaultOfFortyTrialsEndsWithATrialAtFullResource() throws Exception {
        StudyResult r = run(new BohbSampler(), new HyperbandScheduler(1, 81, 3), problem, Budget.trials(40));
        assertEquals(40, r.trials().size());
        assertTrue(reachedFull(r, 81), "a trial completed at 81: " + states(r));
        assertEquals(0, states(r).getOrDefault(TrialState.PAUSED, 0L));
    }

    @Test
    void successiveHalvingClosesItsBracketToo() throws Exception {
        StudyResult r = run(new RandomSampler(), new SuccessiveHalvingScheduler(1, 27, 3), problem, Budget.trials(10));
        assertEquals(10, r.trials().size());
        assertTrue(reachedFull(r, 27), "10 → 3 → 1 → 1 at 27: " + states(r));
        assertEquals(0, states(r).getOrDefault(TrialState.PAUSED, 0L));
    }

    @Test
    void ashaStillPromotesWhatQualifiesOnceNewTrialsEnd() throws Exception {
        // 81 at rung 0 are what it takes for one to rank in the top third of every rung: 81 → 27 → 9 → 3 → 1.
        StudyResult r = run(new RandomSampler(), new AshaScheduler(1, 81, 3, 0, false), problem, Budget.trials(81));
        assertEquals(81, r.trials().size());
        assertTrue(reachedFull(r, 81), "the promotions went on after the 81st configuration: " + states(r));
        // How many reach R depends on the order results arrive in (two workers): ASHA promotes any
        // trial that ranks in the top third of its rung so far, and a rung closed early promotes
        // its best. What must hold whatever the order: nothing is left paused without a value.
        assertEquals(0, states(r).getOrDefault(TrialState.PAUSED, 0L), states(r).toString());
        assertTrue(r.trials().stream().filter(t -> t.state() == TrialState.PRUNED).allMatch(t -> t.value().isPresent()),
                "every pruned trial keeps its value at its last rung");
    }

    @Test
    void aTimeBudgetStillStopsEverythingAtOnce() throws Exception {
        StudyResult r = run(new RandomSampler(), new HyperbandScheduler(1, 81, 3), problem, Budget.seconds(0));
        assertTrue(r.stopReason().startsWith("time budget reached"), r.stopReason());
        assertEquals(0, r.trials().size());
    }

    @Test
    void oneFullIterationUsesTheResourceItsPlanSays() throws Exception {
        HyperbandScheduler hb = new HyperbandScheduler(1, 81, 3);
        RungPlan plan = hb.rungPlan(81);
        assertEquals(143, plan.configurationsPerIteration(), "81 + 34 + 15 + 8 + 5");
        assertEquals("81 at 1 → 27 at 3 → 9 at 9 → 3 at 27 → 1 at 81", plan.describe(plan.brackets().get(0)));
        // The benchmark is a budget objective: each rung runs the configuration again at r_i.
        StudyResult r = run(new RandomSampler(), hb, problem, Budget.trials(plan.configurationsPerIteration()));
        assertEquals(143, r.trials().size());
        assertEquals(plan.resourcePerIteration(false), r.resourceUsed());
        // A trial that reports each step and continues from its checkpoint pays r_i − r_{i−1}.
        Objective stepping = (config, ctx) -> {
            long from = ctx.restoreCheckpoint().isPresent() ? Long.parseLong(new String(ctx.restoreCheckpoint().get())) : 0;
            double v = 0;
            for (long step = from + 1; step <= ctx.budget(); step++) {
                v = problem.value(problem.space().encode(config), step, ctx.random());
                ctx.saveCheckpoint(Long.toString(step).getBytes());
                if (ctx.report(step, v) != dev.rungs.scheduler.Decision.CONTINUE) {
                    break;
                }
            }
            return v;
        };
        StudyResult continuing = run(new RandomSampler(), new HyperbandScheduler(1, 81, 3), stepping,
                Budget.trials(143));
        assertEquals(plan.resourcePerIteration(true), continuing.resourceUsed());
        System.out.printf("one Hyperband iteration (1, 81, 3): %d configurations, resource %d rerun / %d continued%n",
                143, r.resourceUsed(), continuing.resourceUsed());
    }

    @Test
    void ashasPlanHasRungsButNoCounts() {
        RungPlan plan = new AshaScheduler(1, 81, 3, 0, false).rungPlan(81);
        assertEquals(List.of(1L, 3L, 9L, 27L, 81L),
                java.util.Arrays.stream(plan.rungResources(plan.brackets().get(0))).boxed().toList());
        assertEquals(0, plan.configurationsPerIteration());
        assertTrue(!plan.synchronous());
    }
}
