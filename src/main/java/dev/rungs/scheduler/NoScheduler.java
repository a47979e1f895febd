package dev.rungs.scheduler;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;

/**
 * {@link Scheduler#none()}: every trial runs to its end. A named class rather than a lambda so
 * that a study's provenance reads "NoScheduler", not a generated lambda class name.
 */
final class NoScheduler implements Scheduler {
    static final NoScheduler INSTANCE = new NoScheduler();

    private NoScheduler() {
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        return Decision.CONTINUE;
    }

    @Override
    public boolean decidesOnlyAtBudget() {
        return true;
    }

    @Override
    public String toString() {
        return "NoScheduler";
    }
}
