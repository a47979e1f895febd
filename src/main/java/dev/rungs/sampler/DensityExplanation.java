package dev.rungs.sampler;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.DoubleUnaryOperator;

/**
 * A density-based sampler's model of one parameter, ready to be drawn: the good density l(x),
 * fitted to the better trials, the bad density g(x), fitted to the others, and the observations
 * each was fitted to. TPE and BOHB both explain themselves in this one type (see
 * {@link ExplainsDensities}), so that a chart needs to know neither.
 *
 * <p>What the numbers mean:
 * <ul>
 *   <li>x is on the parameter's own scale; for a categorical parameter it is a choice index
 *       (0, 1, …) and so are the observations.</li>
 *   <li>For a numeric parameter, {@link #good} and {@link #bad} are densities per unit of x:
 *       they integrate to 1 over the range. A discrete value (integer, stepped float) owns a
 *       cell one step wide, so its density is its probability divided by the step.</li>
 *   <li>For a categorical parameter, they are the choices' probabilities.</li>
 * </ul>
 *
 * <p>{@link #kernels()} tells where the densities change fast: a chart evaluates them closely
 * around narrow kernels, so that a sharp peak is drawn as a peak and not as a triangle.
 *
 * <p>Immutable; the density functions are the sampler's own estimators, so evaluating them may
 * take a while for a long history (call it off the UI thread).
 */
public final class DensityExplanation {

    /**
     * One kernel of a density, in the parameter's unit coordinate ({@link Param#toUnit}), where
     * both TPE and BOHB fit their kernels.
     *
     * @param centre where the kernel is centred, in [0, 1]
     * @param width its bandwidth (the standard deviation of a Gaussian kernel), in the same unit
     */
    public record Kernel(double centre, double width) {
    }

    /**
     * One side of the model: the observations and the density fitted to them.
     *
     * @param observations the parameter's values in the trials of this side, in trial order
     * @param density the density at one x, as described on {@link DensityExplanation}
     * @param kernels the density's kernels (none for a categorical parameter)
     */
    public record Side(double[] observations, DoubleUnaryOperator density, List<Kernel> kernels) {
        public Side {
            observations = observations.clone();
            Objects.requireNonNull(density, "density");
            kernels = List.copyOf(kernels);
        }

        @Override
        public double[] observations() {
            return observations.clone();
        }
    }

    private final String model;
    private final Param param;
    private final Side good;
    private final Side bad;
    private final boolean warmingUp;
    private final OptionalLong budget;

    /**
     * @param model the sampler's name as people know it ("TPE", "BOHB")
     * @param param the parameter explained
     * @param good the good trials and l(x)
     * @param bad the bad trials and g(x)
     * @param warmingUp whether the sampler would still ignore this model and propose at random
     * @param budget the budget whose results the model was built on, for a sampler that models
     *     per budget; empty for one that uses every result
     */
    public DensityExplanation(String model, Param param, Side good, Side bad, boolean warmingUp,
            OptionalLong budget) {
        this.model = Objects.requireNonNull(model, "model");
        this.param = Objects.requireNonNull(param, "param");
        this.good = Objects.requireNonNull(good, "good");
        this.bad = Objects.requireNonNull(bad, "bad");
        this.warmingUp = warmingUp;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** The sampler's name as people know it: "TPE", "BOHB". */
    public String model() {
        return model;
    }

    /** The parameter explained. */
    public Param param() {
        return param;
    }

    /** Whether x is a choice index and the densities are probabilities of choices. */
    public boolean isCategorical() {
        return param instanceof CategoricalParam;
    }

    /** The parameter's values in the good trials (choice indices for a categorical). */
    public double[] goodObservations() {
        return good.observations();
    }

    /** The parameter's values in the bad trials. */
    public double[] badObservations() {
        return bad.observations();
    }

    /** l(x), the good density, at each x. */
    public double[] good(double[] xs) {
        return evaluate(good.density(), xs);
    }

    /** g(x), the bad density, at each x. */
    public double[] bad(double[] xs) {
        return evaluate(bad.density(), xs);
    }

    /** The kernels of both densities, good ones first. */
    public List<Kernel> kernels() {
        List<Kernel> all = new ArrayList<>(good.kernels());
        all.addAll(bad.kernels());
        return all;
    }

    /**
     * Whether the sampler would still propose at random for this history (TPE's startup
     * trials): the densities are then only what the model would be.
     */
    public boolean warmingUp() {
        return warmingUp;
    }

    /** The budget whose results the model was built on (BOHB); empty when it uses every result (TPE). */
    public OptionalLong budget() {
        return budget;
    }

    private static double[] evaluate(DoubleUnaryOperator density, double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = density.applyAsDouble(xs[i]);
        }
        return out;
    }

    /**
     * du/dx at x: how fast the unit coordinate moves with the value, the factor that turns a
     * density per unit coordinate into one per unit of x. For a discrete parameter, each value's
     * cell in the unit coordinate is 1 / count wide and one step wide in x. Samplers use it to
     * put their densities on the scale this class promises.
     *
     * @throws IllegalArgumentException for a categorical parameter, which has no x scale
     */
    public static double unitPerValue(Param p, double x) {
        if (p instanceof FloatParam f) {
            if (f.high() == f.low()) {
                return 1;
            }
            if (f.step() > 0) {
                return 1 / (f.stepCount() * f.step());
            }
            return f.log() ? 1 / (x * Math.log(f.high() / f.low())) : 1 / (f.high() - f.low());
        }
        if (p instanceof IntParam i) {
            if (i.log()) {
                return 1 / (x * (Math.log(i.high() + 0.5) - Math.log(i.low() - 0.5)));
            }
            return 1 / ((double) i.count() * i.step());
        }
        throw new IllegalArgumentException(p.name() + " is categorical: it has no scale of values");
    }
}
