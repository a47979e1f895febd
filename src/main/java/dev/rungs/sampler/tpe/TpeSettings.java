package dev.rungs.sampler.tpe;

import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Immutable configuration of a {@link TpeSampler}. Start from {@link #defaults()}, which
 * matches the defaults of Optuna's {@code TPESampler}, and change fields with the
 * {@code with…} methods, each of which returns a new record.
 *
 * @param nStartupTrials number of finished (complete or pruned) trials sampled uniformly at
 *     random before the model takes over; default 10
 * @param nEiCandidates number of candidates drawn from the good density l(x), of which the one
 *     maximising log l(x) − log g(x) is proposed; default 24
 * @param gamma how many of the n ranked observations count as good; default
 *     {@link #defaultGamma}, min(ceil(0.1 n), 25); the result is clamped to [0, n]
 * @param weights the recency weights of n observations listed oldest first (the good and the
 *     bad set each get their own); default {@link #defaultWeights}; values must be finite,
 *     non-negative and not all zero
 * @param priorWeight weight of the prior kernel of every estimator; must be positive (Optuna's
 *     {@code consider_prior = False} is not offered: the prior keeps log densities finite);
 *     default 1.0
 * @param magicClip floor bandwidths at range / min(100, 1 + number of kernels); default on
 * @param multivariate model the parameters that every observed trial has jointly, with
 *     Falkner's bandwidths; default off
 * @param group with {@code multivariate}, split a conditional space into groups of parameters
 *     that always appear together and model each group jointly; default off
 * @param constantLiar count RUNNING trials as bad observations so that parallel workers do
 *     not propose the same region; default off
 */
public record TpeSettings(
        int nStartupTrials,
        int nEiCandidates,
        IntUnaryOperator gamma,
        IntFunction<double[]> weights,
        double priorWeight,
        boolean magicClip,
        boolean multivariate,
        boolean group,
        boolean constantLiar) {

    public TpeSettings {
        if (nStartupTrials < 0) {
            throw new IllegalArgumentException("nStartupTrials must not be negative (got " + nStartupTrials + ")");
        }
        if (nEiCandidates < 1) {
            throw new IllegalArgumentException("nEiCandidates must be at least 1 (got " + nEiCandidates + ")");
        }
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(weights, "weights");
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new IllegalArgumentException("priorWeight must be a positive number (got " + priorWeight + ")");
        }
    }

    /** Optuna's defaults: 10 startup trials, 24 candidates, default gamma and weights, prior weight 1, magic clip on. */
    public static TpeSettings defaults() {
        return new TpeSettings(10, 24, TpeSettings::defaultGamma, TpeSettings::defaultWeights, 1.0,
                true, false, false, false);
    }

    /** Optuna's default split: min(ceil(0.1 n), 25), computed in floating point as Optuna does. */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /** Hyperopt's older split: min(ceil(0.25 √n), 25). */
    public static int hyperoptGamma(int n) {
        return Math.min((int) Math.ceil(0.25 * Math.sqrt(n)), 25);
    }

    /**
     * Optuna's default weights for n observations listed oldest first: 1 for the newest 25;
     * when there are more, the n − 25 older ones ramp linearly from 1/n (oldest) up to 1.
     */
    public static double[] defaultWeights(int n) {
        double[] w = new double[n];
        if (n < 25) {
            java.util.Arrays.fill(w, 1.0);
            return w;
        }
        int ramp = n - 25;
        double start = 1.0 / n;
        for (int i = 0; i < ramp; i++) {
            // numpy.linspace(1/n, 1, ramp): a single point is the start.
            w[i] = ramp == 1 ? start : start + i * (1.0 - start) / (ramp - 1);
        }
        for (int i = ramp; i < n; i++) {
            w[i] = 1.0;
        }
        return w;
    }

    public TpeSettings withStartupTrials(int v) {
        return new TpeSettings(v, nEiCandidates, gamma, weights, priorWeight, magicClip, multivariate, group, constantLiar);
    }

    public TpeSettings withEiCandidates(int v) {
        return new TpeSettings(nStartupTrials, v, gamma, weights, priorWeight, magicClip, multivariate, group, constantLiar);
    }

    public TpeSettings withGamma(IntUnaryOperator v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, v, weights, priorWeight, magicClip, multivariate, group, constantLiar);
    }

    public TpeSettings withWeights(IntFunction<double[]> v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, v, priorWeight, magicClip, multivariate, group, constantLiar);
    }

    public TpeSettings withPriorWeight(double v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, v, magicClip, multivariate, group, constantLiar);
    }

    public TpeSettings withMagicClip(boolean v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, priorWeight, v, multivariate, group, constantLiar);
    }

    public TpeSettings withMultivariate(boolean v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, priorWeight, magicClip, v, group, constantLiar);
    }

    /** Group mode; a {@link TpeSampler} refuses it unless multivariate is on too (as Optuna does). */
    public TpeSettings withGroup(boolean v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, priorWeight, magicClip, multivariate, v, constantLiar);
    }

    public TpeSettings withConstantLiar(boolean v) {
        return new TpeSettings(nStartupTrials, nEiCandidates, gamma, weights, priorWeight, magicClip, multivariate, group, v);
    }
}
