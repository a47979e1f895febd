package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.objective.StandaloneContext;
import dev.rungs.objective.TrialContext;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.median.MedianStoppingScheduler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What an objective learns from its context: how far to train, where it resumed, and why it should end. */
class TrialContextTest {
    private static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /** One run of a trial as the objective saw it. */
    record RunSeen(int trial, long budget, long resumedFrom, long restoredEpoch, long lastEpoch) {
    }

    /** Trains epoch by epoch from its checkpoint, saving one whenever it is paused. */
    private static Objective training(List<RunSeen> runs, Set<Decision.Kind> kinds) {
        return (config, ctx) -> {
            long epoch = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
            long restored = epoch;
            double loss = Double.NaN;
            while (epoch < ctx.budget()) {
                epoch++;
                loss = config.getDouble("x") + 1.0 / epoch;
                Decision d = ctx.report(epoch, loss);
                kinds.add(d.kind());
                if (d.kind() == Decision.Kind.PAUSE) {
                    ctx.saveCheckpoint(ByteBuffer.allocate(8).putLong(epoch).array());
                }
                if (!d.shouldContinue()) {
                    break;
                }
            }
            synchronized (runs) {
                runs.add(new RunSeen(ctx.trialNumber(), ctx.budget(), ctx.resumedFrom(), restored, epoch));
            }
            return loss;
        };
    }

    @Test
    void aPromotedTrialIsToldWhereItResumedFrom() {
        List<RunSeen> runs = new ArrayList<>();
        Set<Decision.Kind> kinds = ConcurrentHashMap.newKeySet();
        StudyResult r;
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(new HyperbandScheduler(1, 0, 3))
                .maxResource(9).seed(4).workers(2).build()) {
            r = t.optimize(training(runs, kinds), Budget.trials(12));
        }
        assertTrue(kinds.containsAll(EnumSet.of(Decision.Kind.CONTINUE, Decision.Kind.PAUSE)), kinds.toString());
        assertTrue(runs.stream().anyMatch(x -> x.resumedFrom() > 0), "some trial was promoted: " + runs);
        for (RunSeen run : runs) {
            assertEquals(run.restoredEpoch(), run.resumedFrom(), "resumedFrom is the step its checkpoint was at: " + run);
            assertTrue(run.budget() > run.resumedFrom(), run.toString());
        }
        long trained = runs.stream().mapToLong(x -> x.lastEpoch() - x.resumedFrom()).sum();
        assertEquals(r.resourceUsed(), trained, "the study counts what the runs trained beyond where they resumed");
        assertEquals(0, r.count(TrialState.PAUSED));
    }

    @Test
    void aPrunedTrialIsToldStopNotPause() {
        Set<Decision.Kind> kinds = ConcurrentHashMap.newKeySet();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler())
                .scheduler(new MedianStoppingScheduler(2, 0, 1)).maxResource(5).seed(2).build()) {
            StudyResult r = t.optimize(training(new ArrayList<>(), kinds), Budget.trials(15));
            assertTrue(r.count(TrialState.PRUNED) > 0, "median stopping pruned some");
        }
        assertTrue(kinds.contains(Decision.Kind.STOP), kinds.toString());
        assertTrue(!kinds.contains(Decision.Kind.PAUSE), kinds.toString());
    }

    @Test
    void aPauseByStoppingTheRunShowsAsAStopRequest() throws Exception {
        CountDownLatch reporting = new CountDownLatch(1);
        CompletableFuture<Decision.Kind> kind = new CompletableFuture<>();
        CompletableFuture<Boolean> stopRequested = new CompletableFuture<>();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).maxResource(100_000).seed(1).build()) {
            RunHandle h = t.start((config, ctx) -> {
                for (long epoch = 1; epoch <= ctx.budget(); epoch++) {
                    reporting.countDown();
                    Decision d = ctx.report(epoch, 1.0 / epoch);
                    if (!d.shouldContinue()) {
                        kind.complete(d.kind());
                        stopRequested.complete(ctx.stopRequested());
                        return 1.0 / epoch;
                    }
                    Thread.sleep(1);
                }
                return 0.0;
            }, Budget.trials(1));
            assertTrue(reporting.await(10, TimeUnit.SECONDS));
            h.stop();
            h.await();
        }
        assertEquals(Decision.Kind.PAUSE, kind.get(10, TimeUnit.SECONDS));
        assertTrue(stopRequested.get(10, TimeUnit.SECONDS));
    }

    @Test
    void afterItsFirstAnswerTheContextAnswersWithoutTheEngine() throws Exception {
        CompletableFuture<long[]> seen = new CompletableFuture<>();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).maxResource(7).seed(1).build()) {
            t.optimize((config, ctx) -> {
                long first = ctx.budget(); // the one trip: the context reads what it needs on first use
                CountDownLatch release = new CountDownLatch(1);
                CountDownLatch held = new CountDownLatch(1);
                Thread blocker = new Thread(() -> t.engine().run(() -> {
                    held.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                blocker.start();
                held.await();
                // The engine thread is busy: these must be answered by the context itself.
                long sum = 0;
                for (int i = 0; i < 10_000; i++) {
                    sum += ctx.budget() + ctx.resumedFrom() + ctx.trialNumber();
                    Config c = ctx.config();
                    sum += c.getDouble("x") >= 0 ? 0 : 1;
                    ctx.random();
                    ctx.stopRequested();
                }
                seen.complete(new long[] {first, ctx.resumedFrom(), sum});
                release.countDown();
                blocker.join();
                return config.getDouble("x");
            }, Budget.trials(1));
        }
        long[] s = seen.get(10, TimeUnit.SECONDS);
        assertEquals(7, s[0]);
        assertEquals(0, s[1]);
        assertEquals(70_000, s[2]);
    }

    @Test
    void aStandaloneContextCanBeResumed() {
        Config c = SPACE.validate(Map.of("x", 0.5));
        StandaloneContext fresh = StandaloneContext.of(c, 9, 1);
        assertEquals(0, fresh.resumedFrom());
        StandaloneContext resumed = StandaloneContext.of(c, 9, 1);
        resumed.resumeFrom(new byte[] {3}, 3);
        assertEquals(3, resumed.resumedFrom());
        assertEquals(3, resumed.restoreCheckpoint().orElseThrow()[0]);
        TrialContext plain = new TrialContext() {
            public int trialNumber() { return 0; }
            public Config config() { return c; }
            public Decision report(long step, double value) { return Decision.CONTINUE; }
            public java.util.Optional<byte[]> restoreCheckpoint() { return java.util.Optional.empty(); }
            public void saveCheckpoint(byte[] state) { }
            public long budget() { return 1; }
            public java.util.random.RandomGenerator random() { return new java.util.SplittableRandom(1); }
            public void setUserAttr(String key, String value) { }
        };
        assertEquals(0, plain.resumedFrom(), "a context of its own that knows nothing of resuming starts at 0");
    }

    @Test
    void everyDecisionHasItsKind() {
        assertEquals(Decision.Kind.CONTINUE, Decision.CONTINUE.kind());
        assertEquals(Decision.Kind.PAUSE, Decision.PAUSE.kind());
        assertEquals(Decision.Kind.STOP, Decision.STOP.kind());
        assertEquals(Decision.Kind.EXPLOIT, new Decision.Exploit(0, SPACE.validate(Map.of("x", 0.1))).kind());
    }
}
