package dev.rungs.spec;

import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.store.StudyStore;

/** Turns a checked {@link StudySpec} into the engine objects that run it. */
public final class StudyFactory {
    private StudyFactory() {
    }

    /** A tuner for the spec's study, created in {@code store}. */
    public static Tuner createTuner(StudySpec spec, StudyStore store) {
        return builder(spec, store).build();
    }

    /**
     * A tuner that continues the spec's stored study.
     *
     * @param retries how often a trial interrupted by a crash is queued again
     */
    public static Tuner resumeTuner(StudySpec spec, StudyStore store, int retries) {
        return builder(spec, store).resume().retries(retries).build();
    }

    private static Tuner.Builder builder(StudySpec spec, StudyStore store) {
        return Tuner.builder(spec.space())
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
