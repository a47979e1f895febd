package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/** ASHA: the top-1/η promotion rule, no idle workers, and the pruner form. */
class AshaSchedulerTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /**
     * A minimal engine for driving a scheduler directly: each work item runs a budget objective
     * {@code value(trial, budget)} that reports once at its budget, as the real engine does for a
     * scheduler that judges results. Workers finish in the order of their simulated durations.
     */
    static final class Sim {
        final MutableTrialHistory history = new MutableTrialHistory(Direction.MINIMIZE);
        final Scheduler scheduler;
        final long maxResource;
        final ToDoubleBiFunction<Integer, Long> value;
        final List<String> log = new ArrayList<>();

        Sim(Scheduler scheduler, long maxResource, ToDoubleBiFunction<Integer, Long> value) {
            this.scheduler = scheduler;
            this.maxResource = maxResource;
            this.value = value;
        }

        /** Starts the next work; returns the running trial's number, or -1 for WAIT/DONE. */
        int start() {
            Work w = scheduler.nextWork(history, maxResource);
            if (w instanceof Work.NewTrial nt) {
                int n = history.nextNumber();
                Trial t = Trial.running(n, SPACE.validate(Map.of("x", n / 1000.0)), nt.attrs(), Instant.EPOCH);
                history.put(t);
                log.add("new@" + nt.budget());
                return n;
            }
            if (w instanceof Work.Resume r) {
                Trial t = history.get(r.trialNumber());
                for (Map.Entry<String, String> e : r.attrs().entrySet()) {
                    t = t.withAttr(e.getKey(), e.getValue());
                }
                history.put(t.withState(TrialState.RUNNING, Instant.EPOCH));
                log.add("resume " + r.trialNumber() + "@" + r.budget());
                return r.trialNumber();
            }
            log.add(w instanceof Work.Wait ? "wait" : "done");
            return -1;
        }

        void finish(int n) {
            Trial t = history.get(n);
            long budget = Long.parseLong(t.attrs().get(TrialFact.BUDGET.key()));
            double v = value.applyAsDouble(n, budget);
            t = t.withReport(budget, v);
            history.put(t);
            Decision d = scheduler.onReport(t, budget, v, history);
            history.put(d instanceof Decision.Pause ? t.withState(TrialState.PAUSED, Instant.EPOCH)
                    : t.withValue(v).withState(TrialState.COMPLETE, Instant.EPOCH));
        }
    }

    @Test
    void promotesByTheTopThirdRuleOnAScriptedSequence() {
        // η = 3, rungs at 1, 3 and 9. Values by trial and budget; one worker.
        Map<String, Double> script = Map.ofEntries(
                Map.entry("0@1", 5.0), Map.entry("1@1", 3.0), Map.entry("2@1", 4.0), Map.entry("1@3", 2.5),
                Map.entry("3@1", 1.0), Map.entry("3@3", 0.5), Map.entry("4@1", 6.0), Map.entry("5@1", 0.1),
                Map.entry("5@3", 3.0), Map.entry("3@9", 0.2), Map.entry("6@1", 9.0));
        Sim sim = new Sim(new AshaScheduler(1, 9, 3, 0, false), 9, (n, b) -> script.get(n + "@" + b));
        for (int i = 0; i < 11; i++) {
            sim.finish(sim.start());
        }
        assertEquals(List.of(
                "new@1", "new@1", // one and two results at rung 0: floor(n/3) = 0, nothing to promote
                "new@1",
                "resume 1@3",     // three results: trial 1 (3.0) is the top third
                "new@1",          // rung 1 holds one result; trial 1 is already promoted from rung 0
                "resume 3@3",     // four results at rung 0: the best one, trial 3 (1.0), goes up
                "new@1",          // five results: top one is trial 3, already promoted
                "new@1",
                "resume 5@3",     // six results: top two are 5 (0.1) and 3 (1.0); 5 is waiting
                "resume 3@9",     // rung 1 now has three results: trial 3 (0.5) goes to the top rung
                "new@1"), sim.log);
        Trial top = sim.history.get(3);
        assertEquals(TrialState.COMPLETE, top.state());
        assertEquals("2", top.attrs().get(TrialFact.RUNG.key()));
        assertEquals("promoted", top.attrs().get(TrialFact.OUTCOME.key()));
        assertEquals(TrialState.PAUSED, sim.history.get(0).state(), "not in any top third yet, but may be later");
    }

    @Test
    void theRungsAreRTimesEtaToTheKPlusSThenR() {
        assertArrayEquals(new long[] {1, 4, 16, 64, 81}, new AshaScheduler(1, 81, 4, 0, false).rungResources(0));
        assertArrayEquals(new long[] {3, 9, 27, 81}, new AshaScheduler(1, 0, 3, 1, false).rungResources(81));
    }

    @Test
    void noWorkerIdlesWhileAPromotionOrANewTrialIsPossible() {
        // Four simulated workers with random durations; after every result the free worker asks.
        int eta = 3;
        AshaScheduler asha = new AshaScheduler(1, 27, eta, 0, false);
        long[] rungs = asha.rungResources(27);
        SplittableRandom rnd = new SplittableRandom(4);
        Map<String, Double> values = new java.util.HashMap<>();
        Sim sim = new Sim(asha, 27, (n, b) -> values.computeIfAbsent(n + "@" + b, k -> rnd.nextDouble()));
        record Job(double end, int trial) {
        }
        PriorityQueue<Job> running = new PriorityQueue<>(Comparator.comparingDouble(Job::end));
        double now = 0;
        int newTrials = 0;
        int promotions = 0;
        for (int w = 0; w < 4; w++) {
            int n = sim.start();
            running.add(new Job(now + budgetOf(sim, n) * (0.5 + rnd.nextDouble()), n));
        }
        for (int event = 0; event < 400; event++) {
            Job done = running.poll();
            now = done.end();
            sim.finish(done.trial());
            boolean promotable = promotable(sim.history, rungs, eta);
            int n = sim.start();
            String last = sim.log.get(sim.log.size() - 1);
            assertTrue(n >= 0, "a worker was left idle: " + last);
            if (last.startsWith("new")) {
                newTrials++;
                assertFalse(promotable, "a new trial started although a promotion was possible");
            } else {
                promotions++;
                assertTrue(promotable, "a promotion that the rule does not allow: " + last);
            }
            running.add(new Job(now + budgetOf(sim, n) * (0.5 + rnd.nextDouble()), n));
        }
        assertTrue(promotions > 20 && newTrials > 100, promotions + " promotions, " + newTrials + " new trials");
    }

    private static long budgetOf(Sim sim, int n) {
        return Long.parseLong(sim.history.get(n).attrs().get(TrialFact.BUDGET.key()));
    }

    /** The rule, independently: some paused trial is in the top floor(n_k / η) of a rung below the top. */
    private static boolean promotable(TrialHistory h, long[] rungs, int eta) {
        for (int k = 0; k < rungs.length - 1; k++) {
            long r = rungs[k];
            List<Trial> recorded = new ArrayList<>();
            for (Trial t : h.trials()) {
                if (t.intermediate().containsKey(r)) {
                    recorded.add(t);
                }
            }
            recorded.sort(Comparator.comparingDouble(t -> t.intermediate().get(r)));
            for (Trial t : recorded.subList(0, recorded.size() / eta)) {
                if (t.state() == TrialState.PAUSED && t.lastStep() == r) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void throughTheEngineWithFourWorkersTheSchedulerNeverAnswersWait() {
        List<Work> handedOut = new CopyOnWriteArrayList<>();
        AshaScheduler asha = new AshaScheduler(1, 27, 3, 0, false);
        Scheduler recording = new Scheduler() {
            @Override
            public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
                return asha.onReport(trial, step, value, history);
            }

            @Override
            public boolean judgesResults() {
                return asha.judgesResults();
            }

            @Override
            public Work nextWork(TrialHistory history, long maxResource) {
                Work w = asha.nextWork(history, maxResource);
                handedOut.add(w);
                return w;
            }
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(recording).maxResource(27)
                .workers(4).seed(8).build()) {
            StudyResult r = t.optimize((c, ctx) -> {
                Thread.sleep(ctx.budget() / 9);
                return Math.abs(c.getDouble("x") - 0.3) + 1.0 / ctx.budget();
            }, Budget.resource(600));
            assertFalse(handedOut.stream().anyMatch(w -> w instanceof Work.Wait), "ASHA never makes a worker wait");
            assertTrue(handedOut.stream().anyMatch(w -> w instanceof Work.Resume), "it promotes");
            assertTrue(r.count(TrialState.COMPLETE) >= 1, "some configuration reached R");
            for (Trial tr : r.trials()) {
                // The resource budget ends the study: what was paused at a rung is not promoted now,
                // and ends PRUNED with its value there rather than staying PAUSED.
                assertTrue(tr.state() == TrialState.PRUNED || tr.state() == TrialState.COMPLETE, tr.toString());
                if (tr.state() == TrialState.PRUNED) {
                    assertEquals(tr.intermediate().get(tr.lastStep()), tr.value().orElseThrow(), tr.toString());
                }
            }
        }
    }

    @Test
    void thePrunerFormStopsATrialOutsideTheTopThirdOfItsRung() {
        // η = 3, rungs at 1, 3, 9 (R). Each trial starts with R and reports every step.
        AshaScheduler pruner = new AshaScheduler(1, 9, 3, 0, true);
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        Work w = pruner.nextWork(h, 9);
        assertEquals(9, ((Work.NewTrial) w).budget(), "the pruner form runs trials with R");
        assertEquals(Decision.CONTINUE, report(pruner, h, 0, w, 1, 5.0), "alone at rung 1: the best so far");
        assertEquals(Decision.STOP, report(pruner, h, 1, w, 1, 6.0), "two values: only the best goes on");
        assertEquals(Decision.CONTINUE, report(pruner, h, 2, w, 1, 4.0), "the best of three");
        assertEquals(Decision.CONTINUE, report(pruner, h, 2, w, 2, 3.9), "no rung at step 2");
        assertEquals(Decision.CONTINUE, report(pruner, h, 2, w, 3, 3.5), "alone at rung 3");
        assertEquals(Decision.STOP, report(pruner, h, 3, w, 1, 4.5), "4th value 4.5: top floor(4/3)=1 is 4.0");
        assertEquals(Decision.CONTINUE, report(pruner, h, 4, w, 1, 4.0), "ties with the best stay in");
        assertEquals(Decision.CONTINUE, report(pruner, h, 5, w, 1, 0.5), "6 values, top 2");
        assertEquals(Decision.CONTINUE, report(pruner, h, 6, w, 1, 4.0), "7 values, top 2 = 0.5, 4.0");
        assertEquals(Decision.STOP, report(pruner, h, 0, w, 3, 3.6), "at rung 3 behind trial 2 (3.5)");
        assertFalse(pruner.judgesResults(), "trials that run on their own complete with their own value");
    }

    /** Trial {@code n} (created on first use with {@code w}'s attributes) reports {@code value} at {@code step}. */
    private static Decision report(AshaScheduler s, MutableTrialHistory h, int n, Work w, long step, double value) {
        Trial t = n < h.trials().size() ? h.get(n)
                : Trial.running(n, SPACE.validate(Map.of("x", 0.5)), ((Work.NewTrial) w).attrs(), Instant.EPOCH);
        t = t.withReport(step, value);
        h.put(t);
        Decision d = s.onReport(t, step, value, h);
        if (d instanceof Decision.Stop) {
            h.put(t.withValue(value).withState(TrialState.PRUNED, Instant.EPOCH));
        }
        return d;
    }
}
