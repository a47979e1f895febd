package dev.rungs.engine;

import dev.rungs.objective.StopRequest;

/** A trial under evaluation in a {@link Run}, as workers see it: read and written on workers' threads. */
final class LiveTrial {
    final RunningTrial running;
    final StopRequest stop = new StopRequest();
    /** Whether reports below the budget are answered CONTINUE without waiting for the engine. */
    final boolean answersEarlyReports;
    /** The trial's own checkpoint as the run started, handed out without a round trip; null if none. */
    final byte[] checkpoint;
    /** Set once an exploit swapped the checkpoint: from then on only the engine knows which to restore. */
    volatile boolean exploited;
    /** Highest step this run has counted in the {@link ResourceGauge}; the trial's worker thread only. */
    long gaugedStep;

    LiveTrial(RunningTrial running, boolean answersEarlyReports) {
        this.running = running;
        this.answersEarlyReports = answersEarlyReports;
        this.checkpoint = running.restore;
    }

    /** The growth of the run's highest step to {@code step}, as {@link ResourceMeter} counts it. */
    long gaugeTo(long step) {
        long growth = Math.max(0, step - gaugedStep);
        gaugedStep = Math.max(gaugedStep, step);
        return growth;
    }

    /** The run restored a checkpoint: the steps up to its own were paid before. */
    void restored() {
        gaugedStep = Math.max(gaugedStep, running.restoreStep);
    }
}
