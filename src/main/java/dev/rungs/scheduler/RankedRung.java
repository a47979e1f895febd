package dev.rungs.scheduler;

import java.util.TreeSet;
import java.util.function.IntUnaryOperator;

/**
 * Results recorded at one rung (or one step), kept in order and split at the top-k boundary as they come
 * in, so that "is this result among the top k" is a look at the boundary instead of a sort of the
 * rung. {@code top} holds the best {@code topSize(n)} of the {@code n} results, {@code rest} the
 * others; every entry of {@code top} ranks before every entry of {@code rest}.
 */
public final class RankedRung {

    /** One trial's result at the rung, as a loss; ties go to the lower trial number. */
    public record Entry(double loss, int trial) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Double.compare(loss, o.loss);
            return c != 0 ? c : Integer.compare(trial, o.trial);
        }
    }

    private final TreeSet<Entry> top = new TreeSet<>();
    private final TreeSet<Entry> rest = new TreeSet<>();
    private final IntUnaryOperator topSize;

    /** @param topSize how many of n results count as the top (ASHA: n / η; a median: (n + 1) / 2) */
    public RankedRung(IntUnaryOperator topSize) {
        this.topSize = topSize;
    }

    public void add(Entry e) {
        if (!top.isEmpty() && e.compareTo(top.last()) < 0) {
            top.add(e);
        } else {
            rest.add(e);
        }
        rebalance();
    }

    public void remove(Entry e) {
        if (!top.remove(e)) {
            rest.remove(e);
        }
        rebalance();
    }

    public int size() {
        return top.size() + rest.size();
    }

    /** The last entry of the top, or null when the top is empty. */
    public Entry boundary() {
        return top.isEmpty() ? null : top.last();
    }

    /** Whether {@code e} ranks within the top (at or before its boundary). */
    public boolean inTop(Entry e) {
        return !top.isEmpty() && e.compareTo(top.last()) <= 0;
    }

    /** The best entry, or null when there is none. */
    public Entry first() {
        return !top.isEmpty() ? top.first() : rest.isEmpty() ? null : rest.first();
    }

    /** The first entry after the top, or null when every entry is in it. */
    public Entry afterBoundary() {
        return rest.isEmpty() ? null : rest.first();
    }

    private void rebalance() {
        int want = Math.min(size(), topSize.applyAsInt(size()));
        while (top.size() > want) {
            rest.add(top.pollLast());
        }
        while (top.size() < want) {
            top.add(rest.pollFirst());
        }
    }
}
