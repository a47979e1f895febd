package dev.rungs.spec;

import dev.rungs.engine.Tuner;
import dev.rungs.engine.TunerBuilder;
import dev.rungs.objective.Objective;
import dev.rungs.store.StudyStore;

/** Turns a checked {@link StudySpec} into the engine objects that run it. */
public final class StudyFactory {
    private StudyFactory() {
    }

    /**
     * A tuner for the spec's study, created in {@code store}; it holds the study's lease until
     * closed.
     *
     * @param runner what runs it, as the lease names it to others ({@code rungs run}, {@code workbench})
     */
    public static Tuner createTuner(StudySpec spec, StudyStore store, String runner) {
        return builder(spec, store, runner).build();
    }

    /**
     * A tuner that continues the spec's stored study; it holds the study's lease until closed.
     *
     * @param retries how often a trial interrupted by a crash is queued again
     * @param runner what runs it, as the lease names it to others
     * @throws dev.rungs.store.StudyBusyException if another runner holds the study
     */
    public static Tuner resumeTuner(StudySpec spec, StudyStore store, int retries, String runner) {
        return builder(spec, store, runner).resume().retries(retries).build();
    }

    private static TunerBuilder builder(StudySpec spec, StudyStore store, String runner) {
        return Tuner.builder(spec.space())
                .runner(runner)
                .name(spec.name())
                .direction(spec.direction())
                .sampler(Methods.createSampler(spec.sampler(), spec.seed()))
                .scheduler(Methods.createScheduler(spec.scheduler(), spec.seed()))
                .seed(spec.seed())
                .maxResource(spec.maxResource())
                .workers(spec.workers())
                .specJson(spec.toJson())
                .store(store);
    }

    /** The objective the spec names. */
    public static Objective createObjective(StudySpec spec) {
        return ObjectiveReader.create(spec);
    }
}
