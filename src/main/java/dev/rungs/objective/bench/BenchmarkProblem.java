package dev.rungs.objective.bench;

import dev.rungs.objective.Objective;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;

/**
 * An analytic test problem with a known optimum, so that a method's quality can be measured
 * as regret: the distance of a found value from the best possible one.
 */
public interface BenchmarkProblem extends Objective {

    /** Short name used in specs, such as {@code branin} or {@code hartmann6}. */
    String name();

    /** The problem's domain. */
    SearchSpace space();

    /** Whether the problem is minimised or maximised. */
    default Direction direction() {
        return Direction.MINIMIZE;
    }

    /** The best value any configuration can reach (at the largest resource). */
    double optimum();

    /** The largest resource per evaluation; 1 for single-fidelity problems. */
    default long maxResource() {
        return 1;
    }

    /** How far {@code value} is from the optimum; 0 at the optimum, positive elsewhere. */
    default double regret(double value) {
        return direction() == Direction.MINIMIZE ? value - optimum() : optimum() - value;
    }
}
