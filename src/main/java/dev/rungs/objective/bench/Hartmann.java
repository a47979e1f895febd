package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;

/**
 * The Hartmann functions on the unit cube: Hartmann-3 (minimum −3.86278) and Hartmann-6
 * (minimum −3.32237). Parameters are named {@code x1 … xd}.
 */
public final class Hartmann implements BenchmarkProblem {
    static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};

    private static final double[][] A3 = {
        {3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
    private static final double[][] P3 = {
        {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470},
        {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};
    private static final double[][] A6 = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
        {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] P6 = {
        {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
        {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
        {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
        {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    private final int dims;
    private final SearchSpace space;

    private Hartmann(int dims) {
        this.dims = dims;
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 1; i <= dims; i++) {
            b.floatParam("x" + i, 0, 1);
        }
        this.space = b.build();
    }

    /** Hartmann-3. */
    public static Hartmann three() {
        return new Hartmann(3);
    }

    /** Hartmann-6. */
    public static Hartmann six() {
        return new Hartmann(6);
    }

    /** The function at {@code x} with the given α coefficients (lowered α gives the biased low fidelities). */
    static double value(double[] x, double[] alpha) {
        double[][] a = x.length == 3 ? A3 : A6;
        double[][] p = x.length == 3 ? P3 : P6;
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - p[i][j];
                inner += a[i][j] * d * d;
            }
            sum += alpha[i] * Math.exp(-inner);
        }
        return -sum;
    }

    /** The exact function at {@code x} (3 or 6 coordinates in [0, 1]). */
    public static double value(double[] x) {
        if (x.length != 3 && x.length != 6) {
            throw new IllegalArgumentException("Hartmann is defined for 3 or 6 dimensions, not " + x.length);
        }
        return value(x, ALPHA);
    }

    /** The coordinates x1 … xd of a configuration. */
    static double[] point(Config config, int dims) {
        double[] x = new double[dims];
        for (int i = 0; i < dims; i++) {
            x[i] = config.getDouble("x" + (i + 1));
        }
        return x;
    }

    @Override
    public String name() {
        return "hartmann" + dims;
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double optimum() {
        return dims == 3 ? -3.86278 : -3.32237;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) {
        return value(point(config, dims));
    }
}
