package dev.rungs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.HeldAtStepThree;
import dev.rungs.engine.Budget;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine saves each change of a trial as a {@link TrialChange}, and SQLite writes only what
 * the change names; so if any step of a trial's life named too little, the file would differ
 * from the engine's trials. Here every kind of step happens (start, reports, a non-finite report,
 * user attributes, pause and resume, prune, exploit, complete, fail, a pause by a stop request
 * and the next run's resume) and the reopened file is compared with what the engine saw, field
 * by field and in attribute order.
 */
class EngineChangesRoundTripTest {
    private static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).intParam("n", 1, 9).build();

    @TempDir
    Path dir;

    /** Reports every step of its budget from where it resumes, with a user attribute per run; some fail, some diverge. */
    private static final Objective CURVE = (config, ctx) -> {
        ctx.setUserAttr("runs_from", Long.toString(ctx.resumedFrom()));
        double v = Double.NaN;
        for (long step = ctx.resumedFrom() + 1; step <= ctx.budget(); step++) {
            v = config.getDouble("x") * config.getLong("n") + 1.0 / step;
            if (ctx.trialNumber() % 11 == 5 && step == 2) {
                v = Double.POSITIVE_INFINITY;
            }
            ctx.saveCheckpoint(new byte[] {(byte) step});
            if (!ctx.report(step, v).shouldContinue()) {
                return v;
            }
        }
        if (ctx.trialNumber() % 7 == 3) {
            throw new IllegalStateException("planned failure");
        }
        ctx.setUserAttr("last", Double.toString(v));
        return v;
    };

    @Test
    void hyperbandTrialsReadBackFromTheFileExactlyAsTheEngineHeldThem() {
        StudyResult r = runAndCompare("hb", new HyperbandScheduler(1, 27, 3), 27, Budget.resource(1500));
        assertTrue(r.count(TrialState.PRUNED) > 0, "some trials were pruned");
        assertTrue(r.count(TrialState.FAIL) > 0, "some trials failed");
        assertTrue(r.trials().stream().anyMatch(t -> !"0".equals(t.attrs().get("user_attrs_runs_from"))),
                "some trials were resumed");
    }

    @Test
    void exploitedTrialsReadBackFromTheFileExactlyAsTheEngineHeldThem() {
        StudyResult r = runAndCompare("pbt", new CopyFirstTrial(), 6, Budget.trials(12));
        assertTrue(r.trials().stream().anyMatch(t -> t.parent().isPresent()), "some trials were exploited");
    }

    @Test
    void aTrialPausedByAStopAndResumedReadsBackAsTheEngineHeldIt() throws Exception {
        Path db = dir.resolve("stop.db");
        HeldAtStepThree tenSteps = new HeldAtStepThree();
        StudyResult first;
        try (StudyStore store = SqliteStudyStore.open(db);
                Tuner t = Tuner.builder(SPACE).name("stop").sampler(new RandomSampler()).maxResource(10).seed(3)
                        .store(store).build()) {
            RunHandle h = t.start(tenSteps, Budget.trials(3));
            tenSteps.reported.await();
            Thread stopper = new Thread(h::stop);
            stopper.start();
            Thread.sleep(200); // the stop request reaches the engine before the next report
            tenSteps.stopAsked.countDown();
            stopper.join();
            first = h.await();
        }
        assertEquals(TrialState.PAUSED, first.trials().get(0).state());
        assertTrue(TrialFact.PAUSED_BY_STOP.isIn(first.trials().get(0)));
        assertReadBack(db, "stop", first);
        StudyResult r;
        try (StudyStore store = SqliteStudyStore.open(db);
                Tuner t = Tuner.builder(SPACE).name("stop").sampler(new RandomSampler()).maxResource(10).seed(3)
                        .store(store).resume().build()) {
            r = t.optimize(tenSteps, Budget.trials(3));
        }
        assertEquals(3, r.count(TrialState.COMPLETE), r.trials().toString());
        assertFalse(TrialFact.PAUSED_BY_STOP.isIn(r.trials().get(0)), "the resumed trial is no longer paused by the stop");
        assertReadBack(db, "stop", r);
    }

    private StudyResult runAndCompare(String name, Scheduler scheduler, long maxResource, Budget budget) {
        Path db = dir.resolve(name + ".db");
        StudyResult r;
        try (StudyStore store = SqliteStudyStore.open(db);
                Tuner t = Tuner.builder(SPACE).name(name).sampler(new RandomSampler()).scheduler(scheduler)
                        .maxResource(maxResource).seed(3).store(store).build()) {
            r = t.optimize(CURVE, budget);
        }
        assertReadBack(db, name, r);
        return r;
    }

    /** The study's trials in the file at {@code db} are the ones the engine ended the run with. */
    private static void assertReadBack(Path db, String name, StudyResult r) {
        try (StudyStore store = SqliteStudyStore.open(db)) {
            List<Trial> stored = store.trials(store.findStudy(name).orElseThrow().id());
            assertEquals(r.trials().size(), stored.size());
            for (int i = 0; i < stored.size(); i++) {
                assertEquals(r.trials().get(i), stored.get(i), "trial " + i);
                assertEquals(StoreFixtures.attrOrder(r.trials().get(i)), StoreFixtures.attrOrder(stored.get(i)),
                        "attribute order of trial " + i);
                assertEquals(StoreFixtures.configOrder(r.trials().get(i)), StoreFixtures.configOrder(stored.get(i)),
                        "parameter order of trial " + i);
            }
        }
    }

    /** A PBT-like scheduler: from trial 1 on, every trial takes trial 0's configuration with x halved at step 3. */
    private static final class CopyFirstTrial implements Scheduler {
        @Override
        public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
            if (trial.number() == 0 || step != 3 || trial.parent().isPresent()) {
                return Decision.CONTINUE;
            }
            Trial donor = history.trials().get(0);
            return new Decision.Exploit(0, SPACE.validate(Map.of("x", donor.config().getDouble("x") / 2,
                    "n", donor.config().getLong("n"))));
        }
    }
}
