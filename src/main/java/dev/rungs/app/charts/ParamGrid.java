package dev.rungs.app.charts;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.Arrays;

/** Where a parameter's densities are drawn: the x values a density chart evaluates them at. */
public final class ParamGrid {
    /** Points on the grid of a float parameter (and of an integer one with more values). */
    public static final int GRID_POINTS = 200;

    private ParamGrid() {
    }

    /**
     * Where the densities are evaluated: every allowed value of a discrete parameter with at
     * most {@link #GRID_POINTS} of them, else {@link #GRID_POINTS} points spread evenly, or
     * geometrically on a log scale; the choice indices of a categorical one.
     */
    public static double[] values(Param p) {
        if (p instanceof CategoricalParam c) {
            double[] xs = new double[c.choices().size()];
            Arrays.setAll(xs, i -> i);
            return xs;
        }
        if (p instanceof IntParam i) {
            if (i.count() <= GRID_POINTS) {
                double[] xs = new double[(int) i.count()];
                Arrays.setAll(xs, k -> i.low() + k * i.step());
                return xs;
            }
            double[] spread = spread(i.low(), i.high(), i.log());
            // Snapped to allowed values; neighbours that snap to the same value are merged.
            return Arrays.stream(spread)
                    .map(x -> Math.min(i.high(), i.low() + Math.round((x - i.low()) / i.step()) * i.step()))
                    .distinct().toArray();
        }
        FloatParam f = (FloatParam) p;
        if (f.high() == f.low()) {
            return new double[] {f.low()};
        }
        if (f.step() > 0 && f.stepCount() <= GRID_POINTS) {
            double[] xs = new double[(int) f.stepCount()];
            Arrays.setAll(xs, k -> Math.min(f.high(), f.low() + k * f.step()));
            return xs;
        }
        return spread(f.low(), f.high(), f.log());
    }

    private static double[] spread(double low, double high, boolean log) {
        double[] xs = new double[GRID_POINTS];
        for (int k = 0; k < GRID_POINTS; k++) {
            double u = k / (double) (GRID_POINTS - 1);
            xs[k] = log ? low * Math.pow(high / low, u) : low + u * (high - low);
        }
        // Exact ends, whatever the rounding of pow: the densities are zero outside the range.
        xs[0] = low;
        xs[GRID_POINTS - 1] = high;
        return xs;
    }
}
