package dev.rungs.sampler.tpe;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The trials TPE learns from, split into good ("below") and bad ("above") ones, with every
 * parameter's model coordinate per trial. Built afresh for each call, so the sampler itself
 * keeps no state.
 *
 * <p>Which trials count, following Optuna's {@code _split_trials}:
 * <ul>
 *   <li>COMPLETE trials with a value, ranked by loss ({@link Direction#toLoss}); a NaN value
 *       ranks last among them.</li>
 *   <li>PRUNED trials rank after every complete one: those with intermediate values by their
 *       last step (later is better), then by the loss of the value at that step (NaN last);
 *       those without any report after all others. A PAUSED trial (stopped at a rung, maybe
 *       resumed later) is ranked the same way, since it is as good as pruned for now.</li>
 *   <li>RUNNING trials, with the constant liar only, are always bad and do not count in the n
 *       that sets the split size or ends the startup phase.</li>
 *   <li>FAIL and WAITING trials are ignored (WAITING, as in Optuna, even with the liar).</li>
 * </ul>
 * The best gamma(n) ranked trials are good, the rest bad; ties keep trial order. Both sets
 * stay in trial order, which is what the recency weights refer to.
 */
final class Observations {
    /** The trials used, in trial order. */
    final List<Trial> trials;
    /** Whether each used trial is in the good set. */
    final boolean[] below;
    /** Whether each used trial is a running trial counted as bad by the constant liar. */
    final boolean[] lie;
    /** Number of finished observations (complete or pruned), which drives gamma and startup. */
    final int n;
    /** Model coordinates by parameter then used trial; NaN where the parameter is inactive. */
    final double[][] coords;

    private Observations(List<Trial> trials, boolean[] below, boolean[] lie, int n, double[][] coords) {
        this.trials = trials;
        this.below = below;
        this.lie = lie;
        this.n = n;
        this.coords = coords;
    }

    static Observations collect(TrialHistory history, Dim[] dims, TpeSettings settings) {
        Direction dir = history.direction();
        List<Trial> all = history.trials();
        List<Trial> used = new ArrayList<>(all.size());
        int size0 = all.size();
        byte[] cat = new byte[size0];
        double[] key1 = new double[size0];
        double[] key2 = new double[size0];
        boolean[] lie = new boolean[size0];
        int n = 0;
        for (Trial t : all) {
            int i = used.size();
            switch (t.state()) {
                case COMPLETE -> {
                    if (t.value().isEmpty()) {
                        continue;
                    }
                    cat[i] = 0;
                    key1[i] = lossOrWorst(dir, t.value().getAsDouble());
                }
                case PRUNED, PAUSED -> {
                    SortedMap<Long, Double> iv = t.intermediate();
                    if (iv.isEmpty()) {
                        cat[i] = 2;
                    } else {
                        Long last = iv.lastKey();
                        cat[i] = 1;
                        key1[i] = -(double) last;
                        key2[i] = lossOrWorst(dir, iv.get(last));
                    }
                }
                case RUNNING -> {
                    if (!settings.constantLiar()) {
                        continue;
                    }
                    lie[i] = true;
                }
                default -> {
                    continue;
                }
            }
            used.add(t);
            if (!lie[i]) {
                n++;
            }
        }
        int size = used.size();
        boolean[] below = new boolean[size];
        int nBelow = Math.max(0, Math.min(n, settings.gamma().applyAsInt(n)));
        for (int i : best(cat, key1, key2, lie, size, nBelow)) {
            below[i] = true;
        }
        return new Observations(used, below, Arrays.copyOf(lie, size), n, coordinates(used, dims));
    }

    private static double lossOrWorst(Direction dir, double v) {
        double loss = dir.toLoss(v);
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }

    /** Positions of the {@code count} best-ranked non-lie observations. */
    private static int[] best(byte[] cat, double[] key1, double[] key2, boolean[] lie, int size, int count) {
        int[] buf = new int[count];
        if (count == 0) {
            return buf;
        }
        if (count > 64) {
            // Only with a custom gamma: a full sort is simpler than a large insertion buffer.
            Integer[] all = new Integer[size];
            int m = 0;
            for (int i = 0; i < size; i++) {
                if (!lie[i]) {
                    all[m++] = i;
                }
            }
            Integer[] cand = Arrays.copyOf(all, m);
            Arrays.sort(cand, (a, b) -> compare(cat, key1, key2, a, b));
            for (int i = 0; i < count; i++) {
                buf[i] = cand[i];
            }
            return buf;
        }
        // Bounded insertion: late in a study nearly every trial is rejected by one comparison
        // with the current worst of the best, so this is linear in the number of trials.
        int filled = 0;
        for (int i = 0; i < size; i++) {
            if (lie[i]) {
                continue;
            }
            if (filled == count && compare(cat, key1, key2, i, buf[count - 1]) >= 0) {
                continue;
            }
            int j = filled == count ? count - 1 : filled++;
            while (j > 0 && compare(cat, key1, key2, i, buf[j - 1]) < 0) {
                buf[j] = buf[j - 1];
                j--;
            }
            buf[j] = i;
        }
        return buf;
    }

    private static int compare(byte[] cat, double[] key1, double[] key2, int a, int b) {
        if (cat[a] != cat[b]) {
            return Byte.compare(cat[a], cat[b]);
        }
        int c = Double.compare(key1[a], key1[b]);
        if (c != 0) {
            return c;
        }
        c = Double.compare(key2[a], key2[b]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    private static double[][] coordinates(List<Trial> used, Dim[] dims) {
        int d = dims.length;
        int size = used.size();
        double[][] coords = new double[d][size];
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = dims[j].param.name();
        }
        // This runs over every trial for every proposal and is bound by memory latency (each
        // value sits behind a chain of references), so the lookups are made for a block of
        // trials at a time: the processor can then overlap the independent cache misses.
        final int block = 16;
        List<Map<String, Object>> maps = new ArrayList<>(block);
        Object[] raw = new Object[block * d];
        for (int i0 = 0; i0 < size; i0 += block) {
            int m = Math.min(block, size - i0);
            maps.clear();
            for (int q = 0; q < m; q++) {
                maps.add(used.get(i0 + q).config().values());
            }
            for (int j = 0; j < d; j++) {
                String name = names[j];
                for (int q = 0; q < m; q++) {
                    raw[j * block + q] = maps.get(q).get(name);
                }
            }
            for (int j = 0; j < d; j++) {
                double[] cj = coords[j];
                Dim dim = dims[j];
                for (int q = 0; q < m; q++) {
                    Object v = raw[j * block + q];
                    cj[i0 + q] = v == null ? Double.NaN : dim.encode(v);
                }
            }
        }
        return coords;
    }

    /**
     * Positions and coordinates of the used trials in one set (good or bad) that have every
     * listed parameter active, in trial order.
     *
     * @return the coordinates by listed parameter then selected trial; the row count is
     *     {@code params.length}, the length of each row the number selected
     */
    double[][] select(boolean good, int[] params) {
        int size = trials.size();
        if (params.length == 1) { // the univariate case, once per parameter per proposal
            double[] col = coords[params[0]];
            int m = 0;
            for (int i = 0; i < size; i++) {
                if (below[i] == good && !Double.isNaN(col[i])) {
                    m++;
                }
            }
            double[] out = new double[m];
            int q = 0;
            for (int i = 0; i < size; i++) {
                if (below[i] == good && !Double.isNaN(col[i])) {
                    out[q++] = col[i];
                }
            }
            return new double[][] {out};
        }
        int m = 0;
        for (int i = 0; i < size; i++) {
            if (below[i] == good && allActive(params, i)) {
                m++;
            }
        }
        double[][] out = new double[params.length][m];
        int q = 0;
        for (int i = 0; i < size; i++) {
            if (below[i] == good && allActive(params, i)) {
                for (int r = 0; r < params.length; r++) {
                    out[r][q] = coords[params[r]][i];
                }
                q++;
            }
        }
        return out;
    }

    private boolean allActive(int[] params, int i) {
        for (int j : params) {
            if (Double.isNaN(coords[j][i])) {
                return false;
            }
        }
        return true;
    }

    /** Selected trials of one set having every listed parameter, in trial order (for display). */
    List<Trial> selectTrials(boolean good, int[] params) {
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            if (below[i] == good && allActive(params, i)) {
                out.add(trials.get(i));
            }
        }
        return out;
    }
}
