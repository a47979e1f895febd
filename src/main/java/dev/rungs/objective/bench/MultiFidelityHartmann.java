package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.random.RandomGenerator;

/**
 * Hartmann-6 with a fidelity, in the style of the multi-fidelity BO literature: the budget
 * {@code z} of a run ({@link TrialContext#budget()}) in [{@code zMin}, {@code zMax}] sets how
 * faithful the value is.
 *
 * <p>With {@code ẑ = log z / log zMax}, each coefficient α_i is lowered by
 * {@code bias · (1 − ẑ)} and {@code noise · (1 − ẑ) · |N(0, 1)|} is added to the value, the normal
 * draw coming from {@link TrialContext#random()}. Both make low fidelities pessimistic and
 * blurred, in the way a short training run is, and both vanish at {@code zMax}, where the value
 * is exactly Hartmann-6 (minimum −3.32237). The bias is not uniform over the domain (it scales
 * each bump by a different factor), so the ranking of configurations can change with the
 * fidelity — which is what makes early stopping a gamble worth measuring.
 *
 * <p>Defaults: {@code zMin = 1}, {@code zMax = 81} (so that η = 3 gives the Hyperband budgets
 * 1, 3, 9, 27, 81), {@code bias = 0.5} and {@code noise = 0.1}: at the lowest fidelity the
 * smallest bump (α₁ = 1) is halved, and the noise is a few percent of the function's range.
 */
public final class MultiFidelityHartmann implements BenchmarkProblem {
    /** Default lowest fidelity. */
    public static final long DEFAULT_Z_MIN = 1;
    /** Default highest fidelity (the exact function). */
    public static final long DEFAULT_Z_MAX = 81;
    /** Default amount by which each α_i is lowered at ẑ = 0. */
    public static final double DEFAULT_BIAS = 0.5;
    /** Default scale of the half-normal noise at ẑ = 0. */
    public static final double DEFAULT_NOISE = 0.1;

    private static final int DIMS = 6;
    private static final SearchSpace SPACE = Hartmann.six().space();

    private final long zMin;
    private final long zMax;
    private final double bias;
    private final double noise;

    /** The problem with the default fidelity range, bias and noise. */
    public MultiFidelityHartmann() {
        this(DEFAULT_Z_MIN, DEFAULT_Z_MAX, DEFAULT_BIAS, DEFAULT_NOISE);
    }

    /**
     * The problem with the given fidelity range, bias and noise.
     *
     * @param zMin lowest budget, at least 1 (so that ẑ ≥ 0)
     * @param zMax highest budget, above 1 and at least {@code zMin}
     * @param bias how much each α_i is lowered at ẑ = 0; not negative
     * @param noise scale of the added half-normal noise at ẑ = 0; not negative
     */
    public MultiFidelityHartmann(long zMin, long zMax, double bias, double noise) {
        if (zMin < 1) {
            throw new IllegalArgumentException("zMin must be at least 1, got " + zMin);
        }
        if (zMax <= 1 || zMax < zMin) {
            throw new IllegalArgumentException("zMax must be above 1 and at least zMin (" + zMin + "), got " + zMax);
        }
        if (!(bias >= 0) || !Double.isFinite(bias)) {
            throw new IllegalArgumentException("bias must be a finite number >= 0, got " + bias);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        this.zMin = zMin;
        this.zMax = zMax;
        this.bias = bias;
        this.noise = noise;
    }

    /** The lowest budget. */
    public long minResource() {
        return zMin;
    }

    /** The bias at ẑ = 0. */
    public double bias() {
        return bias;
    }

    /** The noise scale at ẑ = 0. */
    public double noise() {
        return noise;
    }

    /** The normalised fidelity ẑ = log z / log zMax, 1 at {@code zMax}. */
    public double fidelity(long z) {
        checkBudget(z);
        return z == zMax ? 1.0 : Math.log(z) / Math.log(zMax);
    }

    /**
     * The cost of one evaluation at budget {@code z}, relative to the full one:
     * {@code 0.05 + 0.95 (z / zMax)²}, a fixed overhead plus a part that grows faster than the
     * budget, as in the MF-BO papers that use this problem.
     */
    public double cost(long z) {
        checkBudget(z);
        double r = (double) z / zMax;
        return 0.05 + 0.95 * r * r;
    }

    /**
     * The value at {@code x} (six coordinates in [0, 1]) and budget {@code z}; {@code rng} supplies
     * the noise and is not used at {@code zMax}.
     */
    public double value(double[] x, long z, RandomGenerator rng) {
        if (x.length != DIMS) {
            throw new IllegalArgumentException("expected 6 coordinates, got " + x.length);
        }
        checkBudget(z);
        if (z == zMax) {
            // Short cut rather than trusting (1 − ẑ) to be 0: exactness at zMax is a promise.
            return Hartmann.value(x, Hartmann.ALPHA);
        }
        double gap = 1 - fidelity(z);
        double[] alpha = Hartmann.ALPHA.clone();
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] -= bias * gap;
        }
        return Hartmann.value(x, alpha) + noise * gap * Math.abs(rng.nextGaussian());
    }

    private void checkBudget(long z) {
        if (z < zMin || z > zMax) {
            throw new IllegalArgumentException("budget " + z + " is outside the fidelity range [" + zMin + ", "
                    + zMax + "] of " + name());
        }
    }

    @Override
    public String name() {
        return "mf-hartmann6";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public double optimum() {
        return Hartmann.six().optimum();
    }

    @Override
    public long maxResource() {
        return zMax;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) {
        return value(Hartmann.point(config, DIMS), ctx.budget(), ctx.random());
    }

    @Override
    public String toString() {
        return name() + "(z in [" + zMin + ", " + zMax + "], bias " + bias + ", noise " + noise + ")";
    }
}
