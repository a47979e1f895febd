package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Reports whose answer is known in advance do not make the trial wait for the engine thread. */
class QueuedReportsTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", -1, 1).build();

    /** Pauses every run at its budget and never before, as promotion-style schedulers do. */
    static final class PauseAtBudget implements Scheduler {
        @Override
        public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
            return step >= 10 ? Decision.PAUSE : Decision.CONTINUE;
        }

        @Override
        public boolean decidesOnlyAtBudget() {
            return true;
        }
    }

    @Test
    void reportsBelowTheBudgetGoOnWhileTheEngineIsBusyAndAllAreRecordedInOrder() {
        CountDownLatch pastStepFive = new CountDownLatch(1);
        AtomicBoolean objectiveWentOn = new AtomicBoolean();
        Decision[] atBudget = new Decision[1];
        Objective tenSteps = (config, ctx) -> {
            for (long s = 1; s <= 10; s++) {
                Decision d = ctx.report(s, 1.0 / s);
                if (s == 5) {
                    pastStepFive.countDown();
                }
                if (s == 10) {
                    atBudget[0] = d;
                }
            }
            return 0.1;
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new UniformTestSampler()).scheduler(new PauseAtBudget())
                .maxResource(10).seed(3).build()) {
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Reported r && r.step() == 1) {
                    // The engine thread is held here; the objective must still get to step 5.
                    try {
                        objectiveWentOn.set(pastStepFive.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            StudyResult r = t.optimize(tenSteps, Budget.trials(1));
            assertTrue(objectiveWentOn.get(), "reports 2 to 5 were answered while the engine was busy");
            Trial trial = r.trials().get(0);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), List.copyOf(trial.intermediate().keySet()));
            assertEquals(Decision.PAUSE, atBudget[0], "the report at the budget waits for the decision");
            assertEquals(TrialState.PAUSED, trial.state());
            assertEquals("10", trial.attrs().get(TrialFact.RESOURCE_USED.key()));
        }
    }

    @Test
    void aStopAskedWhileReportsAreQueuedReachesTheTrialAtItsNextReport() throws Exception {
        CountDownLatch atStepThree = new CountDownLatch(1);
        CountDownLatch stopAsked = new CountDownLatch(1);
        long[] lastStep = new long[1];
        Objective tenSteps = (config, ctx) -> {
            for (long s = 1; s <= 10; s++) {
                if (!ctx.report(s, s).shouldContinue()) {
                    lastStep[0] = s;
                    return s;
                }
                if (s == 3) {
                    atStepThree.countDown();
                    stopAsked.await();
                }
            }
            lastStep[0] = 10;
            return 10;
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new UniformTestSampler()).scheduler(new PauseAtBudget())
                .maxResource(10).seed(3).build()) {
            RunHandle h = t.start(tenSteps, Budget.trials(1));
            atStepThree.await();
            h.stop(); // returns once the engine has marked the running trial
            stopAsked.countDown();
            StudyResult r = h.await();
            assertEquals(4, lastStep[0], "the report after the stop answered PAUSE");
            Trial paused = r.trials().get(0);
            assertEquals(TrialState.PAUSED, paused.state());
            assertEquals(3, paused.lastStep(), "the answering report is not recorded as a step run");
        }
    }
}
