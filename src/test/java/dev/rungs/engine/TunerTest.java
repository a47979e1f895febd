package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TunerTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", -1, 1).intParam("n", 1, 5).build();

    static TunerBuilder tuner() {
        return Tuner.builder(SPACE).sampler(new UniformTestSampler()).seed(11);
    }

    @Test
    void askThenTellCompletesTheTrialAndTracksTheBest() {
        try (Tuner t = tuner().build()) {
            Trial a = t.ask();
            assertEquals(TrialState.RUNNING, a.state());
            assertEquals(0, a.number());
            Trial b = t.ask();
            assertEquals(1, b.number());
            t.tell(a.number(), 3.0);
            Trial done = t.tell(b.number(), 1.5);
            assertEquals(TrialState.COMPLETE, done.state());
            assertEquals(1.5, t.best().orElseThrow().value().getAsDouble());
            assertTrue(done.finished() != null && done.started() != null);
        }
    }

    @Test
    void failingAndNanTrialsAreRecordedWithReasonsAndTheStudyGoesOn() {
        Objective flaky = (config, ctx) -> {
            int n = ctx.trialNumber();
            if (n % 3 == 0) {
                throw new IllegalStateException("boom " + n);
            }
            if (n % 5 == 0) {
                return Double.NaN;
            }
            if (n % 7 == 0) {
                return Double.POSITIVE_INFINITY;
            }
            return config.getDouble("x");
        };
        try (Tuner t = tuner().build()) {
            StudyResult r = t.optimize(flaky, Budget.trials(30));
            assertEquals(30, r.trials().size());
            for (Trial trial : r.trials()) {
                int n = trial.number();
                if (n % 3 == 0) {
                    assertEquals(TrialState.FAIL, trial.state());
                    assertEquals("IllegalStateException: boom " + n, trial.attrs().get(Trial.FAIL_REASON));
                } else if (n % 5 == 0) {
                    assertEquals(TrialState.FAIL, trial.state());
                    assertEquals("objective returned NaN", trial.attrs().get(Trial.FAIL_REASON));
                } else if (n % 7 == 0) {
                    assertEquals(TrialState.FAIL, trial.state());
                    assertEquals("objective returned Infinity", trial.attrs().get(Trial.FAIL_REASON));
                } else {
                    assertEquals(TrialState.COMPLETE, trial.state(), "trial " + n);
                }
            }
            // 0..29: ten multiples of 3; then 5, 10, 20, 25; then 7, 14, 28
            assertEquals(30 - 10 - 4 - 3, r.count(TrialState.COMPLETE));
        }
    }

    @Test
    void sameSeedAndOneWorkerGiveIdenticalTrials() {
        Objective f = (c, ctx) -> c.getDouble("x") * c.getLong("n") + ctx.random().nextDouble();
        List<String> first = runFingerprint(f, 5);
        List<String> second = runFingerprint(f, 5);
        List<String> otherSeed = runFingerprint(f, 6);
        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
    }

    private static List<String> runFingerprint(Objective f, long seed) {
        try (Tuner t = tuner().seed(seed).build()) {
            return t.optimize(f, Budget.trials(25)).trials().stream()
                    .map(tr -> tr.config() + "=" + tr.value()).toList();
        }
    }

    @Test
    void manyWorkersRunTrialsConcurrentlyWithDenseUniqueNumbers() {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Objective slow = (c, ctx) -> {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            Thread.sleep(5);
            now.decrementAndGet();
            return c.getDouble("x");
        };
        try (Tuner t = tuner().workers(4).build()) {
            StudyResult r = t.optimize(slow, Budget.trials(80));
            assertEquals(80, r.trials().size());
            assertEquals(80, r.count(TrialState.COMPLETE));
            Set<Integer> numbers = r.trials().stream().map(Trial::number).collect(Collectors.toSet());
            assertEquals(80, numbers.size());
            assertTrue(numbers.stream().allMatch(n -> n >= 0 && n < 80));
            assertTrue(peak.get() > 1, "workers should overlap, peak was " + peak.get());
            assertTrue(peak.get() <= 4);
        }
    }

    @Test
    void timeBudgetStopsStartingTrials() {
        Objective slow = (c, ctx) -> {
            Thread.sleep(20);
            return 0;
        };
        try (Tuner t = tuner().build()) {
            StudyResult r = t.optimize(slow, Budget.seconds(0.3));
            assertTrue(r.stopReason().startsWith("time budget"), r.stopReason());
            assertTrue(r.trials().size() >= 5 && r.trials().size() <= 20, "trials: " + r.trials().size());
            assertEquals(r.trials().size(), r.count(TrialState.COMPLETE));
        }
    }

    @Test
    void resourceBudgetCountsReportedSteps() {
        Objective tenSteps = (c, ctx) -> {
            for (int step = 1; step <= 10; step++) {
                ctx.report(step, step);
            }
            return 10;
        };
        try (Tuner t = tuner().build()) {
            StudyResult r = t.optimize(tenSteps, Budget.resource(55));
            assertEquals(6, r.trials().size(), "5 trials use 50 units, the 6th crosses 55");
            assertEquals(60, r.resourceUsed());
            assertTrue(r.stopReason().startsWith("resource budget"));
        }
    }

    @Test
    void stopRequestPausesRunningTrialsAndStartsNoMore() throws Exception {
        Objective endless = (c, ctx) -> {
            for (long step = 1; ; step++) {
                Thread.sleep(2);
                ctx.saveCheckpoint(new byte[] {(byte) step});
                if (!ctx.report(step, step).shouldContinue()) {
                    return step;
                }
            }
        };
        try (Tuner t = tuner().workers(2).build()) {
            RunHandle h = t.start(endless, Budget.trials(100));
            Thread.sleep(100);
            h.stop();
            StudyResult r = h.await();
            assertEquals("stop requested", r.stopReason());
            assertEquals(2, r.trials().size());
            assertEquals(2, r.count(TrialState.PAUSED));
        }
    }

    @Test
    void eachEventIsPublishedAfterTheStoreHasTheChange() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        List<String> mismatches = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Objective reporting = (c, ctx) -> {
            ctx.report(1, 0.5);
            ctx.report(2, 0.25);
            return 0.1;
        };
        try (Tuner t = tuner().store(store).build()) {
            t.subscribe(e -> {
                kinds.add(e.getClass().getSimpleName());
                Trial seen = e instanceof TrialEvent.Started s ? s.trial()
                        : e instanceof TrialEvent.Reported r ? r.trial()
                        : e instanceof TrialEvent.Completed c ? c.trial() : null;
                if (seen != null) {
                    Trial stored = store.trials(t.study().id()).get(seen.number());
                    if (!stored.equals(seen)) {
                        mismatches.add(seen + " vs " + stored);
                    }
                }
            });
            t.optimize(reporting, Budget.trials(3));
        }
        assertEquals(List.of(), mismatches);
        assertEquals(List.of("Started", "Reported", "Reported", "Completed",
                "Started", "Reported", "Reported", "Completed",
                "Started", "Reported", "Reported", "Completed", "Finished"), kinds);
    }

    @Test
    void provenanceIsStoredWithTheStudy() {
        try (Tuner t = tuner().name("prov").seed(99).build()) {
            assertEquals("99", t.study().provenance().get("seed"));
            assertEquals("UniformTestSampler", t.study().provenance().get("sampler"));
            assertFalse(t.study().provenance().get("rungs_version").isBlank());
        }
    }

    @Test
    void duplicateStudyNamesInOneStoreAreRejected() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        tuner().name("same").store(store).build().close();
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tuner().name("same").store(store).build());
        assertTrue(e.getMessage().contains("same"));
    }

    @Test
    void reportAfterStopKeepsAnsweringStopAndTellPrunes() {
        try (Tuner t = tuner().scheduler((trial, step, value, h) -> step >= 2 ? Decision.STOP : Decision.CONTINUE)
                .build()) {
            Trial a = t.ask();
            assertEquals(Decision.CONTINUE, t.report(a.number(), 1, 0.9));
            assertEquals(Decision.STOP, t.report(a.number(), 2, 0.8));
            assertEquals(Decision.STOP, t.report(a.number(), 3, 0.7));
            Trial ended = t.tell(a.number(), 0.7);
            assertEquals(TrialState.PRUNED, ended.state());
            assertEquals(new HashSet<>(List.of(1L, 2L)), ended.intermediate().keySet(),
                    "reports after the stop decision are not recorded");
        }
    }
}
