package dev.rungs.sampler.tpe;

import dev.rungs.sampler.DensityExplanation;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.OptionalLong;

/**
 * What TPE's univariate model of one parameter looked like for a given history: the good and
 * bad observations and the two densities, l(x) (good) and g(x) (bad), ready to be drawn.
 * Returned by {@link TpeSampler#explain}; the densities come from the very estimators the
 * sampler fits.
 *
 * <p>Values x are on the parameter's own scale, and what a density means depends on the
 * parameter:
 * <ul>
 *   <li>Float without step: a probability density per unit of x, zero outside [low, high], so
 *       that it integrates to 1 over the range. For a log-scale float this includes the 1/x
 *       factor; to draw it on a logarithmic axis (density per unit of ln x), multiply by
 *       x · ln(high / low).</li>
 *   <li>Integer (also log-scale) or stepped float: the probability of the allowed value nearest
 *       to x (x is snapped to the grid), zero outside the range widened by half a step.</li>
 *   <li>Categorical: x is a choice index (0, 1, …) and the density is that choice's
 *       probability.</li>
 * </ul>
 * The ratio l/g, and so {@link #logRatio}, the score the sampler maximises, does not depend on
 * these conventions.
 */
public final class TpeExplanation {

    private final Dim dim;
    private final boolean startup;
    private final double[] goodValues;
    private final double[] badValues;
    private final double[] goodWeights;
    private final double[] badWeights;
    private final UnivariateEstimator good;
    private final UnivariateEstimator bad;

    TpeExplanation(Dim dim, boolean startup, double[] goodValues, double[] badValues,
            double[] goodWeights, double[] badWeights, UnivariateEstimator good, UnivariateEstimator bad) {
        this.dim = dim;
        this.startup = startup;
        this.goodValues = goodValues;
        this.badValues = badValues;
        this.goodWeights = goodWeights;
        this.badWeights = badWeights;
        this.good = good;
        this.bad = bad;
    }

    /** The parameter explained. */
    public Param param() {
        return dim.param;
    }

    /** The parameter's name. */
    public String paramName() {
        return dim.param.name();
    }

    /**
     * Whether the sampler would still be in its startup phase for this history (it would then
     * propose uniformly at random, and the densities are only what the model would be).
     */
    public boolean startupPhase() {
        return startup;
    }

    /**
     * Values of the parameter in the good trials that have it, in trial order (choice indices for
     * a categorical; see {@link #choice}).
     */
    public double[] goodValues() {
        return goodValues.clone();
    }

    /** Values of the parameter in the bad trials that have it, in trial order. */
    public double[] badValues() {
        return badValues.clone();
    }

    /** Recency weights of {@link #goodValues()}, before normalisation with the prior weight. */
    public double[] goodWeights() {
        return java.util.Arrays.copyOf(goodWeights, goodValues.length);
    }

    /** Recency weights of {@link #badValues()}, before normalisation with the prior weight. */
    public double[] badWeights() {
        return java.util.Arrays.copyOf(badWeights, badValues.length);
    }

    /** For a categorical parameter, the choice at an index; otherwise an exception. */
    public Object choice(int index) {
        return ((CategoricalParam) dim.param).choices().get(index);
    }

    /** The good density l at each x. */
    public double[] good(double[] xs) {
        return eval(good, xs);
    }

    /** The bad density g at each x. */
    public double[] bad(double[] xs) {
        return eval(bad, xs);
    }

    /** ln l(x) at each x (−∞ outside the range). */
    public double[] logGood(double[] xs) {
        return log(good(xs));
    }

    /** ln g(x) at each x (−∞ outside the range). */
    public double[] logBad(double[] xs) {
        return log(bad(xs));
    }

    /** ln l(x) − ln g(x), the score by which the sampler picks among its candidates (NaN outside the range). */
    public double[] logRatio(double[] xs) {
        double[] l = logGood(xs);
        double[] g = logBad(xs);
        for (int i = 0; i < l.length; i++) {
            l[i] -= g[i];
        }
        return l;
    }

    /**
     * The same model in the form every density-explaining sampler shares: densities per unit of
     * x also for discrete values (their probability over the step), and the kernels.
     */
    DensityExplanation common() {
        double perValue = switch (dim.kind) {
            case GRID -> 1 / (dim.param instanceof IntParam i ? i.step() : ((FloatParam) dim.param).step());
            case LOG_INT -> 1 / (double) ((IntParam) dim.param).step();
            default -> 1;
        };
        return new DensityExplanation("TPE", dim.param,
                new DensityExplanation.Side(goodValues, x -> eval(good, x) * perValue, good.kernelShapes()),
                new DensityExplanation.Side(badValues, x -> eval(bad, x) * perValue, bad.kernelShapes()),
                startup, OptionalLong.empty());
    }

    private double[] eval(UnivariateEstimator d, double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = eval(d, xs[i]);
        }
        return out;
    }

    private double eval(UnivariateEstimator d, double x) {
        double t = dim.coordinateOfValue(x);
        if (Double.isNaN(t)) {
            return 0;
        }
        return dim.kind == Dim.Kind.CONTINUOUS ? d.density(t) * dim.jacobian(x) : d.density(t);
    }

    private static double[] log(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.log(v[i]);
        }
        return v;
    }
}
