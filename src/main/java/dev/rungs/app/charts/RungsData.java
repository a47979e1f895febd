package dev.rungs.app.charts;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link RungsChart} draws: the rungs of one bracket of a multi-fidelity scheduler, each
 * with the trials that reached it, best first, and what became of them there. Free of JavaFX.
 *
 * @param rungs the rungs, smallest resource first
 */
public record RungsData(List<Rung> rungs) {
    public RungsData {
        rungs = List.copyOf(rungs);
    }

    /** What happened to a trial at a rung. */
    public enum Outcome {
        /** It went on to the next rung. */
        PROMOTED,
        /** It was not promoted and was stopped there. */
        STOPPED,
        /** It ran to the end at the top rung. */
        COMPLETED,
        /** It has its result at this rung and runs on (the decision is still to come). */
        RUNNING,
        /** It has its result at this rung and waits, paused, for the rung's decision. */
        PAUSED
    }

    /**
     * One rung.
     *
     * @param budget the resource trials run to at this rung
     * @param planned how many trials the scheduler plans at this rung (n_i), or -1 when it does
     *     not plan a number (ASHA)
     * @param points the trials with a result at this rung, in rank order: best value first
     */
    public record Rung(long budget, int planned, List<Point> points) {
        public Rung {
            points = List.copyOf(points);
        }

        /** How many trials reached this rung. */
        public int reached() {
            return points.size();
        }

        /** How many of its trials went on to the next rung. */
        public long promoted() {
            return points.stream().filter(p -> p.outcome() == Outcome.PROMOTED).count();
        }
    }

    /**
     * One trial's result at a rung.
     *
     * @param trial the trial's number
     * @param value its objective value when it reached the rung's budget
     * @param outcome what became of it there
     */
    public record Point(int trial, double value, Outcome outcome) {
        public Point {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
