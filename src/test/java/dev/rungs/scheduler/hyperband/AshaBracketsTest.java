package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.Methods;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Asynchronous Hyperband: ASHA with several brackets side by side. */
class AshaBracketsTest {

    @Test
    void withThreeBracketsNewTrialsStartAtTheThreeSmallestRungsInTurn() {
        AshaScheduler asha = new AshaScheduler(1, 81, 3, 0, 3, false);
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int i = 0; i < 6; i++) {
            Work.NewTrial nt = assertInstanceOf(Work.NewTrial.class, asha.nextWork(h, 81));
            assertEquals(new long[] {1, 3, 9}[i % 3], nt.budget(), "trial " + i);
            assertEquals(Integer.toString(i % 3), nt.attrs().get(TrialFact.BRACKET.key()));
            h.put(Trial.running(i, AshaSchedulerTest.SPACE.validate(Map.of("x", 0.5)), nt.attrs(), Instant.EPOCH));
        }
        RungPlan plan = asha.rungPlan(81);
        assertEquals(List.of("rung at 1 → rung at 3 → rung at 9 → rung at 27 → rung at 81",
                "rung at 3 → rung at 9 → rung at 27 → rung at 81", "rung at 9 → rung at 27 → rung at 81"),
                plan.brackets().stream().map(plan::describe).toList());
    }

    @Test
    void throughTheEngineEachBracketPromotesItsOwnTrials() throws Exception {
        try (Tuner t = Tuner.builder(AshaSchedulerTest.SPACE).sampler(new RandomSampler())
                .scheduler(new AshaScheduler(1, 27, 3, 0, 3, false)).maxResource(27).workers(2).seed(5).build()) {
            StudyResult r = t.optimize((c, ctx) -> Math.abs(c.getDouble("x") - 0.4) + 1.0 / ctx.budget(),
                    Budget.trials(60));
            Map<String, Set<Long>> firstBudgets = r.trials().stream().filter(tr -> "0".equals(tr.attrs().get("rung")))
                    .collect(Collectors.groupingBy(tr -> tr.attrs().get(TrialFact.BRACKET.key()),
                            Collectors.mapping(tr -> tr.intermediate().firstKey(), Collectors.toCollection(TreeSet::new))));
            assertEquals(Map.of("0", Set.of(1L), "1", Set.of(3L), "2", Set.of(9L)), firstBudgets,
                    "each bracket's trials start at its own smallest rung");
            for (Trial tr : r.trials()) {
                int bracket = Integer.parseInt(tr.attrs().get(TrialFact.BRACKET.key()));
                int rung = Integer.parseInt(tr.attrs().get(TrialFact.RUNG.key()));
                assertTrue(rung <= 3 - bracket, "bracket " + bracket + " has " + (4 - bracket) + " rungs: " + tr);
            }
            assertTrue(r.trials().stream().anyMatch(tr -> tr.state() == TrialState.COMPLETE
                    && "1".equals(tr.attrs().get(TrialFact.BRACKET.key()))), "bracket 1 brought a trial to R");
        }
    }

    @Test
    void theSpecSettingBracketsMakesAsynchronousHyperband() {
        Scheduler s = Methods.createScheduler(new ComponentSpec("asha", Map.of("brackets", 3L)), 0);
        assertEquals(3, ((AshaScheduler) s).brackets());
        assertEquals(1, ((AshaScheduler) Methods.createScheduler(new ComponentSpec("asha", Map.of()), 0)).brackets(),
                "one bracket by default: ASHA");
        assertEquals(3, Methods.rungPlan(new ComponentSpec("asha", Map.of("brackets", 3L)), 81).orElseThrow()
                .brackets().size());
    }
}
