package dev.rungs.engine;

import dev.rungs.space.Config;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What a worker gets when it asks its {@link TrialHost} for work. Plain values only, so that a
 * worker in another process can receive it as well as a local thread.
 */
public sealed interface Assignment {

    /** Nothing more to run: the worker ends. */
    Finished FINISHED = new Finished();

    /**
     * Evaluate the objective on a trial. The trial is RUNNING in the engine until the worker
     * {@linkplain TrialHost#finish finishes} it.
     */
    sealed interface Evaluate extends Assignment permits NewTrial, ResumeTrial {
        /** The trial's number in its study. */
        int trialNumber();

        /** The configuration to evaluate. */
        Config config();

        /** The resource this run of the trial may use in total (the last step it should report). */
        long budget();

        /**
         * The resource the trial had already used when this run began: where its own
         * checkpoint is ({@code TrialContext.resumedFrom()}); 0 for a trial that starts afresh.
         */
        default long resumedFrom() {
            return 0;
        }

        /** Seed of the trial's random generator, derived from the study seed alone. */
        long randomSeed();

        /** The trial's random generator, the same wherever the worker runs. */
        default RandomGenerator random() {
            return new SplittableRandom(randomSeed());
        }
    }

    /** A trial that has not run before (newly sampled, enqueued or retried). */
    record NewTrial(int trialNumber, Config config, long budget, long randomSeed) implements Evaluate {
    }

    /**
     * A paused trial run again with a larger budget; it continues from its checkpoint
     * ({@link TrialHost#restoreCheckpoint}).
     */
    record ResumeTrial(int trialNumber, Config config, long budget, long randomSeed, long resumedFrom)
            implements Evaluate {
    }

    /**
     * Nothing can start now (a synchronous rung is not full yet): wait for a change, at most
     * {@code atMost}, then ask again.
     */
    record Wait(Duration atMost) implements Assignment {
    }

    /** Nothing more to run. */
    record Finished() implements Assignment {
    }
}
