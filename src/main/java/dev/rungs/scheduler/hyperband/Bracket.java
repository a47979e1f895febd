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
     * The largest s with {@code r · η^s ≤ R}: Hyperband's {@code s_max = floor(log_η(R / r))},
     * counted in whole numbers so that {@code R / r = η^k} exactly gives k (a floating-point
     * logarithm can land just below it).
     *
     * @throws IllegalArgumentException unless {@code 1 ≤ r ≤ R} and {@code η ≥ 2}
     */
    public static int sMax(long minResource, long maxResource, int eta) {
        check(minResource, maxResource, eta);
        int s = 0;
        // r · η^(s+1) <= R, in integers without overflow.
        long scaled = minResource;
        while (scaled <= maxResource / eta && scaled * eta <= maxResource) {
            scaled *= eta;
            s++;
        }
        return s;
    }

    /**
     * Bracket {@code s} of a Hyperband run with maximum resource {@code R}, reduction factor
     * {@code η} and {@code s_max}: {@code n = ceil((s_max + 1) / (s + 1) · η^s)} configurations
     * at {@code R · η^(−s)}, and in rung i the best {@code floor(n / η^i)} at {@code R · η^(i − s)}.
     * Resources are rounded to whole units and never below 1.
     */
    public static Bracket of(int s, int sMax, long maxResource, int eta) {
        if (s < 0 || s > sMax) {
            throw new IllegalArgumentException("bracket s must be in [0, " + sMax + "], got " + s);
        }
        long etaS = pow(eta, s);
        // ceil((sMax + 1) η^s / (s + 1)) in integers: the paper's n, with no rounding surprises.
        long n = ((sMax + 1) * etaS + s) / (s + 1);
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i <= s; i++) {
            long ni = n / pow(eta, i);
            long ri = Math.max(1, Math.round(maxResource / (double) pow(eta, s - i)));
            rungs.add(new Rung(i, Math.toIntExact(ni), i == s ? maxResource : ri));
        }
        return new Bracket(s, rungs);
    }

    /** Every bracket of one Hyperband iteration, in the order they run: {@code s = s_max … 0}. */
    public static List<Bracket> hyperband(long minResource, long maxResource, int eta) {
        int sMax = sMax(minResource, maxResource, eta);
        List<Bracket> all = new ArrayList<>();
        for (int s = sMax; s >= 0; s--) {
            all.add(of(s, sMax, maxResource, eta));
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
