package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The executor decides only where trials run, never what runs or what comes out. */
class TrialExecutorTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", -2, 2).floatParam("y", -2, 2)
            .categorical("kind", "a", "b", "c").build();

    /** Runs each worker's loop on a pool of its own, as a remote executor runs it elsewhere. */
    static final class SeparatePoolExecutor implements TrialExecutor, AutoCloseable {
        final AtomicInteger started = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "separate-pool-" + started.getAndIncrement());
            t.setDaemon(true);
            return t;
        });

        @Override
        public void execute(String label, TrialHost host, Objective objective, int workers) {
            for (int i = 0; i < workers; i++) {
                pool.execute(new Worker(host, objective)::run);
            }
        }

        @Override
        public void close() {
            pool.shutdown();
        }
    }

    /** Reports every step and pauses with a checkpoint, so every call of the worker's host is used. */
    static Objective steps(Set<String> threads) {
        return (config, ctx) -> {
            threads.add(Thread.currentThread().getName());
            long step = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
            double base = Math.pow(config.getDouble("x") - 0.5, 2) + Math.pow(config.getDouble("y"), 2)
                    + ("b".equals(config.get("kind")) ? 0 : 0.3) + 0.01 * ctx.random().nextDouble();
            double value = Double.NaN;
            while (step < ctx.budget()) {
                step++;
                value = base + 1.0 / step;
                Decision d = ctx.report(step, value);
                if (!d.shouldContinue()) {
                    ctx.saveCheckpoint(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
                    break;
                }
            }
            ctx.setUserAttr("steps", Long.toString(step));
            return value;
        };
    }

    static List<Trial> bohb(TrialExecutor executor, Set<String> threads) {
        TunerBuilder b = Tuner.builder(SPACE).sampler(new BohbSampler()).scheduler(new HyperbandScheduler(1, 27, 3))
                .maxResource(27).seed(2024).workers(1);
        if (executor != null) {
            b.executor(executor);
        }
        try (Tuner t = b.build()) {
            // Two Hyperband cycles: BOHB's model is fitted and used, trials are paused and resumed.
            return t.optimize(steps(threads), Budget.trials(100)).trials();
        }
    }

    @Test
    void aBohbStudyOnAnotherExecutorHasTheSameTrialsAsOnTheDefaultOne() {
        Set<String> defaultThreads = ConcurrentHashMap.newKeySet();
        Set<String> separateThreads = ConcurrentHashMap.newKeySet();
        List<Trial> expected = bohb(null, defaultThreads);
        List<Trial> actual;
        try (SeparatePoolExecutor separate = new SeparatePoolExecutor()) {
            actual = bohb(separate, separateThreads);
        }

        assertTrue(separateThreads.stream().allMatch(n -> n.startsWith("separate-pool-")), separateThreads::toString);
        assertTrue(defaultThreads.stream().allMatch(n -> n.startsWith("rungs-worker-")), defaultThreads::toString);
        assertEquals(100, expected.size());
        assertTrue(expected.stream().anyMatch(t -> t.lastStep() == 27 && t.intermediate().containsKey(1L)),
                "some trials were paused and resumed up to R");
        assertTrue(expected.stream().anyMatch(t ->
                "model".equals(t.attrs().get(TrialFact.PROPOSED_BY.key()))), "BOHB's model proposed some");
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Trial e = expected.get(i);
            Trial a = actual.get(i);
            assertEquals(e.number(), a.number());
            assertEquals(e.config(), a.config(), "configuration of trial " + e.number());
            assertEquals(e.state(), a.state(), "state of trial " + e.number());
            assertEquals(e.value(), a.value(), "value of trial " + e.number());
            assertEquals(e.intermediate(), a.intermediate(), "reports of trial " + e.number());
            assertEquals(e.attrs(), a.attrs(), "attributes of trial " + e.number());
        }
    }
}
