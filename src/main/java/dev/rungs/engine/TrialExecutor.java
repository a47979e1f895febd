package dev.rungs.engine;

import dev.rungs.objective.Objective;

/**
 * Where a study's trials are evaluated. The engine decides what runs; an executor only
 * provides the workers, each a {@link Worker} looping on a {@link TrialHost} until the host
 * answers {@link Assignment.Finished}. {@link LocalTrialExecutor} (threads of this process) is
 * the default; a distributed executor would run the same worker loop on other machines over a
 * remote {@code TrialHost}.
 */
public interface TrialExecutor {

    /**
     * Starts {@code workers} workers for one run and returns at once. Each worker must end by
     * calling {@link TrialHost#workerEnded}, as {@link Worker#run} does, even when it cannot start.
     *
     * @param label names the run (the study), for thread names and logs
     */
    void execute(String label, TrialHost host, Objective objective, int workers);
}
