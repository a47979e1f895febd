package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;

/** The Branin function on [−5, 10] × [0, 15]; three global minima of 0.397887. */
public final class Branin implements BenchmarkProblem {
    /** The global minimum. */
    public static final double OPTIMUM = 0.39788735772973816;

    private static final SearchSpace SPACE = SearchSpace.builder()
            .floatParam("x1", -5, 10)
            .floatParam("x2", 0, 15)
            .build();

    /** Branin at (x1, x2). */
    public static double value(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    @Override
    public String name() {
        return "branin";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double optimum() {
        return OPTIMUM;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) {
        return value(config.getDouble("x1"), config.getDouble("x2"));
    }
}
