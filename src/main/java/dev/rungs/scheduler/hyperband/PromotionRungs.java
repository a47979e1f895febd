package dev.rungs.scheduler.hyperband;


import dev.rungs.scheduler.FollowedHistory;
import dev.rungs.scheduler.RankedRung;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.TreeSet;

/**
 * ASHA's promotion-form state, kept up to date one changed trial at a time: for every bracket
 * and every rung below its top, the results recorded at the rung in order and split at the
 * top-{@code ⌊n/η⌋} boundary ({@link RankedRung}), and the paused trials waiting at the rung for
 * a promotion. What a trial contributes is a function of its snapshot alone, so a changed trial
 * takes back what its old snapshot added and adds what the new one does.
 */
final class PromotionRungs implements FollowedHistory.Additive {
    private final int eta;
    private final int firstBracket;
    private final long[][] rungs;
    private final RankedRung[][] recorded;
    private final TreeSet<RankedRung.Entry>[][] waiting;
    private final Direction direction;
    /** Paused trials whose rung is not done yet (the run was stopped), by number. */
    private final TreeSet<Integer> unfinished = new TreeSet<>();
    /** Every paused trial of ours, by number. */
    private final TreeSet<Integer> paused = new TreeSet<>();
    private int active;
    private int ours;

    /**
     * @param rungs the rung resources of each bracket, bracket 0 first
     * @param firstBracket the {@code bracket} attribute of bracket 0 (ASHA's s)
     */
    @SuppressWarnings("unchecked")
    PromotionRungs(long[][] rungs, int eta, int firstBracket, Direction direction) {
        this.eta = eta;
        this.firstBracket = firstBracket;
        this.rungs = rungs;
        this.direction = direction;
        recorded = new RankedRung[rungs.length][];
        waiting = new TreeSet[rungs.length][];
        for (int b = 0; b < rungs.length; b++) {
            recorded[b] = new RankedRung[Math.max(0, rungs[b].length - 1)];
            waiting[b] = new TreeSet[recorded[b].length];
            for (int k = 0; k < recorded[b].length; k++) {
                recorded[b][k] = new RankedRung(n -> n / eta);
                waiting[b][k] = new TreeSet<>();
            }
        }
    }

    /** How many trials of ours there are: the next new trial goes to bracket {@code ours % brackets}. */
    int ours() {
        return ours;
    }

    /** Trials of ours that are running or waiting to run. */
    int active() {
        return active;
    }

    /** The lowest-numbered paused trial whose rung is not done, or -1. */
    int firstUnfinished() {
        return unfinished.isEmpty() ? -1 : unfinished.first();
    }

    /** The lowest-numbered paused trial, or -1. */
    int firstPaused() {
        return paused.isEmpty() ? -1 : paused.first();
    }

    /**
     * The best paused trial of bracket {@code b} at rung {@code k} if it ranks in the rung's top
     * {@code ⌊n/η⌋}, else -1. The best waiting trial is the only one to check: if it is not in
     * the top, no other waiting trial is.
     */
    int promotable(int b, int k) {
        TreeSet<RankedRung.Entry> w = waiting[b][k];
        return !w.isEmpty() && recorded[b][k].inTop(w.first()) ? w.first().trial() : -1;
    }

    /**
     * For a study that can get no more results at rung {@code k}: the best paused trial there if
     * it ranks in the top {@code max(1, ⌊n/η⌋)}, so that the best of a rung with fewer than η
     * results still goes on (as a synchronous bracket closes), else -1.
     */
    int promotableAtClose(int b, int k) {
        TreeSet<RankedRung.Entry> w = waiting[b][k];
        if (w.isEmpty()) {
            return -1;
        }
        RankedRung.Entry best = w.first();
        return recorded[b][k].inTop(best) || best.equals(recorded[b][k].first()) ? best.trial() : -1;
    }

    /** The bracket a trial of ours belongs to, or -1 when it is not one of ours. */
    int bracketOf(Trial t) {
        return RungAttrs.rung(t).isEmpty() ? -1 : RungAttrs.bracketIndex(t, firstBracket, rungs.length);
    }

    Direction direction() {
        return direction;
    }

    @Override
    public void clear() {
        for (int b = 0; b < rungs.length; b++) {
            for (int k = 0; k < recorded[b].length; k++) {
                recorded[b][k] = new RankedRung(n -> n / eta);
                waiting[b][k].clear();
            }
        }
        unfinished.clear();
        paused.clear();
        active = 0;
        ours = 0;
    }

    @Override
    public void apply(Trial t, boolean add) {
        int b = bracketOf(t);
        if (b < 0) {
            return;
        }
        int tk = RungAttrs.rung(t).getAsInt();
        long[] rs = rungs[b];
        TrialState state = t.state();
        ours += add ? 1 : -1;
        if (state == TrialState.RUNNING || state == TrialState.WAITING) {
            active += add ? 1 : -1;
        }
        if (state == TrialState.PAUSED) {
            edit(paused, t.number(), add);
            if (tk >= 0 && tk < rs.length && t.lastStep() < rs[tk]) {
                edit(unfinished, t.number(), add);
            }
        }
        for (int k = 0; k < rs.length - 1; k++) {
            long resource = rs[k];
            boolean isRecorded = tk > k || tk == k && state != TrialState.RUNNING && state != TrialState.WAITING
                    && (RungAttrs.hasResult(t, resource) || state == TrialState.PRUNED);
            if (!isRecorded) {
                continue;
            }
            RankedRung.Entry e = new RankedRung.Entry(RungAttrs.lossAt(t, resource, direction), t.number());
            if (add) {
                recorded[b][k].add(e);
            } else {
                recorded[b][k].remove(e);
            }
            if (tk == k && state == TrialState.PAUSED) {
                edit(waiting[b][k], e, add);
            }
        }
    }

    private static <T> void edit(TreeSet<T> set, T value, boolean add) {
        if (add) {
            set.add(value);
        } else {
            set.remove(value);
        }
    }
}
