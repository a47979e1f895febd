package dev.rungs.scheduler.median;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median stopping (Golovin et al., Google Vizier; defaults of Optuna's MedianPruner): stop a
 * trial at step t when the best value it has reported so far is worse than the median of the
 * values that completed trials reported at step t.
 *
 * <p>Nothing is stopped until {@code startupTrials} trials have completed, before
 * {@code warmupSteps} steps, or at steps off the {@code intervalSteps} grid. Only COMPLETE
 * trials form the median, as in Optuna: pruned trials stopped early and would drag it towards
 * the bad end.
 *
 * @param startupTrials completed trials needed before any stopping (default 5)
 * @param warmupSteps steps below which a trial is never stopped (default 0)
 * @param intervalSteps check only every this many steps after warm-up (default 1)
 */
public record MedianStoppingScheduler(int startupTrials, long warmupSteps, long intervalSteps) implements Scheduler {

    public MedianStoppingScheduler {
        if (startupTrials < 0 || warmupSteps < 0 || intervalSteps < 1) {
            throw new IllegalArgumentException("median stopping needs startupTrials >= 0, warmupSteps >= 0, "
                    + "intervalSteps >= 1");
        }
    }

    /** Optuna's defaults: 5 start-up trials, no warm-up, every step. */
    public MedianStoppingScheduler() {
        this(5, 0, 1);
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        if (step < warmupSteps || (step - warmupSteps) % intervalSteps != 0) {
            return Decision.CONTINUE;
        }
        Direction direction = history.direction();
        List<Double> others = new ArrayList<>();
        int completed = 0;
        for (Trial t : history.trials()) {
            if (t.isComplete() && t.number() != trial.number()) {
                completed++;
                Double v = t.intermediate().get(step);
                if (v != null && !v.isNaN()) {
                    others.add(direction.toLoss(v));
                }
            }
        }
        if (completed < startupTrials || others.isEmpty()) {
            return Decision.CONTINUE;
        }
        double bestSoFar = trial.intermediate().values().stream()
                .mapToDouble(direction::toLoss).min().orElse(direction.toLoss(value));
        return bestSoFar > median(others) ? Decision.STOP : Decision.CONTINUE;
    }

    private static double median(List<Double> xs) {
        Collections.sort(xs);
        int n = xs.size();
        return n % 2 == 1 ? xs.get(n / 2) : (xs.get(n / 2 - 1) + xs.get(n / 2)) / 2;
    }
}
