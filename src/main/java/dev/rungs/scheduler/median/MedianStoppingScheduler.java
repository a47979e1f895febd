package dev.rungs.scheduler.median;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.FollowedHistory;
import dev.rungs.scheduler.RankedRung;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

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
 * <p>The completed trials' values are kept per step in order, split at the median, and follow
 * the history one changed trial at a time ({@link FollowedHistory}), so a report costs a look at
 * the median rather than a pass over every trial.
 */
public final class MedianStoppingScheduler implements Scheduler {
    private final int startupTrials;
    private final long warmupSteps;
    private final long intervalSteps;
    /** The completed trials' values by step, and what they follow; engine thread only. */
    private CompletedValues completed;
    private FollowedHistory followed;

    /**
     * @param startupTrials completed trials needed before any stopping (default 5)
     * @param warmupSteps steps below which a trial is never stopped (default 0)
     * @param intervalSteps check only every this many steps after warm-up (default 1)
     */
    public MedianStoppingScheduler(int startupTrials, long warmupSteps, long intervalSteps) {
        if (startupTrials < 0 || warmupSteps < 0 || intervalSteps < 1) {
            throw new IllegalArgumentException("median stopping needs startupTrials >= 0, warmupSteps >= 0, "
                    + "intervalSteps >= 1");
        }
        this.startupTrials = startupTrials;
        this.warmupSteps = warmupSteps;
        this.intervalSteps = intervalSteps;
    }

    /** Optuna's defaults: 5 start-up trials, no warm-up, every step. */
    public MedianStoppingScheduler() {
        this(5, 0, 1);
    }

    public int startupTrials() {
        return startupTrials;
    }

    public long warmupSteps() {
        return warmupSteps;
    }

    public long intervalSteps() {
        return intervalSteps;
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        if (step < warmupSteps || (step - warmupSteps) % intervalSteps != 0) {
            return Decision.CONTINUE;
        }
        Direction direction = history.direction();
        if (completed == null || completed.direction != direction) {
            completed = new CompletedValues(direction);
            followed = new FollowedHistory(completed);
        }
        followed.follow(history);
        // The reporting trial is not among the others, even if its snapshot in the history is complete.
        Trial own = completed.isCounted(trial.number()) ? history.trials().get(trial.number()) : null;
        if (own != null) {
            completed.take(own, false);
        }
        try {
            RankedRung atStep = completed.at(step);
            if (completed.count < startupTrials || atStep == null || atStep.size() == 0) {
                return Decision.CONTINUE;
            }
            double bestSoFar = trial.intermediate().values().stream()
                    .mapToDouble(direction::toLoss).min().orElse(direction.toLoss(value));
            return bestSoFar > median(atStep) ? Decision.STOP : Decision.CONTINUE;
        } finally {
            if (own != null) {
                completed.take(own, true);
            }
        }
    }

    private static double median(RankedRung values) {
        // The top holds the lower ceil(n / 2) values.
        double lower = values.boundary().loss();
        return values.size() % 2 == 1 ? lower : (lower + values.afterBoundary().loss()) / 2;
    }

    /** The values of the COMPLETE trials as losses, by step; NaN values are left out, as before. */
    private static final class CompletedValues implements FollowedHistory.Index {
        final Direction direction;
        final Map<Long, RankedRung> byStep = new HashMap<>();
        final java.util.BitSet counted = new java.util.BitSet();
        int count;

        CompletedValues(Direction direction) {
            this.direction = direction;
        }

        RankedRung at(long step) {
            return byStep.get(step);
        }

        boolean isCounted(int number) {
            return counted.get(number);
        }

        @Override
        public void clear() {
            byStep.clear();
            counted.clear();
            count = 0;
        }

        @Override
        public void changed(Trial before, Trial after) {
            if (before != null) {
                take(before, false);
            }
            take(after, true);
        }

        void take(Trial t, boolean add) {
            if (!t.isComplete()) {
                return;
            }
            count += add ? 1 : -1;
            counted.set(t.number(), add);
            for (Map.Entry<Long, Double> e : t.intermediate().entrySet()) {
                if (e.getValue().isNaN()) {
                    continue;
                }
                RankedRung.Entry entry = new RankedRung.Entry(direction.toLoss(e.getValue()), t.number());
                if (add) {
                    byStep.computeIfAbsent(e.getKey(), k -> new RankedRung(n -> (n + 1) / 2)).add(entry);
                } else {
                    byStep.get(e.getKey()).remove(entry);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MedianStoppingScheduler m && m.startupTrials == startupTrials
                && m.warmupSteps == warmupSteps && m.intervalSteps == intervalSteps;
    }

    @Override
    public int hashCode() {
        return Objects.hash(startupTrials, warmupSteps, intervalSteps);
    }

    @Override
    public String toString() {
        return "MedianStoppingScheduler[startupTrials=" + startupTrials + ", warmupSteps=" + warmupSteps
                + ", intervalSteps=" + intervalSteps + "]";
    }
}
