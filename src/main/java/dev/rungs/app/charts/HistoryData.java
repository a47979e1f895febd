package dev.rungs.app.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;

/**
 * What the optimisation history shows of a study, free of any toolkit so that it is computed and
 * tested apart from drawing: the completed trials' values, the pruned trials' last reports, the
 * failed trials, and the best-so-far line.
 *
 * <p>Arrays rather than lists of boxed values: a study may have tens of thousands of trials.
 *
 * @param completeNumbers trial numbers of completed trials with a finite value, increasing
 * @param completeValues their values
 * @param improved for each completed trial, whether it beat every completed trial before it
 * @param prunedNumbers pruned trials that reported a finite value
 * @param prunedValues their last report (or their value, if they reported none)
 * @param failedNumbers failed trials
 * @param lastNumber the largest trial number shown, where the best-so-far line ends
 */
public record HistoryData(int[] completeNumbers, double[] completeValues, boolean[] improved, int[] prunedNumbers,
        double[] prunedValues, int[] failedNumbers, int lastNumber) {

    /** Nothing to show. */
    public static final HistoryData EMPTY = new HistoryData(new int[0], new double[0], new boolean[0], new int[0],
            new double[0], new int[0], 0);

    /**
     * The history of these trials, in any order; {@code direction} decides which values are
     * better. Running and waiting trials are left out.
     */
    public static HistoryData of(List<Trial> trials, Direction direction) {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        int n = sorted.size();
        int[] cn = new int[n];
        double[] cv = new double[n];
        boolean[] up = new boolean[n];
        int[] pn = new int[n];
        double[] pv = new double[n];
        int[] fn = new int[n];
        int c = 0;
        int p = 0;
        int f = 0;
        int last = 0;
        double best = Double.NaN;
        for (Trial t : sorted) {
            if (t.state() == TrialState.COMPLETE && t.value().isPresent() && Double.isFinite(t.value().getAsDouble())) {
                double v = t.value().getAsDouble();
                boolean better = c == 0 || direction.isBetter(v, best);
                if (better) {
                    best = v;
                }
                cn[c] = t.number();
                up[c] = better;
                cv[c++] = v;
                last = Math.max(last, t.number());
            } else if (t.state() == TrialState.PRUNED) {
                double v = prunedValue(t);
                if (Double.isFinite(v)) {
                    pn[p] = t.number();
                    pv[p++] = v;
                    last = Math.max(last, t.number());
                }
            } else if (t.state() == TrialState.FAIL) {
                fn[f++] = t.number();
                last = Math.max(last, t.number());
            }
        }
        return new HistoryData(Arrays.copyOf(cn, c), Arrays.copyOf(cv, c), Arrays.copyOf(up, c), Arrays.copyOf(pn, p),
                Arrays.copyOf(pv, p), Arrays.copyOf(fn, f), last);
    }

    /** Where a pruned trial is drawn: its last report, else its recorded value, else nowhere (NaN). */
    private static double prunedValue(Trial t) {
        if (!t.intermediate().isEmpty()) {
            Double last = t.intermediate().get(t.intermediate().lastKey());
            return last == null ? Double.NaN : last;
        }
        return t.value().isPresent() ? t.value().getAsDouble() : Double.NaN;
    }

    /** The best-so-far line's corners: the completed trials that improved on all before them. */
    public int improvements() {
        int k = 0;
        for (boolean b : improved) {
            k += b ? 1 : 0;
        }
        return k;
    }

    /** Whether anything can be drawn: a value on a linear axis, or a positive one on a log axis. */
    public boolean drawable(boolean log) {
        for (double[] values : List.of(completeValues, prunedValues)) {
            for (double v : values) {
                if (!log || v > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
