package dev.rungs.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * Standard normal tail probabilities and truncated-normal draws, as the Parzen estimators
 * need them.
 *
 * <p>Why not call {@code Erf.erfc} of commons-math3: it goes through the regularised incomplete
 * gamma function and costs around a microsecond (and its class initialisation, with FastMath's
 * tables, costs tens of milliseconds before the first proposal), while the bad estimator needs
 * one truncation normaliser per kernel near a bound (thousands per proposal late in a study).
 * Instead the scaled complementary error function erfcx(x) = exp(x²)·erfc(x), which is smooth
 * and slowly varying, is tabulated once on a grid of step 1/64 and
 * interpolated with quintic Hermite polynomials (its first and second derivatives follow
 * from the value: f' = 2x f − 2/√π, f'' = 2f + 2x f') up to x = 6, and computed by its
 * continued fraction beyond. That keeps erfc accurate to about 1e-13 <em>relative</em> error,
 * including deep in the tail, for a few nanoseconds a call.
 */
final class Gauss {
    /** √(2π), the normal density's normaliser. */
    static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final int PER_UNIT = 64;
    private static final double H = 1.0 / PER_UNIT;
    /**
     * Table end. Beyond it the continued fraction converges within {@value #CF_TERMS} terms;
     * a short table keeps class initialisation cheap (it runs before the JIT has compiled
     * anything).
     */
    private static final double X_MAX = 6;
    private static final int CF_TERMS = 40;
    private static final int N = (int) Math.ceil(X_MAX * PER_UNIT);
    private static final double[] F = new double[N + 2];
    private static final double[] D1 = new double[N + 2];
    private static final double[] D2 = new double[N + 2];

    static {
        for (int i = 0; i < F.length; i++) {
            double x = i * H;
            double f = tableValue(x);
            F[i] = f;
            D1[i] = 2 * x * f - TWO_OVER_SQRT_PI;
            D2[i] = 2 * f + 2 * x * D1[i];
        }
    }

    /**
     * erfcx(x) to full double precision, for building the table: below 1.5 from the series
     * erf(x) = (2/√π) e^(−x²) Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)) (positive terms, and erfc is
     * still above 0.03 there, so 1 − erf loses nothing), above it from Laplace's continued
     * fraction with enough terms to have converged (checked against commons-math in the tests).
     */
    private static double tableValue(double x) {
        if (x < 1.5) {
            double term = x;
            double sum = x;
            for (int n = 1; term > 1e-17 * sum; n++) {
                term *= 2 * x * x / (2 * n + 1);
                sum += term;
            }
            double erf = TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
            return Math.exp(x * x) * (1 - erf);
        }
        return continuedFraction(x, x < 2.5 ? 120 : CF_TERMS);
    }

    /** Laplace's continued fraction erfcx(x) = (1/√π) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + …)))). */
    private static double continuedFraction(double x, int terms) {
        double f = x;
        for (int k = terms; k >= 1; k--) {
            f = x + 0.5 * k / f;
        }
        return 1 / (f * Math.sqrt(Math.PI));
    }

    private Gauss() {
    }

    /** erfcx(x) = exp(x²) erfc(x) for x ≥ 0. */
    static double erfcx(double x) {
        if (x >= X_MAX) {
            return continuedFraction(x, CF_TERMS);
        }
        double s = x * PER_UNIT;
        int i = (int) s;
        double t = s - i;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double t5 = t4 * t;
        // Quintic Hermite basis on [0, 1].
        double h0 = 1 - 10 * t3 + 15 * t4 - 6 * t5;
        double h1 = t - 6 * t3 + 8 * t4 - 3 * t5;
        double h2 = 0.5 * (t2 - 3 * t3 + 3 * t4 - t5);
        double h3 = 1 - h0;
        double h4 = -4 * t3 + 7 * t4 - 3 * t5;
        double h5 = 0.5 * (t3 - 2 * t4 + t5);
        return F[i] * h0 + H * D1[i] * h1 + H * H * D2[i] * h2
                + F[i + 1] * h3 + H * D1[i + 1] * h4 + H * H * D2[i + 1] * h5;
    }

    /** erfc(x) for any x, with full relative accuracy for x > 0. */
    static double erfc(double x) {
        if (x >= 0) {
            return x > 27.3 ? 0.0 : erfcx(x) * Math.exp(-x * x);
        }
        return 2 - erfc(-x);
    }

    /** P(Z &gt; z) for a standard normal Z; relative accuracy is kept in the upper tail. */
    static double upperTail(double z) {
        if (z >= 0) {
            return 0.5 * erfc(z * INV_SQRT2);
        }
        return 1 - 0.5 * erfc(-z * INV_SQRT2);
    }

    /**
     * P(a &lt; Z &lt; b) for a standard normal Z and a ≤ b, computed from the tail on the side
     * where both bounds lie so that small masses far out keep their relative accuracy.
     */
    static double mass(double a, double b) {
        if (a >= 0) {
            return upperTail(a) - upperTail(b);
        }
        if (b <= 0) {
            return upperTail(-b) - upperTail(-a);
        }
        return 1 - upperTail(-a) - upperTail(b);
    }

    /**
     * A draw from N(mu, sigma²) truncated to [0, 1], by rejection. Every kernel the estimators
     * build has its centre inside [0, 1] and sigma ≤ 1, so at least a third of the normal's
     * mass lies inside and the loop needs under three draws on average; this keeps the draw
     * exact without an inverse CDF.
     */
    static double truncatedNormal(RandomGenerator rng, double mu, double sigma) {
        while (true) {
            double x = mu + sigma * rng.nextGaussian();
            if (x >= 0 && x <= 1) {
                return x;
            }
        }
    }

    /**
     * A kernel index drawn with probability proportional to its weight, given the cumulative
     * weights {@code cum[0..k-1]} (binary search for the first cumulative weight above a draw).
     */
    static int pickKernel(java.util.random.RandomGenerator rng, double[] cum, int k) {
        double u = rng.nextDouble() * cum[k - 1];
        int lo = 0;
        int hi = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
