package dev.rungs.store;

import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.engine.Budget;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.engine.TunerBuilder;
import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.Branin;
import dev.rungs.sampler.RandomSampler;
import java.nio.file.Path;

/**
 * The process {@link CrashResumeTest} kills: runs (or resumes) study "crash" in the database
 * given as the first argument, and prints {@code COMPLETE number value} for every trial once
 * the engine has announced it, which is after the store committed it.
 */
public final class CrashChild {
    static final int BUDGET = 400;

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        Objective slowBranin = (c, ctx) -> {
            Thread.sleep(50);
            return Branin.value(c.getDouble("x1"), c.getDouble("x2"));
        };
        try (StudyStore store = SqliteStudyStore.open(db)) {
            TunerBuilder b = Tuner.builder(new Branin().space()).name("crash").sampler(new RandomSampler())
                    .seed(5).workers(2).store(store);
            if (store.findStudy("crash").isPresent()) {
                b.resume();
            }
            try (Tuner tuner = b.build()) {
                tuner.subscribe(e -> {
                    if (e instanceof TrialEvent.Completed c) {
                        System.out.println("COMPLETE " + c.trial().number() + " " + c.trial().value().getAsDouble());
                        System.out.flush();
                    }
                });
                tuner.optimize(slowBranin, Budget.trials(BUDGET));
            }
        }
        System.out.println("DONE");
    }
}
