package dev.rungs.app.charts;

import dev.rungs.sampler.DensityExplanation.Kernel;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.Arrays;
import java.util.List;

/** Where a parameter's densities are drawn: the x values a density chart evaluates them at. */
public final class ParamGrid {
    /** Points on the even grid of a float parameter (and of an integer one with more values). */
    public static final int GRID_POINTS = 200;
    /**
     * A kernel at least this many grid spacings wide already has 16 grid points within two
     * bandwidths of its centre, enough to draw it smoothly; a narrower one gets points of its own.
     */
    static final double SMOOTH_SPACINGS = 4;
    /** The points a narrow kernel gets, in bandwidths from its centre: every quarter within ±2, sparser further out. */
    static final double[] KERNEL_OFFSETS = offsets();
    /** At most this many points in all, however many narrow kernels there are. */
    static final int MAX_POINTS = 5000;

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
            return snapToInts(i, spread(i.low(), i.high(), i.log()));
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

    /**
     * {@link #values(Param)} plus, around each kernel too narrow for the even grid, points at
     * fractions of its bandwidth ({@link #KERNEL_OFFSETS}), so that a narrow peak is drawn
     * smoothly. Kernels are in the unit coordinate, where the even grid's spacing is
     * 1 / ({@link #GRID_POINTS} − 1). A parameter whose every value is on the grid anyway
     * (categorical, small integer range) gets no extra points.
     */
    public static double[] values(Param p, List<Kernel> kernels) {
        double[] base = values(p);
        if (!refinable(p)) {
            return base;
        }
        double spacing = 1.0 / (GRID_POINTS - 1);
        double[] units = new double[kernels.size() * KERNEL_OFFSETS.length];
        double[] widths = new double[units.length];
        int n = 0;
        for (Kernel k : kernels) {
            if (!(k.width() > 0) || k.width() >= SMOOTH_SPACINGS * spacing) {
                continue;
            }
            for (double offset : KERNEL_OFFSETS) {
                double u = k.centre() + offset * k.width();
                if (u >= 0 && u <= 1) {
                    units[n] = u;
                    widths[n] = k.width();
                    n++;
                }
            }
        }
        if (n == 0) {
            return base;
        }
        double[] kept = thin(units, widths, n);
        double[] all = Arrays.copyOf(base, base.length + kept.length);
        for (int i = 0; i < kept.length; i++) {
            // fromUnit snaps to an allowed value where the parameter has steps.
            all[base.length + i] = ((Number) p.fromUnit(kept[i])).doubleValue();
        }
        Arrays.sort(all);
        return Arrays.stream(all).distinct().toArray();
    }

    /** Whether a parameter's grid leaves out values, so that a narrow kernel can fall between its points. */
    private static boolean refinable(Param p) {
        if (p instanceof IntParam i) {
            return i.count() > GRID_POINTS;
        }
        return p instanceof FloatParam f && f.high() > f.low() && (f.step() == 0 || f.stepCount() > GRID_POINTS);
    }

    /**
     * The points in increasing order, leaving out any closer than an eighth of its kernel's
     * width to the last one kept (many kernels at one spot need no more points than one), and
     * at most {@link #MAX_POINTS}.
     */
    private static double[] thin(double[] units, double[] widths, int n) {
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(units[a], units[b]));
        double[] kept = new double[n];
        int m = 0;
        for (int idx : order) {
            if (m == 0 || units[idx] - kept[m - 1] >= widths[idx] / 8) {
                kept[m++] = units[idx];
            }
        }
        if (m > MAX_POINTS) {
            double[] even = new double[MAX_POINTS];
            for (int i = 0; i < MAX_POINTS; i++) {
                even[i] = kept[(int) ((long) i * m / MAX_POINTS)];
            }
            return even;
        }
        return Arrays.copyOf(kept, m);
    }

    private static double[] offsets() {
        double[] near = new double[17 + 6];
        int i = 0;
        for (int q = -8; q <= 8; q++) {
            near[i++] = q / 4.0;
        }
        for (double far : new double[] {-5, -4, -3, 3, 4, 5}) {
            near[i++] = far;
        }
        return near;
    }

    private static double[] snapToInts(IntParam i, double[] spread) {
        // Snapped to allowed values; neighbours that snap to the same value are merged.
        return Arrays.stream(spread)
                .map(x -> Math.min(i.high(), i.low() + Math.round((x - i.low()) / i.step()) * i.step()))
                .distinct().toArray();
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
