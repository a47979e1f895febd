package dev.rungs.engine;

import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import dev.rungs.study.Trial;

/**
 * Something that happened in a study, published by the engine after the change is stored.
 * Each event carries the trial as it is after the change. Listeners run on the engine thread
 * and must return quickly (the UI coalesces and hands off to the FX thread).
 */
public sealed interface TrialEvent {

    /** The trial as it is after this event; null for {@link Finished}, which ends a run and carries none. */
    Trial trial();

    /** A trial started running. */
    record Started(Trial trial) implements TrialEvent {
    }

    /** A running trial reported an intermediate value and the scheduler decided. */
    record Reported(Trial trial, long step, double value, Decision decision) implements TrialEvent {
    }

    /** A trial was paused with its checkpoint. */
    record Paused(Trial trial) implements TrialEvent {
    }

    /** A paused trial runs again with a larger budget. */
    record Resumed(Trial trial, long budget) implements TrialEvent {
    }

    /** A trial finished with a value. */
    record Completed(Trial trial) implements TrialEvent {
    }

    /** A trial was stopped early by its scheduler. */
    record Pruned(Trial trial) implements TrialEvent {
    }

    /** A trial failed; the reason is also in its {@code fail_reason} attribute. */
    record Failed(Trial trial, String reason) implements TrialEvent {
    }

    /** A trial copied a donor's checkpoint and continued with a new configuration (PBT). */
    record Exploited(Trial trial, int donor, long step, Config oldConfig, Config newConfig) implements TrialEvent {
    }

    /** A run ended; no trial of it is running any more. */
    record Finished(StudyResult result) implements TrialEvent {
        @Override
        public Trial trial() {
            return null;
        }
    }
}
