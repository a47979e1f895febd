package dev.rungs.sampler.bohb;

import dev.rungs.sampler.DensityExplanation;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * What BOHB's model of one parameter looks like: the budget the model was built on, the good and
 * bad observations there, and the two densities, l (good) and g (bad), as marginals of the very
 * kernel densities the sampler draws from. Returned by {@link BohbSampler#explain}.
 *
 * <p>Coordinates are the model's own: a parameter's position in its range scaled to [0, 1]
 * (after the log for a log-scale parameter), or a choice index for a categorical one. Use
 * {@link Param#fromUnit} to turn a continuous coordinate into a value.
 */
public final class BohbExplanation {
    private final long budget;
    private final Param param;
    private final int index;
    private final Kde good;
    private final Kde bad;

    BohbExplanation(long budget, Param param, int index, Kde good, Kde bad) {
        this.budget = budget;
        this.param = param;
        this.index = index;
        this.good = good;
        this.bad = bad;
    }

    /** The budget whose observations the model was built on: the largest with enough of them. */
    public long budget() {
        return budget;
    }

    /** The parameter explained. */
    public Param param() {
        return param;
    }

    /** Whether coordinates are choice indices rather than positions in [0, 1]. */
    public boolean isCategorical() {
        return param instanceof CategoricalParam;
    }

    /** The good observations' coordinates (inactive values as the model imputed them). */
    public double[] goodCoordinates() {
        return good.column(index);
    }

    /** The bad observations' coordinates. */
    public double[] badCoordinates() {
        return bad.column(index);
    }

    /** l at each coordinate: the good density of this parameter alone. */
    public double[] good(double[] coordinates) {
        return marginal(good, coordinates);
    }

    /** g at each coordinate: the bad density of this parameter alone. */
    public double[] bad(double[] coordinates) {
        return marginal(bad, coordinates);
    }

    private double[] marginal(Kde kde, double[] coordinates) {
        double[] out = new double[coordinates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = kde.marginal(index, coordinates[i]);
        }
        return out;
    }

    /**
     * The same model in the form every density-explaining sampler shares: on the parameter's
     * own scale, as densities per unit of x (the model's density per unit coordinate times
     * du/dx), with the observations as values and the kernels in the unit coordinate.
     */
    DensityExplanation common() {
        return new DensityExplanation("BOHB", param, side(good), side(bad), false, OptionalLong.of(budget));
    }

    private DensityExplanation.Side side(Kde kde) {
        double[] coordinates = kde.column(index);
        double[] values = new double[coordinates.length];
        List<DensityExplanation.Kernel> kernels = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (isCategorical()) {
                values[i] = coordinates[i];
            } else {
                values[i] = ((Number) param.fromUnit(coordinates[i])).doubleValue();
                kernels.add(new DensityExplanation.Kernel(coordinates[i], kde.bw[index]));
            }
        }
        return new DensityExplanation.Side(values, x -> densityAtValue(kde, x), kernels);
    }

    private double densityAtValue(Kde kde, double x) {
        if (isCategorical()) {
            double i = Math.rint(x);
            return i >= 0 && i < ((CategoricalParam) param).choices().size() ? kde.marginal(index, i) : 0;
        }
        if (!inRange(x)) {
            return 0;
        }
        double u = param instanceof IntParam ? param.toUnit(Math.round(x)) : param.toUnit(x);
        return kde.marginal(index, u) * DensityExplanation.unitPerValue(param, x);
    }

    private boolean inRange(double x) {
        if (param instanceof IntParam i) {
            return x >= i.low() - 0.5 * i.step() && x <= i.high() + 0.5 * i.step();
        }
        FloatParam f = (FloatParam) param;
        return x >= f.low() - f.step() / 2 && x <= f.high() + f.step() / 2;
    }
}
