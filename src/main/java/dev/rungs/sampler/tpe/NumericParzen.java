package dev.rungs.sampler.tpe;

import dev.rungs.sampler.DensityExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Univariate Parzen estimator of one numeric parameter: a weighted mixture of truncated
 * normal kernels, one per observation plus a wide prior kernel, in the parameter's model
 * coordinate (see {@link Dim}), where the modelled range is [0, 1].
 *
 * <p>Bandwidths follow Optuna's univariate rule (with {@code consider_endpoints = False}):
 * sort the observations together with the prior centre 0.5, give each point the larger of the
 * gaps to its neighbours (the range ends count as neighbours), except that the smallest and
 * largest points take the gap on their inner side only; then clip to
 * [1 / min(100, 1 + k), 1] where k counts the kernels including the prior (the "magic clip";
 * without it the floor is 1e-12). The prior kernel sits at 0.5 with sigma 1 (the range).
 * Kernels are truncated to [0, 1]; for discrete parameters a kernel's probability for a value is
 * its mass on the value's cell, renormalised by its mass on [0, 1].
 *
 * <h2>Evaluation cost</h2>
 * The bad estimator late in a study has one kernel per trial (10,000 at n = 10,000) and is
 * evaluated at a couple of dozen candidates per parameter per proposal, so it is organised
 * for that:
 * <ul>
 *   <li>Everything that depends only on the kernel (weight, 1/σ, truncation normaliser) is
 *       folded into one coefficient at fit time. The normaliser is 1 without calling erfc
 *       when both bounds are more than 8σ away.</li>
 *   <li>Kernels with equal centre and bandwidth (tied observations, common for integers) are
 *       merged into one with the summed weight, which changes neither density nor sampling.</li>
 *   <li>A kernel more than 8σ from the point (squared z above 64, a contribution below
 *       e^-32 of its peak) is skipped without calling exp. Narrow kernels are kept sorted by
 *       centre so that a point only visits those within reach through a binary search.</li>
 *   <li>Late in a study nearly all kernels sit at the magic-clip floor, so they share one
 *       bandwidth σ, and they crowd around the good region where the candidates are drawn;
 *       summing them one by one cost ~10 ns per kernel per candidate and dominated the run
 *       time. When there are at least {@value #FGT_MIN} of them (continuous parameters only),
 *       they are summed with a fast Gauss transform: grouped into boxes of width σ, each box
 *       keeps the moments Mₚ = Σ cᵢ εᵢᵖ / p! of its kernels' offsets εᵢ from the box centre
 *       (in units of σ, |εᵢ| ≤ ½), and a point x (in σ units from the centre) gets
 *       e^(−x²/2) Σₚ Mₚ Heₚ(x) from each box within reach (|x| ≤ 8.5), by the generating
 *       function of the Hermite polynomials, e^(−(x−ε)²/2) = e^(−x²/2) Σₚ Heₚ(x) εᵖ / p!. With
 *       {@value #FGT_TERMS} terms the error is below 1e-13 of the kernels' summed peak values
 *       (Cramér's bound |Heₚ(x)| e^(−x²/4) ≤ 1.09 √p!), far below anything that can change
 *       which candidate wins. A box's moments are computed when a point first needs it and
 *       turned into the coefficients of a polynomial in x, so each further point costs one
 *       Horner evaluation and one exp per box; the points of a proposal are evaluated
 *       together, box by box. The tests compare this against the plain sum.</li>
 * </ul>
 * The prior kernel covers the whole range with a positive weight, so the density never
 * becomes zero inside [0, 1] and log densities stay finite.
 */
final class NumericParzen implements UnivariateEstimator {
    /** Kernels further than this many sigmas away are skipped. */
    static final double CUT_Z = 8;
    private static final double CUT_Z2 = CUT_Z * CUT_Z;
    /** Optuna's floor for bandwidths without the magic clip. */
    static final double EPS = 1e-12;
    /** Fewest equal-bandwidth kernels for which the fast Gauss transform pays off. */
    static final int FGT_MIN = 64;
    /** Fewest observations for which bandwidths are found by cells rather than by sorting. */
    static final int CELL_MIN = 128;
    /** Terms of the Hermite expansion per box. */
    static final int FGT_TERMS = 18;
    /** 1 / (i (i − 1)): steps εᵖ/p! to εᵖ⁺²/(p+2)! without a division. */
    private static final double[] INV_PAIR = new double[FGT_TERMS + 2];

    /**
     * Coefficient of xᵠ in the probabilists' Hermite polynomial Heₚ(x):
     * (−1)ᵏ p! / (k! q! 2ᵏ) with p = q + 2k, zero when p − q is odd.
     */
    private static final double[][] HERMITE = new double[FGT_TERMS][FGT_TERMS];

    static {
        for (int i = 2; i < INV_PAIR.length; i++) {
            INV_PAIR[i] = 1.0 / ((double) i * (i - 1));
        }
        for (int p = 0; p < FGT_TERMS; p++) {
            for (int k = 0; 2 * k <= p; k++) {
                int q = p - 2 * k;
                double c = factorial(p) / (factorial(k) * factorial(q) * Math.pow(2, k));
                HERMITE[p][q] = (k % 2 == 0) ? c : -c;
            }
        }
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    private final Dim dim;
    private final boolean discrete;
    /** Number of kernels: the observation kernels in order of their centres, then the prior. */
    private final int k;
    private final double[] mu;
    private final double[] sigma;
    private final double[] weight;
    private final double[] cum;
    /**
     * Kernels summed directly, with their coefficients: all but the transform group, as
     * [narrow, sorted by centre | wide | prior].
     */
    private final int nDirect;
    private final int nNarrow;
    private final double[] dmu;
    private final double[] dinv;
    private final double[] dcoef;
    private final double reach;
    /** Transform group: bandwidth (0 when unused), boxes, and per box its kernel range, state and expansion. */
    private final double fgtSigma;
    private final int nBoxes;
    private final int[] boxStart;
    private final byte[] boxState;
    private final double[] moments;
    private static final byte EMPTY = 0;
    private static final byte PENDING = 1;
    private static final byte READY = 2;

    private NumericParzen(Dim dim, int k, double[] mu, double[] sigma, double[] weight, double fgtSigma,
            double narrowMax, boolean sortedByCentre) {
        this.dim = dim;
        this.discrete = dim.isDiscrete();
        this.k = k;
        this.mu = mu;
        this.sigma = sigma;
        this.weight = weight;
        this.fgtSigma = fgtSigma;
        this.cum = cumulative(weight, k);
        int narrow = 0;
        int wide = 0;
        for (int i = 0; i < k; i++) {
            double s = sigma[i];
            if (s != fgtSigma) {
                if (s <= narrowMax && i < k - 1) {
                    narrow++;
                } else {
                    wide++;
                }
            }
        }
        nNarrow = narrow;
        nDirect = narrow + wide;
        dmu = new double[nDirect];
        dinv = new double[nDirect];
        dcoef = new double[nDirect];
        reach = CUT_Z * fillDirect(narrowMax, sortedByCentre);
        if (fgtSigma > 0) {
            nBoxes = (int) Math.floor(1 / fgtSigma) + 1;
            moments = new double[nBoxes * FGT_TERMS];
            boxState = new byte[nBoxes];
            boxStart = new int[nBoxes + 1];
            fillBoxRanges();
        } else {
            nBoxes = 0;
            moments = null;
            boxState = null;
            boxStart = null;
        }
    }

    private static double[] cumulative(double[] weight, int k) {
        double[] cum = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += weight[i];
            cum[i] = acc;
        }
        return cum;
    }

    /**
     * Copies the kernels outside the transform group into the direct arrays, the narrow ones
     * sorted by centre (sorting them here when the kernels are not); returns the widest narrow
     * sigma.
     */
    private double fillDirect(double narrowMax, boolean sortedByCentre) {
        int nextNarrow = 0;
        int nextWide = nNarrow;
        double maxNarrow = 0;
        for (int i = 0; i < k; i++) {
            double s = sigma[i];
            if (s == fgtSigma) {
                continue;
            }
            int j;
            if (s <= narrowMax && i < k - 1) {
                j = nextNarrow++;
                maxNarrow = Math.max(maxNarrow, s);
            } else {
                j = nextWide++;
            }
            dmu[j] = mu[i];
            dinv[j] = 1 / s;
            dcoef[j] = coefficient(mu[i], s, weight[i]);
        }
        if (!sortedByCentre && nNarrow > 1) {
            int[] order = IndexSort.sort(dmu, nNarrow);
            double[] m = new double[nNarrow];
            double[] v = new double[nNarrow];
            double[] c = new double[nNarrow];
            for (int q = 0; q < nNarrow; q++) {
                m[q] = dmu[order[q]];
                v[q] = dinv[order[q]];
                c[q] = dcoef[order[q]];
            }
            System.arraycopy(m, 0, dmu, 0, nNarrow);
            System.arraycopy(v, 0, dinv, 0, nNarrow);
            System.arraycopy(c, 0, dcoef, 0, nNarrow);
        }
        return maxNarrow;
    }

    /**
     * Kernel ranges of the boxes. Kernels are sorted by centre, so each box is a contiguous run
     * (the prior, last, is never in the group); a box without group kernels is marked empty.
     */
    private void fillBoxRanges() {
        double inv = 1 / fgtSigma;
        int i = 0;
        for (int b = 0; b < nBoxes; b++) {
            boxStart[b] = i;
            boolean any = false;
            while (i < k - 1 && Math.min(nBoxes - 1, (int) (mu[i] * inv)) == b) {
                any |= sigma[i] == fgtSigma;
                i++;
            }
            boxState[b] = any ? PENDING : EMPTY;
        }
        boxStart[nBoxes] = i;
    }

    /**
     * A kernel's weight divided by its normaliser: by σ√(2π) and by its mass inside [0, 1]
     * (continuous), or by that mass only (discrete). Centres lie in [0, 1], so a ≤ 0 ≤ b; when
     * both bounds are more than 8σ away the mass is 1 to double precision and erfc is skipped.
     */
    private double coefficient(double centre, double s, double w) {
        return coefficient(centre, 1 / s, w, discrete ? 1.0 : 1 / (s * Gauss.SQRT_2PI));
    }

    /** {@link #coefficient(double, double, double)} with 1/σ and the peak factor precomputed. */
    private static double coefficient(double centre, double inv, double w, double peak) {
        double a = -centre * inv;
        double b = (1 - centre) * inv;
        if (a < -CUT_Z && b > CUT_Z) {
            return w * peak;
        }
        return w * peak / Gauss.mass(a, b);
    }

    /**
     * The expansion of one box, computed on first use only: candidates come from the good
     * region, so boxes far from it are never needed. First the moments Mₚ = Σ cᵢ εᵢᵖ / p! (two
     * interleaved chains of powers, even and odd, halve the multiplication latency); then,
     * since Σₚ Mₚ Heₚ(x) is a polynomial in x, its monomial coefficients, so that a point costs
     * one Horner evaluation per box.
     */
    private void fillBox(int b) {
        int base = b * FGT_TERMS;
        double centre = b + 0.5;
        double inv = 1 / fgtSigma;
        double peak = inv / Gauss.SQRT_2PI;
        double[] m = new double[FGT_TERMS];
        for (int i = boxStart[b]; i < boxStart[b + 1]; i++) {
            if (sigma[i] != fgtSigma) {
                continue;
            }
            double eps = mu[i] * inv - centre;
            double eps2 = eps * eps;
            double even = coefficient(mu[i], inv, weight[i], peak);
            double odd = even * eps;
            for (int p = 0; p < FGT_TERMS; p += 2) {
                m[p] += even;
                m[p + 1] += odd;
                even *= eps2 * INV_PAIR[p + 2];
                odd *= eps2 * INV_PAIR[p + 3];
            }
        }
        for (int q = 0; q < FGT_TERMS; q++) {
            double c = 0;
            for (int p = q; p < FGT_TERMS; p += 2) {
                c += m[p] * HERMITE[p][q];
            }
            moments[base + q] = c;
        }
        boxState[b] = READY;
    }

    /**
     * Fits the estimator.
     *
     * @param obs model coordinates of the observations in trial order (first {@code n} used)
     * @param obsWeights their recency weights, same order
     * @param n number of observations
     * @param priorWeight weight of the prior kernel (positive)
     * @param magicClip whether to floor bandwidths at 1 / min(100, 1 + kernels)
     * @param dim the parameter
     */
    static NumericParzen fit(double[] obs, double[] obsWeights, int n, double priorWeight,
            boolean magicClip, Dim dim) {
        return fit(obs, obsWeights, n, priorWeight, magicClip, dim, n >= CELL_MIN);
    }

    /** {@link #fit}, choosing whether the cell method may find the bandwidths (for tests). */
    static NumericParzen fit(double[] obs, double[] obsWeights, int n, double priorWeight,
            boolean magicClip, Dim dim, boolean byCells) {
        int m = n + 1;
        double minSigma = magicClip ? 1.0 / Math.min(100.0, 1.0 + m) : EPS;
        if (byCells && magicClip && !dim.isDiscrete() && n >= 1 && minSigma < 1.0) {
            return fitByCells(obs, obsWeights, n, priorWeight, minSigma, dim);
        }
        double[] keys = new double[m];
        System.arraycopy(obs, 0, keys, 0, n);
        keys[n] = 0.5; // the prior's centre takes part in the gaps, as in Optuna
        int[] order = IndexSort.sort(keys, m);

        double total = priorWeight;
        for (int i = 0; i < n; i++) {
            total += obsWeights[i];
        }

        // Observation kernels in order of their centres, tied (centre, sigma) pairs merged,
        // then the prior.
        double[] mu = new double[m];
        double[] sigma = new double[m];
        double[] weight = new double[m];
        int c = 0;
        int atFloor = 0;
        double minAll = Double.POSITIVE_INFINITY;
        double minAboveFloor = Double.POSITIVE_INFINITY;
        double prev = 0.0; // the lower end of the range is the first point's left neighbour
        double x = keys[order[0]];
        for (int p = 0; p < m; p++) {
            int i = order[p];
            double next = p == m - 1 ? 1.0 : keys[order[p + 1]];
            if (i != n) { // the prior's own gap-based sigma is replaced by the range below
                double left = x - prev;
                double right = next - x;
                double s;
                if (p == 0) {
                    s = right; // the outermost points look inwards only (consider_endpoints off)
                } else if (p == m - 1) {
                    s = left;
                } else {
                    s = left > right ? left : right;
                }
                s = s < minSigma ? minSigma : s > 1.0 ? 1.0 : s;
                double w = obsWeights[i] / total;
                if (c > 0 && mu[c - 1] == x && sigma[c - 1] == s) {
                    weight[c - 1] += w;
                } else {
                    mu[c] = x;
                    sigma[c] = s;
                    weight[c] = w;
                    c++;
                    if (s == minSigma) {
                        atFloor++;
                    } else if (s < minAboveFloor) {
                        minAboveFloor = s;
                    }
                    if (s < minAll) {
                        minAll = s;
                    }
                }
            }
            prev = x;
            x = next;
        }
        mu[c] = 0.5; // the prior: centre of the range, sigma = the range
        sigma[c] = 1.0;
        weight[c] = n == 0 ? 1.0 : priorWeight / total;
        boolean fgt = magicClip && !dim.isDiscrete() && atFloor >= FGT_MIN && minSigma < 1.0;
        double narrowMax = 1.25 * (fgt ? minAboveFloor : minAll);
        return new NumericParzen(dim, c + 1, mu, sigma, weight, fgt ? minSigma : 0.0, narrowMax, true);
    }

    /**
     * The same bandwidths as the sorting path, found without sorting, for continuous
     * parameters with the magic clip and many observations (where a full sort was the largest
     * cost of a fit). Cut [0, 1] into cells of the floor width h = 1 / min(100, 1 + k), which are
     * also the transform's boxes. Two sorted neighbours in the same cell are less than h apart,
     * so a point's gap on one side can exceed the floor only if it is its cell's first point
     * (ties by trial order, as the stable sort orders them) on that side; that gap then runs
     * to the last point of the nearest non-empty cell before (or to the range end), and
     * symmetrically on the other side. Gaps of h or less are clipped to h anyway, so they need
     * not be known exactly. Kernels come out grouped by cell (within a cell in trial order),
     * which is the order the transform needs; ties are not merged.
     */
    private static NumericParzen fitByCells(double[] obs, double[] obsWeights, int n, double priorWeight,
            double h, Dim dim) {
        int m = n + 1;
        int cells = (int) Math.floor(1 / h) + 1;
        double inv = 1 / h;
        int[] cellOf = new int[m];
        int[] start = new int[cells + 1];
        double[] low = new double[cells];
        double[] high = new double[cells];
        int[] lowAt = new int[cells];
        int[] highAt = new int[cells];
        java.util.Arrays.fill(low, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < m; i++) {
            double x = i < n ? obs[i] : 0.5; // the prior's centre is point n, last among ties
            int c = Math.min(cells - 1, (int) (x * inv));
            cellOf[i] = c;
            start[c + 1]++;
            if (x < low[c]) {
                low[c] = x;
                lowAt[c] = i;
            }
            if (x >= high[c]) {
                high[c] = x;
                highAt[c] = i;
            }
        }
        // Nearest points of other cells: the last point before each cell, the first after it.
        double[] before = new double[cells];
        double[] after = new double[cells];
        double last = 0.0; // the range ends are the outermost neighbours
        int firstPoint = -1;
        int lastPoint = -1;
        for (int c = 0; c < cells; c++) {
            before[c] = last;
            if (start[c + 1] > 0) {
                last = high[c];
                lastPoint = highAt[c];
                if (firstPoint < 0) {
                    firstPoint = lowAt[c];
                }
            }
        }
        double next = 1.0;
        for (int c = cells - 1; c >= 0; c--) {
            after[c] = next;
            if (start[c + 1] > 0) {
                next = low[c];
            }
        }
        for (int c = 0; c < cells; c++) {
            start[c + 1] += start[c];
        }
        double total = priorWeight;
        for (int i = 0; i < n; i++) {
            total += obsWeights[i];
        }
        double[] mu = new double[m];
        double[] sigma = new double[m];
        double[] weight = new double[m];
        int atFloor = 0;
        double minAboveFloor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            double x = obs[i];
            double left = i == lowAt[c] ? x - before[c] : 0.0;
            double right = i == highAt[c] ? after[c] - x : 0.0;
            double s = i == firstPoint ? right : i == lastPoint ? left : Math.max(left, right);
            s = s < h ? h : s > 1.0 ? 1.0 : s;
            int slot = start[c]++;
            mu[slot] = x;
            sigma[slot] = s;
            weight[slot] = obsWeights[i] / total;
            if (s == h) {
                atFloor++;
            } else if (s < minAboveFloor) {
                minAboveFloor = s;
            }
        }
        // The prior's cell slot is left over; move the prior to the end, keeping cell order.
        int priorSlot = start[cellOf[n]];
        System.arraycopy(mu, priorSlot + 1, mu, priorSlot, n - priorSlot);
        System.arraycopy(sigma, priorSlot + 1, sigma, priorSlot, n - priorSlot);
        System.arraycopy(weight, priorSlot + 1, weight, priorSlot, n - priorSlot);
        mu[n] = 0.5;
        sigma[n] = 1.0;
        weight[n] = priorWeight / total;
        boolean fgt = atFloor >= FGT_MIN;
        double minAll = Math.min(minAboveFloor, atFloor > 0 ? h : Double.POSITIVE_INFINITY);
        double narrowMax = 1.25 * (fgt ? minAboveFloor : minAll);
        return new NumericParzen(dim, m, mu, sigma, weight, fgt ? h : 0.0, narrowMax, false);
    }

    /** Number of kernels after merging ties, the prior included. */
    int kernels() {
        return k;
    }

    @Override
    public List<DensityExplanation.Kernel> kernelShapes() {
        List<DensityExplanation.Kernel> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            out.add(new DensityExplanation.Kernel(mu[i], sigma[i]));
        }
        return out;
    }

    /** Whether the fast Gauss transform serves part of the kernels (for tests). */
    boolean usesTransform() {
        return fgtSigma > 0;
    }

    /**
     * One draw: a kernel chosen by weight, then a truncated-normal draw from it, snapped to the
     * discrete value it falls to.
     */
    @Override
    public double sample(RandomGenerator rng) {
        int lo = Gauss.pickKernel(rng, cum, k);
        return dim.snap(Gauss.truncatedNormal(rng, mu[lo], sigma[lo]));
    }

    /**
     * The density at model coordinate {@code t} (per unit coordinate), or for a discrete
     * parameter the probability of the value whose snapped coordinate is {@code t}.
     */
    @Override
    public double density(double t) {
        if (discrete) {
            return cellMass(dim.cellLow(t), dim.cellHigh(t));
        }
        double[] out = new double[1];
        densities(new double[] {t}, 1, out);
        return out[0];
    }

    /**
     * {@link #density} at each of {@code count} points, into {@code out}. The candidates of one
     * proposal are evaluated together so that the transform can run box by box over all of
     * them: the Horner steps of different points are independent, which lets the processor
     * overlap (and vectorise) them instead of waiting on one chain at a time.
     */
    @Override
    public void densities(double[] t, int count, double[] out) {
        // Kept as a few small methods: the JIT compiles (and, when the profile changes as the
        // study grows, recompiles) small methods much faster than one large one.
        for (int c = 0; c < count; c++) {
            out[c] = discrete ? density(t[c]) : directDensity(t[c]);
        }
        if (!discrete && fgtSigma > 0) {
            transform(t, count, out);
        }
    }

    /** The directly summed kernels at a point of [0, 1] (zero outside). */
    private double directDensity(double t) {
        if (!(t >= 0 && t <= 1)) {
            return 0;
        }
        double s = 0;
        int to = upperBound(t + reach);
        for (int j = lowerBound(t - reach); j < to; j++) {
            s += direct(j, t);
        }
        for (int j = nNarrow; j < nDirect; j++) {
            s += direct(j, t);
        }
        return s;
    }

    /** Adds the transform group's density at the points inside [0, 1] to {@code out}. */
    private void transform(double[] t, int count, double[] out) {
        double[] u = new double[count];
        int first = nBoxes;
        int last = -1;
        for (int c = 0; c < count; c++) {
            double tc = t[c];
            if (!(tc >= 0 && tc <= 1)) {
                u[c] = Double.NaN; // never within reach of a box
                continue;
            }
            u[c] = tc / fgtSigma;
            first = Math.min(first, Math.max(0, (int) Math.ceil(u[c] - CUT_Z - 1)));
            last = Math.max(last, Math.min(nBoxes - 1, (int) Math.floor(u[c] + CUT_Z)));
        }
        double[] x = new double[count];
        double[] acc = new double[count];
        int[] active = new int[count];
        for (int b = first; b <= last; b++) {
            if (boxState[b] == EMPTY) {
                continue;
            }
            if (boxState[b] == PENDING) {
                fillBox(b);
            }
            addBox(b, u, count, out, x, acc, active);
        }
    }

    /**
     * Adds one box's expansion at the points within its reach (|x| ≤ 8.5 σ from its centre):
     * gathers them, then runs the Horner steps of all of them side by side.
     */
    private void addBox(int b, double[] u, int count, double[] out, double[] x, double[] acc, int[] active) {
        double centre = b + 0.5;
        int na = 0;
        for (int c = 0; c < count; c++) {
            double xc = u[c] - centre;
            if (xc >= -CUT_Z - 0.5 && xc <= CUT_Z + 0.5) {
                active[na] = c;
                x[na] = xc;
                na++;
            }
        }
        int base = b * FGT_TERMS;
        double top = moments[base + FGT_TERMS - 1];
        for (int a = 0; a < na; a++) {
            acc[a] = top;
        }
        for (int q = FGT_TERMS - 2; q >= 0; q--) {
            double m = moments[base + q];
            for (int a = 0; a < na; a++) {
                acc[a] = acc[a] * x[a] + m;
            }
        }
        for (int a = 0; a < na; a++) {
            out[active[a]] += Math.exp(-0.5 * x[a] * x[a]) * acc[a];
        }
    }

    /** The continuous density at t summed kernel by kernel, with neither transform nor cut-off (for tests). */
    double exactDensity(double t) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            double z = (t - mu[i]) / sigma[i];
            s += coefficient(mu[i], sigma[i], weight[i]) * Math.exp(-0.5 * z * z);
        }
        return s;
    }

    private double direct(int j, double t) {
        double z = (t - dmu[j]) * dinv[j];
        double z2 = z * z;
        return z2 < CUT_Z2 ? dcoef[j] * Math.exp(-0.5 * z2) : 0;
    }

    private double cellMass(double lo, double hi) {
        double s = 0;
        int to = upperBound(hi + reach);
        for (int j = lowerBound(lo - reach); j < to; j++) {
            s += directMass(j, lo, hi);
        }
        for (int j = nNarrow; j < nDirect; j++) {
            s += directMass(j, lo, hi);
        }
        return s;
    }

    private double directMass(int j, double lo, double hi) {
        double a = (lo - dmu[j]) * dinv[j];
        double b = (hi - dmu[j]) * dinv[j];
        if (a > CUT_Z || b < -CUT_Z) {
            return 0;
        }
        double m = (a < -CUT_Z && b > CUT_Z) ? 1.0 : Gauss.mass(a, b);
        return dcoef[j] * m;
    }

    /** First narrow kernel with centre ≥ x. */
    private int lowerBound(double x) {
        int lo = 0;
        int hi = nNarrow;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dmu[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First narrow kernel with centre &gt; x. */
    private int upperBound(double x) {
        int lo = 0;
        int hi = nNarrow;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (dmu[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
