package dev.rungs.engine;

import java.time.Duration;

/**
 * When a run stops starting new work. A time limit reached ends the run; trials already running
 * finish (a time budget does not cut a running trial short, as in Optuna's {@code timeout}). A
 * resource limit is checked at every report: once it is spent, every running trial is stopped
 * at its next report, so a study uses at most its budget plus one step per running trial
 * (a trial that reports nothing runs to its end). A trial limit stops new configurations only:
 * the scheduler may still promote and resume trials it started
 * ({@code Scheduler.nextWorkWithoutNewTrials}), so a multi-fidelity study finishes its open
 * bracket.
 *
 * <p>A study a time or resource limit ends leaves no trial PAUSED: a trial cut mid-rung ends
 * PRUNED with its last reported value, and one its scheduler paused and did not promote ends
 * PRUNED with its value at its last rung. A stop request ({@code RunHandle.stop}) is not an end:
 * it keeps running trials PAUSED for the next run.
 *
 * <p>Trials and resource count the whole study, so a resumed study runs on to the same budget;
 * time counts this run only.
 *
 * @param maxTrials trials in the study in total; 0 = no limit
 * @param maxTime wall-clock time of this run; null = no limit
 * @param maxResource resource (steps, epochs, budget units) consumed by the study; 0 = no limit
 */
public record Budget(int maxTrials, Duration maxTime, long maxResource) {
    public Budget {
        if (maxTrials < 0 || maxResource < 0 || (maxTime != null && maxTime.isNegative())) {
            throw new IllegalArgumentException("budget limits must not be negative");
        }
        if (maxTrials == 0 && maxTime == null && maxResource == 0) {
            throw new IllegalArgumentException("a budget needs at least one limit: trials, time or resource");
        }
    }

    /** At most {@code n} trials in the study. */
    public static Budget trials(int n) {
        return new Budget(n, null, 0);
    }

    /** At most {@code seconds} of wall-clock time. */
    public static Budget seconds(double seconds) {
        return new Budget(0, Duration.ofMillis(Math.round(seconds * 1000)), 0);
    }

    /** At most {@code units} of resource consumed. */
    public static Budget resource(long units) {
        return new Budget(0, null, units);
    }

    /** This budget with a time limit added. */
    public Budget andSeconds(double seconds) {
        return new Budget(maxTrials, Duration.ofMillis(Math.round(seconds * 1000)), maxResource);
    }

    /** This budget with a trial limit added. */
    public Budget andTrials(int n) {
        return new Budget(n, maxTime, maxResource);
    }

    /** This budget with a resource limit added. */
    public Budget andResource(long units) {
        return new Budget(maxTrials, maxTime, units);
    }
}
