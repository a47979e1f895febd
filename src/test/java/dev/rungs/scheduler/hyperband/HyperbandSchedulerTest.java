package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.engine.TrialEvent;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Work;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Synchronous Successive Halving and Hyperband, run through the engine. */
class HyperbandSchedulerTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /** A budget objective whose ranking of configurations changes with the budget. */
    static final Objective SHUFFLING = (config, ctx) -> Math.sin(97.0 * config.getDouble("x") * ctx.budget());

    /** The table every user checks (Li et al., 2018), as "n_i@r_i" per bracket s = 4 … 0. */
    static final List<String> TABLE_R81_ETA3 = List.of(
            "81@1 27@3 9@9 3@27 1@81",
            "34@3 11@9 3@27 1@81",
            "15@9 5@27 1@81",
            "8@27 2@81",
            "5@81");

    @Test
    void theBracketsOfRIs81AndEta3AreThePapersTable() {
        List<String> table = Bracket.hyperband(1, 81, 3).stream()
                .map(b -> b.rungs().stream().map(r -> r.configs() + "@" + r.resource()).collect(Collectors.joining(" ")))
                .toList();
        assertEquals(TABLE_R81_ETA3, table);
        assertEquals(4, Bracket.sMax(1, 81, 3));
        assertEquals(4, Bracket.sMax(9, 729, 3), "counting ones' budgets 9 … 729");
    }

    @Test
    void oneHyperbandCycleRunsExactlyThePapersTable() {
        // Two workers, so that the synchronous rule (wait for the whole rung) is exercised too.
        OneCycle sched = new OneCycle(new HyperbandScheduler(1, 81, 3));
        ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(sched).maxResource(81)
                .workers(2).seed(3).build()) {
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Started s) {
                    runs.add(s.trial().attrs().get(TrialFact.BRACKET.key()) + "/" + s.trial().attrs().get(TrialFact.RUNG.key()));
                } else if (e instanceof TrialEvent.Resumed r) {
                    runs.add(r.trial().attrs().get(TrialFact.BRACKET.key()) + "/" + r.trial().attrs().get(TrialFact.RUNG.key()));
                }
            });
            StudyResult r = t.optimize(SHUFFLING, Budget.trials(10_000));
            assertEquals("scheduler finished", r.stopReason());
            // Runs per (bracket, rung), and the budget each of them was given.
            List<String> table = new ArrayList<>();
            for (int s = 4; s >= 0; s--) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i <= s; i++) {
                    String key = s + "/" + i;
                    long n = runs.stream().filter(key::equals).count();
                    int rung = i;
                    int bracket = s;
                    Set<String> budgets = r.trials().stream()
                            .filter(tr -> tr.attrs().get(TrialFact.BRACKET.key()).equals(Integer.toString(bracket)))
                            .filter(tr -> Integer.parseInt(tr.attrs().get(TrialFact.RUNG.key())) >= rung)
                            .map(tr -> Long.toString(firstStepAtOrAfterRung(tr, bracket, rung)))
                            .collect(Collectors.toSet());
                    assertEquals(1, budgets.size(), "one budget per rung: " + key + " " + budgets);
                    row.add(n + "@" + budgets.iterator().next());
                }
                table.add(String.join(" ", row));
            }
            assertEquals(TABLE_R81_ETA3, table);
            // Every configuration that did not reach its bracket's top was stopped; the tops completed.
            for (Trial tr : r.trials()) {
                boolean top = tr.attrs().get(TrialFact.RUNG.key()).equals(tr.attrs().get(TrialFact.BRACKET.key()));
                assertEquals(top ? TrialState.COMPLETE : TrialState.PRUNED, tr.state(), tr.toString());
                if (!top) {
                    assertEquals("stopped", tr.attrs().get(TrialFact.OUTCOME.key()));
                }
            }
            assertEquals(81 + 34 + 15 + 8 + 5, r.trials().size());
            long paperResource = 0;
            for (Bracket b : Bracket.hyperband(1, 81, 3)) {
                for (Bracket.Rung rung : b.rungs()) {
                    paperResource += rung.configs() * rung.resource();
                }
            }
            assertEquals(paperResource, r.resourceUsed(), "a budget objective runs again in full at every rung");
            assertTrue(sched.handedOut.stream().anyMatch(w -> w instanceof Work.Wait),
                    "with two workers a rung must sometimes wait for its last result");
        }
    }

    /** The step this trial's run at {@code rung} reported (its rung's resource). */
    private static long firstStepAtOrAfterRung(Trial t, int s, int rung) {
        long resource = Bracket.of(s, 4, 1, 81, 3).rungs().get(rung).resource();
        return t.intermediate().tailMap(resource).firstKey();
    }

    @Test
    void successiveHalvingOver27ConfigurationsKeepsExactlyTheBestThirdAtEachRung() {
        OneCycle sched = new OneCycle(new SuccessiveHalvingScheduler(1, 27, 3));
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(sched).maxResource(27)
                .seed(11).build()) {
            StudyResult r = t.optimize(SHUFFLING, Budget.trials(1_000));
            List<Trial> all = r.trials();
            assertEquals(27, all.size());
            long[] resources = {1, 3, 9, 27};
            int[] sizes = {27, 9, 3, 1};
            for (int i = 0; i < 4; i++) {
                int rung = i;
                List<Trial> reached = all.stream().filter(tr -> rungOf(tr) >= rung).toList();
                assertEquals(sizes[i], reached.size(), "configurations at rung " + i);
                if (i == 3) {
                    break;
                }
                long res = resources[i];
                Set<Integer> bestThird = reached.stream()
                        .sorted(Comparator.comparingDouble(tr -> tr.intermediate().get(res)))
                        .limit(sizes[i] / 3).map(Trial::number).collect(Collectors.toSet());
                Set<Integer> promoted = reached.stream().filter(tr -> rungOf(tr) > rung).map(Trial::number)
                        .collect(Collectors.toSet());
                assertEquals(bestThird, promoted, "rung " + i + " keeps exactly its best third");
                for (Trial tr : reached) {
                    if (!promoted.contains(tr.number())) {
                        assertEquals(TrialState.PRUNED, tr.state());
                        assertEquals("stopped", tr.attrs().get(TrialFact.OUTCOME.key()));
                        assertEquals(tr.intermediate().get(res), tr.value().getAsDouble(), 0.0,
                                "a stopped trial keeps its value at its rung");
                    } else {
                        // The outcome is the last decision about it: stopped at a later rung, or promoted to the top.
                        assertEquals(tr.state() == TrialState.COMPLETE ? "promoted" : "stopped",
                                tr.attrs().get(TrialFact.OUTCOME.key()));
                    }
                }
            }
            Trial winner = all.stream().filter(tr -> rungOf(tr) == 3).findFirst().orElseThrow();
            assertEquals(TrialState.COMPLETE, winner.state());
            assertEquals(Math.sin(97.0 * winner.config().getDouble("x") * 27), winner.value().getAsDouble(), 1e-12);
            assertEquals("27", winner.attrs().get(TrialFact.BUDGET.key()));
            assertEquals(Set.of(1L, 3L, 9L, 27L), winner.intermediate().keySet(), "its result at every rung");
            assertEquals(27 + 9 * 3 + 3 * 9 + 27, r.resourceUsed(), "promotions run the configuration again");
        }
    }

    /** Counts steps from its checkpoint and saves one at every step. */
    static final Objective CHECKPOINTED = (config, ctx) -> {
        long step = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        double v = Double.NaN;
        while (step < ctx.budget()) {
            step++;
            v = config.getDouble("x") + 1.0 / step;
            ctx.saveCheckpoint(ByteBuffer.allocate(8).putLong(step).array());
            if (!ctx.report(step, v).shouldContinue()) {
                break;
            }
        }
        return v;
    };

    @Test
    void promotionsContinueFromTheCheckpointOfAnIterativeObjective() {
        OneCycle sched = new OneCycle(new SuccessiveHalvingScheduler(1, 27, 3));
        List<TrialEvent.Resumed> resumed = new ArrayList<>();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(sched).maxResource(27)
                .seed(5).build()) {
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Resumed x) {
                    resumed.add(x);
                }
            });
            StudyResult r = t.optimize(CHECKPOINTED, Budget.trials(1_000));
            assertEquals(9 + 3 + 1, resumed.size(), "every promotion resumes the paused trial itself");
            Trial winner = r.trials().stream().filter(tr -> rungOf(tr) == 3).findFirst().orElseThrow();
            assertEquals(TrialState.COMPLETE, winner.state());
            TreeMap<Long, Double> expected = new TreeMap<>();
            for (long s = 1; s <= 27; s++) {
                expected.put(s, winner.config().getDouble("x") + 1.0 / s);
            }
            assertEquals(expected, new TreeMap<>(winner.intermediate()), "steps 1 … 27, each once");
            assertEquals("27", winner.attrs().get(TrialFact.RESOURCE_USED.key()), "27 steps, none paid twice");
            // Resource: 27 configurations × 1, then 9 × 2, 3 × 6 and 1 × 18 more steps.
            assertEquals(27 + 9 * 2 + 3 * 6 + 18, r.resourceUsed());
            // The smallest x wins here: the value at every rung is x + 1/step.
            double minX = r.trials().stream().mapToDouble(tr -> tr.config().getDouble("x")).min().orElseThrow();
            assertEquals(minX, winner.config().getDouble("x"), 0.0);
        }
    }

    @Test
    void aStudyStoppedMidRungResumesThatRungFirst() {
        // Stop the run while the first trials are mid-rung; the next run finishes their rung.
        SuccessiveHalvingScheduler sh = new SuccessiveHalvingScheduler(3, 27, 3);
        dev.rungs.store.InMemoryStudyStore store = new dev.rungs.store.InMemoryStudyStore();
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Objective slow = (config, ctx) -> {
            long step = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
            double v = Double.NaN;
            while (step < ctx.budget()) {
                step++;
                v = config.getDouble("x") * step;
                ctx.saveCheckpoint(ByteBuffer.allocate(8).putLong(step).array());
                reported.countDown();
                if (!ctx.report(step, v).shouldContinue()) {
                    break;
                }
                Thread.sleep(2);
            }
            return v;
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(sh).maxResource(27).name("s")
                .store(store).seed(2).build()) {
            var handle = t.start(slow, Budget.trials(1_000));
            reported.await();
            handle.stop();
            StudyResult first = handle.await();
            assertTrue(first.trials().stream().anyMatch(tr -> tr.state() == TrialState.PAUSED && tr.lastStep() < 3),
                    "the stop paused a trial before its rung's resource");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(new OneCycle(sh)).maxResource(27)
                .name("s").store(store).seed(2).resume().build()) {
            StudyResult r = t.optimize(slow, Budget.trials(1_000));
            assertEquals(9, r.trials().size(), "η^s_max = 9 configurations in the bracket, no more");
            assertEquals(1, r.count(TrialState.COMPLETE));
            assertEquals(8, r.count(TrialState.PRUNED));
            assertTrue(r.trials().stream().allMatch(tr -> tr.lastStep() >= 3), "every configuration finished rung 0");
        }
    }

    static int rungOf(Trial t) {
        return Integer.parseInt(t.attrs().get(TrialFact.RUNG.key()));
    }

    @Test
    void aTrialWithoutBracketAttributesIsLeftAlone() {
        HyperbandScheduler hb = new HyperbandScheduler(1, 9, 3);
        Trial plain = Trial.running(0, SPACE.validate(Map.of("x", 0.5)), Map.of(), java.time.Instant.EPOCH)
                .withReport(9, 1.0);
        assertEquals(dev.rungs.scheduler.Decision.CONTINUE,
                hb.onReport(plain, 9, 1.0, new dev.rungs.study.MutableTrialHistory(dev.rungs.study.Direction.MINIMIZE)));
    }
}
