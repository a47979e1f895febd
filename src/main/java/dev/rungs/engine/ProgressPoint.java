package dev.rungs.engine;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a study stood when one of its trials ended: how many had ended, after how long, how much
 * resource they had used, and the best value so far. A study's progress is one point per ended
 * trial, in the order they ended, enough to plot the best value (or the regret) against trials,
 * wall time or resource.
 *
 * @param trials trials finished so far, this one included (trials an interruption ended are not counted)
 * @param elapsed time from the start of the study's first trial to the end of this one
 * @param resource resource used by the trials finished so far (each trial's total over all its
 *     runs, counted when it finished)
 * @param bestValue the best value of a COMPLETE trial so far; empty while there is none
 */
public record ProgressPoint(int trials, Duration elapsed, long resource, OptionalDouble bestValue) {

    public ProgressPoint {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(bestValue, "bestValue");
    }

    /**
     * The progress of a study with these trials, as they stand: every trial that finished
     * (COMPLETE, PRUNED, FAIL), by the time it finished; a trial still PAUSED has not, and its
     * resource is not in the points yet. Derived from the trials alone, so a study read back from
     * its store has the same progress as the run that made it.
     */
    public static List<ProgressPoint> of(List<Trial> trials, Direction direction) {
        Instant start = trials.stream().map(Trial::started).filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
        List<Trial> ended = trials.stream().filter(ProgressPoint::ended)
                .sorted(Comparator.comparing(Trial::finished).thenComparingInt(Trial::number)).toList();
        List<ProgressPoint> points = new ArrayList<>(ended.size());
        long resource = 0;
        OptionalDouble best = OptionalDouble.empty();
        for (Trial t : ended) {
            resource += t.resourceUsed();
            if (t.state() == TrialState.COMPLETE && t.value().isPresent()) {
                double v = t.value().getAsDouble();
                if (best.isEmpty() || direction.isBetter(v, best.getAsDouble())) {
                    best = OptionalDouble.of(v);
                }
            }
            Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, t.finished());
            points.add(new ProgressPoint(points.size() + 1, elapsed, resource, best));
        }
        return List.copyOf(points);
    }

    private static boolean ended(Trial t) {
        return t.state().isFinished() && t.finished() != null && !t.isInterrupted();
    }
}
