package dev.rungs.sampler.bohb;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Param;

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
}
