package dev.rungs.sampler.bohb;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A product-kernel density over mixed dimensions, as statsmodels' {@code KDEMultivariate}
 * builds it for HpBandSter: Gaussian kernels on continuous coordinates of the unit cube,
 * Aitchison–Aitken kernels on categorical indices, one normal-reference bandwidth per
 * dimension ({@code 1.06 · σ · n^(−1/(d + 4))}) clipped below at the minimum bandwidth.
 */
final class Kde {
    private static final NormalDistribution STD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Data rows: continuous coordinates in [0, 1] or categorical indices. */
    final double[][] data;
    /** Bandwidth per dimension. */
    final double[] bw;
    /** Number of categories per dimension; 0 for a continuous one. */
    private final int[] levels;

    Kde(double[][] data, int[] levels, double minBandwidth) {
        this.data = data;
        this.levels = levels;
        int n = data.length;
        int d = levels.length;
        bw = new double[d];
        double scale = 1.06 * Math.pow(n, -1.0 / (d + 4));
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (double[] row : data) {
                mean += row[j];
            }
            mean /= n;
            double var = 0;
            for (double[] row : data) {
                var += (row[j] - mean) * (row[j] - mean);
            }
            // Population standard deviation, as numpy's std (statsmodels' normal reference).
            double b = Math.max(minBandwidth, scale * Math.sqrt(var / n));
            if (levels[j] > 0) {
                // statsmodels applies the same rule to category indices; beyond (c − 1) / c the
                // Aitchison–Aitken kernel would favour the other categories, so stop at uniform.
                b = Math.min(b, (levels[j] - 1.0) / levels[j]);
            }
            bw[j] = b;
        }
    }

    /** The density at {@code x}. */
    double pdf(double[] x) {
        double sum = 0;
        for (double[] row : data) {
            double k = 1;
            for (int j = 0; j < x.length; j++) {
                double h = bw[j];
                if (levels[j] == 0) {
                    double z = (x[j] - row[j]) / h;
                    k *= Math.exp(-0.5 * z * z) / (h * 2.5066282746310002);
                } else {
                    k *= x[j] == row[j] ? 1 - h : h / (levels[j] - 1);
                }
            }
            sum += k;
        }
        return sum / data.length;
    }

    /**
     * The density of dimension {@code j} alone at {@code x}: the product kernel integrated over
     * every other dimension, which leaves the average of the one-dimensional kernels.
     */
    double marginal(int j, double x) {
        double h = bw[j];
        double sum = 0;
        for (double[] row : data) {
            if (levels[j] == 0) {
                double z = (x - row[j]) / h;
                sum += Math.exp(-0.5 * z * z) / (h * 2.5066282746310002);
            } else {
                sum += x == row[j] ? 1 - h : h / (levels[j] - 1);
            }
        }
        return sum / data.length;
    }

    /** Column {@code j} of the data. */
    double[] column(int j) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i][j];
        }
        return out;
    }

    /**
     * A candidate near a random data row, as HpBandSter draws them: continuous coordinates from
     * a normal truncated to [0, 1] with the bandwidth times {@code factor}; a categorical one
     * keeps the row's value with probability {@code 1 − bw}, else takes a uniform category.
     */
    double[] sample(RandomGenerator rng, double factor, double minBandwidth) {
        double[] row = data[rng.nextInt(data.length)];
        double[] x = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double h = Math.max(bw[j], minBandwidth);
            if (levels[j] == 0) {
                x[j] = truncatedNormal(row[j], h * factor, rng);
            } else {
                x[j] = rng.nextDouble() < 1 - h ? row[j] : rng.nextInt(levels[j]);
            }
        }
        return x;
    }

    /** A draw from N(m, s²) truncated to [0, 1], by the inverse distribution function. */
    static double truncatedNormal(double m, double s, RandomGenerator rng) {
        double lo = STD_NORMAL.cumulativeProbability(-m / s);
        double hi = STD_NORMAL.cumulativeProbability((1 - m) / s);
        double u = lo + rng.nextDouble() * (hi - lo);
        if (!(hi > lo)) {
            return Math.min(1, Math.max(0, m));
        }
        double x = m + s * STD_NORMAL.inverseCumulativeProbability(u);
        return Math.min(1, Math.max(0, x));
    }
}
