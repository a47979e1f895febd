package dev.rungs.app.run;

import dev.rungs.engine.Budget;
import dev.rungs.study.StudySummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the run view's progress bar and line show, from the study's {@link StudySummary}, its
 * budget and this window's run: {@code 23 of 30 trials (20 complete, 3 running) · resource 120 of
 * 500 · 0:12 elapsed · about 0:04 left}.
 *
 * <p>The trial count is {@link StudySummary#trials()}, what the budget counts, so the bar is
 * full exactly when the engine stops starting trials. The time left is extrapolated from the
 * trials that <em>ended</em> during this run ({@link RunClock#remaining}).
 *
 * @param fraction 0 to 1, or -1 for an indeterminate bar
 * @param text the progress line
 */
public record RunProgress(double fraction, String text) {

    /**
     * @param summary the study's trials now
     * @param budget the study's budget
     * @param runStarted when this window's run started; null when none ran here (a stored study)
     * @param endedAtRunStart {@link StudySummary#ended()} when it started
     * @param running whether the run still goes on
     * @param finished whether the study has reached its budget (a full bar whatever the counts)
     * @param now the time now
     */
    public static RunProgress of(StudySummary summary, Budget budget, Instant runStarted, int endedAtRunStart,
            boolean running, boolean finished, Instant now) {
        int counted = summary.trials();
        int maxTrials = budget.maxTrials();
        long maxResource = budget.maxResource();
        StringBuilder text = new StringBuilder(summary.progress(maxTrials));
        if (maxResource > 0) {
            text.append(" · resource ").append(summary.resourceUsed()).append(" of ").append(maxResource);
        }
        double fraction;
        if (runStarted != null) {
            Duration elapsed = Duration.between(runStarted, now);
            Duration maxTime = budget.maxTime();
            Optional<Double> f = RunClock.fraction(counted, maxTrials, elapsed, running ? maxTime : null,
                    summary.resourceUsed(), maxResource);
            fraction = finished ? 1.0 : f.orElse(-1.0);
            text.append(" · ").append(RunClock.format(elapsed)).append(" elapsed");
            if (running) {
                int toGo = maxTrials > 0 ? Math.max(0, maxTrials - summary.ended()) : -1;
                RunClock.remaining(summary.ended() - endedAtRunStart, toGo, elapsed, maxTime)
                        .ifPresent(left -> text.append(" · about ").append(RunClock.format(left)).append(" left"));
            }
        } else {
            fraction = finished ? 1.0 : RunClock.fraction(counted, maxTrials, Duration.ZERO, null,
                    summary.resourceUsed(), maxResource).orElse(0.0);
        }
        return new RunProgress(fraction, text.toString());
    }
}
