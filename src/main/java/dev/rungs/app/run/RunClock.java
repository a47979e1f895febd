package dev.rungs.app.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The arithmetic behind the run view's progress line: how far a run is and how long it has
 * left, from its budget and what it has done so far.
 *
 * <p>The remaining time is a straight-line estimate: this run's time per finished trial times
 * the trials still to go, capped by the time budget. It is only shown once a trial has
 * finished in this run, since before that there is nothing to extrapolate from.
 */
public final class RunClock {
    private RunClock() {
    }

    /**
     * The fraction of the budget used, 0 to 1: whichever limit is nearest to being reached, since
     * that one ends the run. Empty when the run has no limit (it cannot happen: a budget has one).
     *
     * @param done trials of the study that have ended
     * @param maxTrials the study's trial budget; 0 = none
     * @param elapsed time this run has been going
     * @param maxTime this run's time budget; null = none
     * @param resourceUsed resource the study's ended trials used
     * @param maxResource the study's resource budget; 0 = none
     */
    public static Optional<Double> fraction(int done, int maxTrials, Duration elapsed, Duration maxTime,
            long resourceUsed, long maxResource) {
        double byTrials = maxTrials > 0 ? Math.min(1.0, done / (double) maxTrials) : -1;
        double byTime = maxTime != null && !maxTime.isZero()
                ? Math.min(1.0, elapsed.toMillis() / (double) maxTime.toMillis()) : -1;
        double byResource = maxResource > 0 ? Math.min(1.0, resourceUsed / (double) maxResource) : -1;
        double f = Math.max(byTrials, Math.max(byTime, byResource));
        return f < 0 ? Optional.empty() : Optional.of(f);
    }

    /**
     * The estimated time left, or empty when it cannot be estimated yet.
     *
     * @param doneInRun trials that ended during this run
     * @param toGo trials still to run for the trial budget; negative = no trial budget
     * @param elapsed time this run has been going
     * @param maxTime this run's time budget; null = none
     */
    public static Optional<Duration> remaining(int doneInRun, int toGo, Duration elapsed, Duration maxTime) {
        Duration byTime = maxTime == null ? null : positive(maxTime.minus(elapsed));
        Duration byTrials = null;
        if (toGo >= 0 && doneInRun > 0) {
            byTrials = Duration.ofMillis(Math.round(elapsed.toMillis() / (double) doneInRun * toGo));
        }
        if (byTime == null) {
            return Optional.ofNullable(byTrials);
        }
        return Optional.of(byTrials == null || byTime.compareTo(byTrials) < 0 ? byTime : byTrials);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** A duration as a person reads it on a progress line: {@code 0:07}, {@code 12:30}, {@code 2:05:09}. */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
