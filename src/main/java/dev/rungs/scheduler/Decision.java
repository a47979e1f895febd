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

    /** Whether the trial should keep running. */
    default boolean shouldContinue() {
        return this instanceof Continue;
    }

    /** Keep going. */
    record Continue() implements Decision {
    }

    /** Save a checkpoint and return; the trial becomes PAUSED. */
    record Pause() implements Decision {
    }

    /** Return now; the trial becomes PRUNED. */
    record Stop() implements Decision {
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
        public boolean shouldContinue() {
            return true;
        }
    }
}
