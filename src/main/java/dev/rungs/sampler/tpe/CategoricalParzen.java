package dev.rungs.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * Univariate Parzen estimator of a categorical parameter: smoothed, weighted counts.
 *
 * <p>As in Optuna, each observation's kernel puts {@code priorWeight / (n + 1)} on every choice
 * plus 1 on its own choice, renormalised; the prior kernel is uniform; the kernels mix with
 * the observations' recency weights and the prior weight. A mixture of categorical kernels is
 * itself one categorical distribution, so it is collapsed into a single probability vector
 * (same density, same sampling distribution, no per-kernel work afterwards). With no
 * observations it is uniform.
 */
final class CategoricalParzen implements UnivariateEstimator {
    private final double[] p;
    private final double[] cum;

    private CategoricalParzen(double[] p) {
        this.p = p;
        this.cum = new double[p.length];
        double acc = 0;
        for (int j = 0; j < p.length; j++) {
            acc += p[j];
            cum[j] = acc;
        }
    }

    /**
     * Fits the estimator.
     *
     * @param obs choice indices of the observations in trial order (first {@code n} used)
     * @param obsWeights their recency weights, same order
     * @param n number of observations
     * @param priorWeight weight of the prior kernel (positive)
     * @param choices number of choices
     */
    static CategoricalParzen fit(double[] obs, double[] obsWeights, int n, double priorWeight, int choices) {
        double[] p = new double[choices];
        if (n == 0) {
            java.util.Arrays.fill(p, 1.0 / choices);
            return new CategoricalParzen(p);
        }
        double total = priorWeight;
        for (int i = 0; i < n; i++) {
            total += obsWeights[i];
        }
        double fill = priorWeight / (n + 1);
        double rowNorm = fill * choices + 1;
        double obsShare = (total - priorWeight) / total;
        double base = obsShare * fill / rowNorm + (priorWeight / total) / choices;
        java.util.Arrays.fill(p, base);
        for (int i = 0; i < n; i++) {
            p[(int) obs[i]] += obsWeights[i] / total / rowNorm;
        }
        return new CategoricalParzen(p);
    }

    /** Probability of the choice with index {@code t}. */
    @Override
    public double density(double t) {
        int j = (int) t;
        return t == j && j >= 0 && j < p.length ? p[j] : 0;
    }

    /** A choice index drawn from the estimator. */
    @Override
    public double sample(RandomGenerator rng) {
        double u = rng.nextDouble() * cum[cum.length - 1];
        for (int j = 0; j < cum.length - 1; j++) {
            if (u < cum[j]) {
                return j;
            }
        }
        return cum.length - 1;
    }
}
