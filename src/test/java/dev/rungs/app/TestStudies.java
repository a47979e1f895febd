package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.RunHandle;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Studies the workbench tests start from, made on the engine directly. */
public final class TestStudies {
    private TestStudies() {
    }

    /**
     * Runs {@code spec} in {@code store} and stops it once {@code completions} trials have
     * completed, before its budget; returns the study's id.
     */
    public static long stoppedAfter(StudyStore store, StudySpec spec, int completions) throws InterruptedException {
        try (Tuner t = StudyFactory.createTuner(spec, store, "test")) {
            CountDownLatch done = new CountDownLatch(completions);
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Completed) {
                    done.countDown();
                }
            });
            // Trials after the first ones wait for the stop: cheap trials would otherwise all be
            // done before the stop arrives, and the study would finish instead.
            Objective inner = StudyFactory.createObjective(spec);
            AtomicInteger started = new AtomicInteger();
            Objective held = (config, ctx) -> {
                double v = inner.evaluate(config, ctx);
                if (started.incrementAndGet() > completions) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!ctx.stopRequested() && System.nanoTime() < until) {
                        Thread.sleep(1);
                    }
                }
                return v;
            };
            RunHandle h = t.start(held, spec.budget());
            assertTrue(done.await(10, TimeUnit.SECONDS), "no " + completions + " completions in 10 s");
            h.stop();
            int n = h.await().trials().size();
            assertTrue(n < spec.budget().maxTrials(), "stopped before the budget: " + n);
            return t.study().id();
        }
    }
}
