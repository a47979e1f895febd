package dev.rungs.scheduler.hyperband;

import java.util.ArrayList;
import java.util.List;

/**
 * One Hyperband bracket: Successive Halving started at a given aggressiveness {@code s}
 * (Li et al., JMLR 2018, Algorithm 1). Rung {@code i} runs {@code n_i} configurations at
 * resource {@code r_i}, and the best {@code n_{i+1}} of them go on to the next rung.
 *
 * @param s the bracket's index: it starts at {@code R · η^(−s)} and has {@code s + 1} rungs
 * @param rungs the rungs from the smallest resource to the largest ({@code R})
 */
public record Bracket(int s, List<Rung> rungs) {

    /**
     * One rung of a bracket.
     *
     * @param index position in the bracket, from 0
     * @param configs how many configurations run at this rung ({@code n_i})
     * @param resource the resource each of them gets in total ({@code r_i})
     */
    public record Rung(int index, int configs, long resource) {
    }

    public Bracket {
        rungs = List.copyOf(rungs);
    }

    /** The rung at the largest resource. */
    public Rung top() {
        return rungs.get(rungs.size() - 1);
    }

    /**
     * The rung resources of every multi-fidelity scheduler: {@code r · η^(s + k)} for every k with
     * {@code r · η^(s + k) < R}, then R itself. This is the one rounding rule of Rungs: the
     * smallest rung is r exactly ("minimum resource 1" means a first rung at 1), every rung
     * below R is a whole number without any rounding, and only the step to R may be smaller than
     * η when R is not r times a power of η (R = 52, r = 1, η = 3 gives 1, 3, 9, 27, 52). It is
     * Optuna's and Ray's ASHA rule; the Hyperband paper's {@code R · η^(i − s)} gives the same
     * rungs whenever R / r is a power of η and otherwise needs rounding (2, 6, 17, 52).
     *
     * @param s how many ladder steps to skip at the bottom (ASHA's minimum early-stopping rate,
     *     or the bracket of a Hyperband run)
     */
    public static long[] ladder(long minResource, long maxResource, int eta, int s) {
        check(minResource, maxResource, eta);
        java.util.List<Long> out = new java.util.ArrayList<>();
        long r = minResource;
        for (int i = 0; i < s && r < maxResource; i++) {
            r = r > maxResource / eta ? maxResource : r * eta;
        }
        while (r < maxResource) {
            out.add(r);
            r = r > maxResource / eta ? maxResource : r * eta;
        }
        out.add(maxResource);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Hyperband's {@code s_max}: the number of rungs of the {@link #ladder} below R, so that the
     * most aggressive bracket starts at r and has a rung on every step of the ladder. It is
     * {@code ceil(log_η(R / r))}, counted in whole numbers; when R / r is a power of η it is
     * the paper's {@code floor(log_η(R / r))}.
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ r ≤ R} and {@code η ≥ 2}
     */
    public static int sMax(long minResource, long maxResource, int eta) {
        return ladder(minResource, maxResource, eta, 0).length - 1;
    }

    /**
     * Bracket {@code s} of a Hyperband run with resources r … R, reduction factor {@code η} and
     * {@code s_max}: {@code n = ceil((s_max + 1) / (s + 1) · η^s)} configurations, and in rung i
     * the best {@code floor(n / η^i)}, at the resources of the {@link #ladder} from step
     * {@code s_max − s} (so the bracket's top rung is R).
     */
    public static Bracket of(int s, int sMax, long minResource, long maxResource, int eta) {
        if (s < 0 || s > sMax) {
            throw new IllegalArgumentException("bracket s must be in [0, " + sMax + "], got " + s);
        }
        long etaS = pow(eta, s);
        // ceil((sMax + 1) η^s / (s + 1)) in integers: the paper's n, with no rounding surprises.
        long n = ((sMax + 1) * etaS + s) / (s + 1);
        long[] resources = ladder(minResource, maxResource, eta, sMax - s);
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            long ni = n / pow(eta, i);
            rungs.add(new Rung(i, Math.toIntExact(ni), resources[i]));
        }
        return new Bracket(s, rungs);
    }

    /** Every bracket of one Hyperband iteration, in the order they run: {@code s = s_max … 0}. */
    public static List<Bracket> hyperband(long minResource, long maxResource, int eta) {
        int sMax = sMax(minResource, maxResource, eta);
        List<Bracket> all = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            all.add(of(s, sMax, minResource, maxResource, eta));
        }
        return all;
    }

    static long pow(int base, int exp) {
        long p = 1;
        for (int i = 0; i < exp; i++) {
            p = Math.multiplyExact(p, base);
        }
        return p;
    }

    static void check(long minResource, long maxResource, int eta) {
        if (minResource < 1 || maxResource < minResource) {
            throw new IllegalArgumentException("resources need 1 <= min_resource <= max_resource, got min "
                    + minResource + ", max " + maxResource);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("reduction_factor must be at least 2, got " + eta);
        }
    }
}
