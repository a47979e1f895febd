package dev.rungs.scheduler;

import dev.rungs.space.Config;

/**
 * What a scheduler decides about a running trial after it reports; only the engine acts on
 * it. The objective receives the same decision from {@code TrialContext.report} and must
 * return promptly unless it is {@link Continue}.
 */
public sealed interface Decision permits Decision.Continue, Decision.Pause, Decision.Stop, Decision.Exploit {

    /** Keep going. */
    Continue CONTINUE = new Continue();
    /** Save a checkpoint and return; the trial may be resumed later with a larger budget. */
    Pause PAUSE = new Pause();
    /** Return now; the trial is pruned. */
    Stop STOP = new Stop();

    /** The decisions by kind, for a {@code switch} in an objective. */
    enum Kind {
        /** Keep going. */
        CONTINUE,
        /** Save a checkpoint and return; the trial may be resumed with a larger budget. */
        PAUSE,
        /** Return now; the trial is pruned. */
        STOP,
        /** Keep going from a donor's checkpoint with a new configuration. */
        EXPLOIT
    }

    /** Which decision this is: after {@link #shouldContinue()} is false, whether to pause or stop. */
    Kind kind();

    /** Whether the trial should keep running. */
    default boolean shouldContinue() {
        return this instanceof Continue;
    }

    /** Keep going. */
    record Continue() implements Decision {
        @Override
        public Kind kind() {
            return Kind.CONTINUE;
        }
    }

    /** Save a checkpoint and return; the trial becomes PAUSED. */
    record Pause() implements Decision {
        @Override
        public Kind kind() {
            return Kind.PAUSE;
        }
    }

    /** Return now; the trial becomes PRUNED. */
    record Stop() implements Decision {
        @Override
        public Kind kind() {
            return Kind.STOP;
        }
    }

    /**
     * Population-based training: continue from the donor trial's checkpoint with a new
     * configuration. The engine swaps the checkpoint and configuration; the objective then
     * reads both again ({@code restoreCheckpoint}, {@code config}) and carries on.
     *
     * @param donorTrial the trial whose checkpoint is copied
     * @param newConfig the perturbed configuration to continue with
     */
    record Exploit(int donorTrial, Config newConfig) implements Decision {
        @Override
        public Kind kind() {
            return Kind.EXPLOIT;
        }

        @Override
        public boolean shouldContinue() {
            return true;
        }
    }
}
