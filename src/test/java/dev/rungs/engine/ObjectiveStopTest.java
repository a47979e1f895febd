package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.objective.TrialStoppedException;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** An objective that watches for a stop ends at once and is paused, not failed. */
class ObjectiveStopTest {

    @Test
    void anObjectiveThatEndsAtTheStopIsPausedAndTheNextRunResumesItFirst() throws Exception {
        InMemoryStudyStore store = new InMemoryStudyStore();
        AtomicBoolean holdUntilStopped = new AtomicBoolean(true);
        CountDownLatch holding = new CountDownLatch(1);
        Objective o = (c, ctx) -> {
            if (ctx.restoreCheckpoint().isPresent()) {
                return 1.0;
            }
            ctx.saveCheckpoint(new byte[] {1});
            if (holdUntilStopped.get()) {
                CountDownLatch stopped = new CountDownLatch(1);
                ctx.stopSignal().whenRequested(stopped::countDown);
                holding.countDown();
                assertTrue(stopped.await(20, TimeUnit.SECONDS), "no stop came");
                assertTrue(ctx.stopRequested());
                throw new TrialStoppedException(ctx.trialNumber());
            }
            return 2.0;
        };
        try (Tuner t = ResumeTest.study(store).build()) {
            RunHandle run = t.start(o, Budget.trials(3));
            assertTrue(holding.await(20, TimeUnit.SECONDS));
            run.stop();
            StudyResult r = run.await(Duration.ofSeconds(10));
            assertEquals(StudyResult.STOP_REQUESTED, r.stopReason());
            assertEquals(1, r.trials().size());
            Trial paused = r.trials().get(0);
            assertEquals(TrialState.PAUSED, paused.state(), paused.attrs().toString());
            assertTrue(paused.attrs().containsKey(TrialFact.PAUSED_BY_STOP.key()));
            assertEquals("0", paused.attrs().get(TrialFact.RESOURCE_USED.key()), "it reported nothing, so it used nothing");
        }
        holdUntilStopped.set(false);
        try (Tuner t = ResumeTest.study(store).resume().build()) {
            StudyResult r = t.optimize(o, Budget.trials(3));
            assertEquals(3, r.count(TrialState.COMPLETE));
            assertEquals(1.0, r.trials().get(0).value().getAsDouble(), "trial 0 went on from its checkpoint");
        }
    }

    @Test
    void aStopThatWasNotAskedForFailsTheTrialAndTheRunGoesOn() {
        Objective o = (c, ctx) -> {
            throw new TrialStoppedException(ctx.trialNumber());
        };
        try (Tuner t = ResumeTest.study(new InMemoryStudyStore()).build()) {
            StudyResult r = t.optimize(o, Budget.trials(3));
            assertEquals(3, r.count(TrialState.FAIL));
            assertEquals("TrialStoppedException: trial 0 was stopped with its run, but no stop was asked for",
                    r.trials().get(0).attrs().get(Trial.FAIL_REASON));
        }
    }
}
