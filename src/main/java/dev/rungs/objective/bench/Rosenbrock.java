package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;

/**
 * The Rosenbrock function in {@code d ≥ 2} dimensions on [−5, 10]^d:
 * {@code f(x) = Σ_{i<d} 100 (x_{i+1} − x_i²)² + (1 − x_i)²}, with its minimum 0 at
 * {@code (1, …, 1)}. The minimum lies at the bottom of a long, curved, flat valley, which is
 * easy to find and hard to follow; it tests local refinement more than global exploration.
 * Parameters are named {@code x1 … xd}.
 */
public final class Rosenbrock implements BenchmarkProblem {
    /** Lower bound of every coordinate. */
    public static final double LOW = -5;
    /** Upper bound of every coordinate. */
    public static final double HIGH = 10;

    private final int dims;
    private final SearchSpace space;

    /**
     * Rosenbrock in {@code dims} dimensions.
     *
     * @throws IllegalArgumentException when {@code dims < 2} (the sum would be empty)
     */
    public Rosenbrock(int dims) {
        if (dims < 2) {
            throw new IllegalArgumentException("Rosenbrock needs at least 2 dimensions, got " + dims);
        }
        this.dims = dims;
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 1; i <= dims; i++) {
            b.floatParam("x" + i, LOW, HIGH);
        }
        this.space = b.build();
    }

    /** The function at {@code x} (at least 2 coordinates). */
    public static double value(double[] x) {
        if (x.length < 2) {
            throw new IllegalArgumentException("Rosenbrock needs at least 2 coordinates, got " + x.length);
        }
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }
        return sum;
    }

    /** The number of dimensions. */
    public int dims() {
        return dims;
    }

    @Override
    public String name() {
        return "rosenbrock";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double optimum() {
        return 0;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) {
        return value(Hartmann.point(config, dims));
    }

    @Override
    public String toString() {
        return "rosenbrock(" + dims + "d)";
    }
}
