package dev.rungs.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * Multivariate Parzen estimator (Falkner et al.'s variant, as Optuna's multivariate TPE): each
 * kernel is a product over the group's parameters, one kernel per observation plus a prior
 * kernel, so that correlations between parameters are kept.
 *
 * <p>Numeric parameters use one bandwidth for all observation kernels,
 * 0.2 · max(n, 1)^(−1/(d + 4)) · range with d the number of parameters in the group (the range
 * is 1 in model coordinates), clipped like the univariate bandwidths (magic clip); the prior
 * kernel is centred with sigma = range. Categorical factors are the same smoothed counts as
 * in {@link CategoricalParzen}, but stay per kernel because the product does not collapse.
 * Kernels are truncated to the range, discrete parameters use cell masses.
 *
 * <p>Densities are combined in log space (a product of d factors can underflow) with a
 * log-sum-exp over the kernels. No kernel is skipped here: with several dimensions a kernel far
 * away in one coordinate can still dominate through the others, so the univariate cut-off
 * would not be safe.
 */
final class JointParzen {
    private final Dim[] dims;
    private final int d;
    private final int k;
    /** Centres by dimension and kernel: unit coordinate, or choice index. */
    private final double[][] mu;
    /** Numeric dimensions: bandwidth of the observation kernels (the prior's is 1). */
    private final double[] obsSigma;
    /** Per kernel: log weight plus the log normalisers of its numeric factors. */
    private final double[] logConst;
    private final double[] cum;
    /** Categorical dimensions: what each observation kernel puts on every choice before its own +1 (priorWeight / kernels). */
    private final double catFill;
    private final double[] scratch;

    private JointParzen(Dim[] dims, double[][] mu, double[] obsSigma, double[] logConst, double[] weight,
            double catFill) {
        this.dims = dims;
        this.d = dims.length;
        this.k = logConst.length;
        this.mu = mu;
        this.obsSigma = obsSigma;
        this.logConst = logConst;
        this.catFill = catFill;
        this.cum = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += weight[i];
            cum[i] = acc;
        }
        this.scratch = new double[k];
    }

    /**
     * Fits the estimator.
     *
     * @param obs model coordinates by dimension then observation (trial order)
     * @param obsWeights recency weights of the observations
     * @param n number of observations
     * @param priorWeight weight of the prior kernel (positive)
     * @param magicClip whether to floor bandwidths at 1 / min(100, 1 + kernels)
     * @param dims the group's parameters
     */
    static JointParzen fit(double[][] obs, double[] obsWeights, int n, double priorWeight, boolean magicClip,
            Dim[] dims) {
        int d = dims.length;
        int k = n + 1;
        double total = priorWeight;
        for (int i = 0; i < n; i++) {
            total += obsWeights[i];
        }
        double[] weight = new double[k];
        for (int i = 0; i < n; i++) {
            weight[i] = obsWeights[i] / total;
        }
        weight[n] = n == 0 ? 1.0 : priorWeight / total;

        double minSigma = magicClip ? 1.0 / Math.min(100.0, 1.0 + k) : NumericParzen.EPS;
        double falkner = 0.2 * Math.pow(Math.max(n, 1), -1.0 / (d + 4));
        double sigma = Math.min(1.0, Math.max(minSigma, falkner));
        double catFill = priorWeight / k;

        double[][] mu = new double[d][k];
        double[] obsSigma = new double[d];
        double[] logConst = new double[k];
        for (int i = 0; i < k; i++) {
            logConst[i] = Math.log(weight[i]);
        }
        for (int j = 0; j < d; j++) {
            System.arraycopy(obs[j], 0, mu[j], 0, n);
            Dim dim = dims[j];
            if (dim.isCategorical()) {
                mu[j][n] = -1; // the prior kernel: uniform, matches no choice
                continue;
            }
            mu[j][n] = 0.5;
            obsSigma[j] = sigma;
            for (int i = 0; i < k; i++) {
                double s = i == n ? 1.0 : sigma;
                double a = -mu[j][i] / s;
                double b = (1 - mu[j][i]) / s;
                double z = (a < -NumericParzen.CUT_Z && b > NumericParzen.CUT_Z) ? 1.0 : Gauss.mass(a, b);
                logConst[i] -= dim.isDiscrete() ? Math.log(z) : Math.log(s * Gauss.SQRT_2PI * z);
            }
        }
        return new JointParzen(dims, mu, obsSigma, logConst, weight, catFill);
    }

    /** Draws one point (model coordinates, one per dimension) into {@code out}. */
    void sample(RandomGenerator rng, double[] out) {
        int i = Gauss.pickKernel(rng, cum, k);
        boolean prior = i == k - 1;
        for (int j = 0; j < d; j++) {
            Dim dim = dims[j];
            if (dim.isCategorical()) {
                int choices = (int) dim.cells;
                if (prior) {
                    out[j] = Math.min(choices - 1, (int) (rng.nextDouble() * choices));
                } else {
                    int own = (int) mu[j][i];
                    double v = rng.nextDouble() * (catFill * choices + 1);
                    int pick = choices - 1;
                    double acc = 0;
                    for (int c = 0; c < choices; c++) {
                        acc += catFill + (c == own ? 1 : 0);
                        if (v < acc) {
                            pick = c;
                            break;
                        }
                    }
                    out[j] = pick;
                }
            } else {
                double s = prior ? 1.0 : obsSigma[j];
                out[j] = dim.snap(Gauss.truncatedNormal(rng, mu[j][i], s));
            }
        }
    }

    /** Log density (log probability for all-discrete groups) at a point in model coordinates. */
    double logDensity(double[] x) {
        double[] s = scratch;
        System.arraycopy(logConst, 0, s, 0, k);
        for (int j = 0; j < d; j++) {
            Dim dim = dims[j];
            double[] m = mu[j];
            double xj = x[j];
            if (dim.isCategorical()) {
                double norm = catFill * dim.cells + 1;
                double logHit = Math.log((catFill + 1) / norm);
                double logMiss = Math.log(catFill / norm);
                for (int i = 0; i < k - 1; i++) {
                    s[i] += m[i] == xj ? logHit : logMiss;
                }
                s[k - 1] += -Math.log(dim.cells);
            } else if (dim.isDiscrete()) {
                double lo = dim.cellLow(xj);
                double hi = dim.cellHigh(xj);
                for (int i = 0; i < k; i++) {
                    double sg = i == k - 1 ? 1.0 : obsSigma[j];
                    s[i] += Math.log(Gauss.mass((lo - m[i]) / sg, (hi - m[i]) / sg));
                }
            } else {
                double inv = 1 / obsSigma[j];
                for (int i = 0; i < k - 1; i++) {
                    double z = (xj - m[i]) * inv;
                    s[i] -= 0.5 * z * z;
                }
                double z = xj - m[k - 1];
                s[k - 1] -= 0.5 * z * z;
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, s[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += Math.exp(s[i] - max);
        }
        return max + Math.log(sum);
    }
}
