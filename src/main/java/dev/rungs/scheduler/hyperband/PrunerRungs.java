package dev.rungs.scheduler.hyperband;


import dev.rungs.scheduler.FollowedHistory;
import dev.rungs.scheduler.RankedRung;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;

/**
 * ASHA's pruner-form state, kept up to date one changed trial at a time: for every bracket and
 * every rung below its top, the values of the trials that reached the rung, in order and split
 * at the top-{@code max(1, ⌊n/η⌋)} boundary (Optuna's rule).
 */
final class PrunerRungs implements FollowedHistory.Additive {
    private final int eta;
    private final int firstBracket;
    private final long[][] rungs;
    private final RankedRung[][] reached;
    private final Direction direction;

    PrunerRungs(long[][] rungs, int eta, int firstBracket, Direction direction) {
        this.eta = eta;
        this.firstBracket = firstBracket;
        this.rungs = rungs;
        this.direction = direction;
        reached = new RankedRung[rungs.length][];
        clear();
    }

    /** Whether these are the rungs of each bracket this index was built for. */
    boolean hasRungs(long[][] others) {
        return java.util.Arrays.deepEquals(rungs, others);
    }

    /**
     * Whether {@code entry}'s value is in the top {@code max(1, ⌊n/η⌋)} of the {@code n} values at
     * rung {@code k} of bracket {@code b}, its own among them; ties with the boundary stay in.
     */
    boolean inTop(int b, int k, double loss) {
        RankedRung.Entry boundary = reached[b][k].boundary();
        return boundary == null || loss <= boundary.loss();
    }

    /** The bracket a trial is judged in: with one bracket, every trial's. */
    int bracketOf(Trial t) {
        return RungAttrs.bracketIndex(t, firstBracket, rungs.length);
    }

    Direction direction() {
        return direction;
    }

    @Override
    public void clear() {
        for (int b = 0; b < rungs.length; b++) {
            reached[b] = new RankedRung[Math.max(0, rungs[b].length - 1)];
            for (int k = 0; k < reached[b].length; k++) {
                reached[b][k] = new RankedRung(n -> Math.max(1, n / eta));
            }
        }
    }

    @Override
    public void apply(Trial t, boolean add) {
        int b = bracketOf(t);
        if (b < 0) {
            return;
        }
        long[] rs = rungs[b];
        for (int k = 0; k < rs.length - 1 && rs[k] <= t.lastStep(); k++) {
            RankedRung.Entry e = new RankedRung.Entry(RungAttrs.lossAt(t, rs[k], direction), t.number());
            if (add) {
                reached[b][k].add(e);
            } else {
                reached[b][k].remove(e);
            }
        }
    }
}
