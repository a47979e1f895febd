package dev.rungs.app.charts;

import dev.rungs.sampler.DensityExplanation;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DensityChart} draws: two densities over one parameter's range, the observations
 * they were fitted on, and one picked value. Free of JavaFX, so that a view model can compute it
 * in the background and a test can check it without a toolkit.
 *
 * <p>For a numeric parameter, {@code xs} is a grid over the range, increasing, and {@code good}
 * and {@code bad} hold the densities at those points. For a categorical parameter,
 * {@code categories} names the choices, {@code xs} is 0, 1, …, and the densities are the
 * choices' probabilities; observations and the picked value are choice indices.
 *
 * <p>Immutable: the arrays are copied in and out.
 *
 * @param parameter the parameter's name, for the x axis
 * @param xs where the densities are given
 * @param good the "good" density at each x (drawn blue)
 * @param bad the "bad" density at each x (drawn orange)
 * @param goodObservations values of the good observations (a rug under the curves)
 * @param badObservations values of the bad observations
 * @param picked the value to mark, or NaN for none
 * @param logX whether the x axis is logarithmic
 * @param integers whether the parameter takes whole numbers only, so x ticks should too
 * @param categories the choice names of a categorical parameter; empty for a numeric one
 * @param valueLabel what the y axis measures ("Density", "Probability")
 */
public record DensityData(String parameter, double[] xs, double[] good, double[] bad, double[] goodObservations,
        double[] badObservations, double picked, boolean logX, boolean integers, List<String> categories,
        String valueLabel) {

    /** Copies the arrays and checks that the densities match the grid. */
    public DensityData {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(valueLabel, "valueLabel");
        xs = xs.clone();
        good = good.clone();
        bad = bad.clone();
        goodObservations = goodObservations.clone();
        badObservations = badObservations.clone();
        categories = List.copyOf(categories);
        if (good.length != xs.length || bad.length != xs.length) {
            throw new IllegalArgumentException("densities need one value per x: " + xs.length + " xs, "
                    + good.length + " good, " + bad.length + " bad");
        }
        if (!categories.isEmpty() && categories.size() != xs.length) {
            throw new IllegalArgumentException(categories.size() + " categories for " + xs.length + " xs");
        }
    }

    /**
     * What to draw for a sampler's model: its densities on {@link ParamGrid#values(Param, List)}
     * (finer around narrow kernels), its observations, and {@code picked}. The one place that
     * turns any sampler's {@link DensityExplanation} into chart data.
     *
     * <p>On a logarithmic axis a density per unit of x would pile up at the low end; it is shown
     * per unit of log x instead (times x · ln(high / low), so it still integrates to 1 over the
     * range), as the sampler models it.
     *
     * @param picked the value to mark (a choice index for a categorical), or NaN for none
     */
    public static DensityData of(DensityExplanation ex, double picked) {
        Param p = ex.param();
        double[] xs = ParamGrid.values(p, ex.kernels());
        double[] good = ex.good(xs);
        double[] bad = ex.bad(xs);
        if (p instanceof CategoricalParam c) {
            return new DensityData(p.name(), xs, good, bad, ex.goodObservations(), ex.badObservations(), picked,
                    false, false, c.choices().stream().map(String::valueOf).toList(), "Probability");
        }
        boolean log = p instanceof FloatParam f ? f.log() : ((IntParam) p).log();
        String valueLabel = "Density";
        if (log) {
            double span = p instanceof FloatParam f ? Math.log(f.high() / f.low())
                    : Math.log((double) ((IntParam) p).high() / ((IntParam) p).low());
            if (span > 0) {
                for (int i = 0; i < xs.length; i++) {
                    good[i] *= xs[i] * span;
                    bad[i] *= xs[i] * span;
                }
                valueLabel = "Density over log(" + p.name() + ")";
            }
        }
        return new DensityData(p.name(), xs, good, bad, ex.goodObservations(), ex.badObservations(), picked, log,
                p instanceof IntParam, List.of(), valueLabel);
    }

    /** Whether the parameter is categorical (drawn as bars). */
    public boolean isCategorical() {
        return !categories.isEmpty();
    }

    @Override
    public double[] xs() {
        return xs.clone();
    }

    @Override
    public double[] good() {
        return good.clone();
    }

    @Override
    public double[] bad() {
        return bad.clone();
    }

    @Override
    public double[] goodObservations() {
        return goodObservations.clone();
    }

    @Override
    public double[] badObservations() {
        return badObservations.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityData d && parameter.equals(d.parameter) && Arrays.equals(xs, d.xs)
                && Arrays.equals(good, d.good) && Arrays.equals(bad, d.bad)
                && Arrays.equals(goodObservations, d.goodObservations)
                && Arrays.equals(badObservations, d.badObservations)
                && Double.compare(picked, d.picked) == 0 && logX == d.logX && integers == d.integers
                && categories.equals(d.categories) && valueLabel.equals(d.valueLabel);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, Arrays.hashCode(xs), Arrays.hashCode(good), Arrays.hashCode(bad),
                Arrays.hashCode(goodObservations), Arrays.hashCode(badObservations), picked, logX, integers,
                categories, valueLabel);
    }

    @Override
    public String toString() {
        return "DensityData[" + parameter + ", " + xs.length + " points, " + goodObservations.length + " good, "
                + badObservations.length + " bad, picked " + picked + (logX ? ", log x" : "")
                + (categories.isEmpty() ? "" : ", categories " + categories) + "]";
    }
}
