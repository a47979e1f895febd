package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.RunHandle;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
            RunHandle h = t.start(StudyFactory.createObjective(spec), spec.budget());
            assertTrue(done.await(10, TimeUnit.SECONDS), "no " + completions + " completions in 10 s");
            h.stop();
            int n = h.await().trials().size();
            assertTrue(n < spec.budget().maxTrials(), "stopped before the budget: " + n);
            return t.study().id();
        }
    }
}
