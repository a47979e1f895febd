package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rungs.objective.Objective;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyState;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumeTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", -1, 1).build();
    static final Objective SQUARE = (c, ctx) -> c.getDouble("x") * c.getDouble("x");

    static TunerBuilder study(StudyStore store) {
        return Tuner.builder(SPACE).name("s").sampler(new UniformTestSampler()).seed(4).store(store);
    }

    /** Leaves the store as a process that died mid-trial would: trial 10 RUNNING. */
    static List<Trial> crashAfterTenTrials(StudyStore store) {
        try (Tuner t = study(store).build()) {
            t.optimize(SQUARE, Budget.trials(10));
            Trial dying = t.ask();
            assertEquals(10, dying.number());
        }
        return store.trials(store.findStudy("s").orElseThrow().id());
    }

    @Test
    void resumeMarksInterruptedTrialsFailedAndRunsOnToTheBudget() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        List<Trial> before = crashAfterTenTrials(store);
        try (Tuner t = study(store).resume().build()) {
            StudyResult r = t.optimize(SQUARE, Budget.trials(20));
            // the interrupted trial does not count against the budget: 20 others ran
            assertEquals(21, r.trials().size());
            assertEquals(before.subList(0, 10), r.trials().subList(0, 10), "completed trials untouched");
            Trial interrupted = r.trials().get(10);
            assertEquals(TrialState.FAIL, interrupted.state());
            assertEquals("interrupted", interrupted.attrs().get(Trial.FAIL_REASON));
            assertEquals(20, r.count(TrialState.COMPLETE));
        }
        assertEquals(StudyState.FINISHED, store.findStudy("s").orElseThrow().state());
    }

    @Test
    void withRetriesAnInterruptedTrialRunsAgainWithTheSameConfiguration() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        List<Trial> before = crashAfterTenTrials(store);
        try (Tuner t = study(store).resume().retries(1).build()) {
            StudyResult r = t.optimize(SQUARE, Budget.trials(12));
            Trial retry = r.trials().get(11);
            assertEquals(TrialState.COMPLETE, retry.state());
            assertEquals(before.get(10).config(), retry.config());
            assertEquals("10", retry.attrs().get(TrialFact.RETRY_OF.key()));
        }
    }

    @Test
    void aResumedStudyCountsTheResourceItUsedBefore() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        Objective fiveSteps = (c, ctx) -> {
            for (int s = 1; s <= 5; s++) {
                ctx.report(s, s);
            }
            return 5;
        };
        try (Tuner t = study(store).build()) {
            assertEquals(4, t.optimize(fiveSteps, Budget.resource(20)).trials().size());
        }
        try (Tuner t = study(store).resume().build()) {
            StudyResult r = t.optimize(fiveSteps, Budget.resource(30));
            assertEquals(6, r.trials().size(), "20 units before, two more trials reach 30");
        }
    }

    @Test
    void enqueuedConfigurationsRunFirst() {
        try (Tuner t = study(new InMemoryStudyStore()).build()) {
            t.enqueue(Map.of("x", 0.125));
            StudyResult r = t.optimize(SQUARE, Budget.trials(3));
            assertEquals(0.125, r.trials().get(0).config().getDouble("x"));
            assertEquals(0.125 * 0.125, r.trials().get(0).value().getAsDouble());
            assertThrows(IllegalArgumentException.class, () -> t.enqueue(Map.of("x", 7)));
        }
    }

    @Test
    void resumingAStudyThatDoesNotExistSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> study(new InMemoryStudyStore()).resume().build());
        assertEquals("there is no study named 's' to resume", e.getMessage());
    }

    @Test
    void theResumedStudyHasTheSameTrialsAsAnUninterruptedOne() {
        InMemoryStudyStore straight = new InMemoryStudyStore();
        List<Trial> direct;
        try (Tuner t = study(straight).build()) {
            direct = t.optimize(SQUARE, Budget.trials(20)).trials();
        }
        InMemoryStudyStore split = new InMemoryStudyStore();
        try (Tuner t = study(split).build()) {
            t.optimize(SQUARE, Budget.trials(8));
        }
        List<Trial> resumed;
        try (Tuner t = study(split).resume().build()) {
            resumed = t.optimize(SQUARE, Budget.trials(20)).trials();
        }
        assertEquals(direct.stream().map(Trial::config).toList(), resumed.stream().map(Trial::config).toList());
    }

    /** A trial that never reports cannot hear a stop request: it runs to its end, and its value counts. */
    @Test
    void aTrialThatDoesNotReportCompletesDespiteAStopRequest() throws Exception {
        InMemoryStudyStore store = new InMemoryStudyStore();
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        Objective slow = (c, ctx) -> {
            inside.countDown();
            Thread.sleep(300);
            return 1.0;
        };
        try (Tuner t = study(store).workers(2).build()) {
            RunHandle h = t.start(slow, Budget.trials(10));
            inside.await();
            h.stop();
            StudyResult r = h.await();
            assertEquals(2, r.trials().size());
            assertEquals(2, r.count(TrialState.COMPLETE), "no value thrown away: " + r.trials());
        }
    }

    /**
     * A trial that reports is paused by a stop request; the next run resumes it first, from its
     * checkpoint, at its budget, whatever the scheduler, so that no trial is left paused for good.
     */
    @Test
    void aTrialPausedByAStopIsResumedFirstByTheNextRun() throws Exception {
        InMemoryStudyStore store = new InMemoryStudyStore();
        HeldAtStepThree tenSteps = new HeldAtStepThree();
        try (Tuner t = study(store).maxResource(10).build()) {
            RunHandle h = t.start(tenSteps, Budget.trials(3));
            tenSteps.reported.await();
            Thread stopper = new Thread(h::stop);
            stopper.start();
            Thread.sleep(200); // the stop request reaches the engine before the next report
            tenSteps.stopAsked.countDown();
            stopper.join();
            StudyResult first = h.await();
            assertEquals(1, first.trials().size());
            Trial paused = first.trials().get(0);
            assertEquals(TrialState.PAUSED, paused.state());
            assertEquals("10", paused.attrs().get(TrialFact.PAUSED_BY_STOP.key()));
        }
        List<TrialEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Tuner t = study(store).maxResource(10).resume().build()) {
            t.subscribe(events::add);
            StudyResult r = t.optimize(tenSteps, Budget.trials(3));
            assertEquals(3, r.count(TrialState.COMPLETE), r.trials().toString());
            Trial resumed = r.trials().get(0);
            assertEquals(10.0, resumed.value().getAsDouble());
            assertEquals(null, resumed.attrs().get(TrialFact.PAUSED_BY_STOP.key()));
            assertEquals(true, events.get(0) instanceof TrialEvent.Resumed, "resumed before anything else: " + events.get(0));
        }
        assertEquals(List.of(0L, 4L, 0L, 0L), tenSteps.startSteps, "trial 0 went on from its checkpoint after step 4");
    }
}
