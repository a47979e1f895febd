package dev.rungs.scheduler;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a scheduler's index of a study's trials up to date without rebuilding it on every call.
 *
 * <p>Trials are immutable snapshots and every change makes a new one, so a trial whose snapshot
 * is the same object as at the last call has not changed: {@link #follow} compares references
 * only and hands each new or changed trial to the index. A history that counts its changes
 * ({@link TrialHistory#changedSince}) says which trials to compare, so a call costs the changes
 * since the last one, not the size of the study; any other history is compared trial by trial. An index kept this way is still a pure
 * function of the trials, as the schedulers' state has always been (a study resumed from disk,
 * or a different history, simply starts the index again from nothing).
 */
public final class FollowedHistory {

    /** An index built from trials, one change at a time. */
    public interface Index {
        /** Forget everything: a different study, or settings that change what is indexed. */
        void clear();

        /**
         * Trial {@code after.number()} is new ({@code before} null) or changed: take back what
         * {@code before} contributed and add what {@code after} does.
         */
        void changed(Trial before, Trial after);
    }

    /** An index to which a trial contributes what it takes back the same way, with the sign turned. */
    public interface Additive extends Index {
        /** Adds what {@code t} contributes, or takes it back when {@code add} is false. */
        void apply(Trial t, boolean add);

        @Override
        default void changed(Trial before, Trial after) {
            if (before != null) {
                apply(before, false);
            }
            apply(after, true);
        }
    }

    private final Index index;
    private TrialHistory followed;
    private Trial[] seen = new Trial[64];
    private int size;
    /** The history's change count when it was last followed; -1 when unknown. */
    private long followedChanges = -1;
    /** Trials indexed from a snapshot the caller handed in ({@link #use}): compared again at the next follow. */
    private final java.util.BitSet used = new java.util.BitSet();

    public FollowedHistory(Index index) {
        this.index = index;
    }

    /** Brings the index up to date with {@code history}. */
    public void follow(TrialHistory history) {
        List<Trial> trials = history.trials();
        if (history != followed || trials.size() < size) {
            clear();
            followed = history;
        }
        int n = trials.size();
        if (n > seen.length) {
            seen = Arrays.copyOf(seen, Math.max(n, seen.length * 2));
        }
        long changes = history.changeCount();
        int[] changed = followedChanges < 0 || changes < 0 ? null : history.changedSince(followedChanges);
        if (changed != null) {
            for (int i : changed) {
                if (i < size && trials.get(i) != seen[i]) {
                    take(i, seen[i], trials.get(i));
                }
            }
        } else {
            for (int i = 0; i < size; i++) {
                Trial t = trials.get(i);
                if (t != seen[i]) {
                    take(i, seen[i], t);
                }
            }
        }
        for (int i = used.nextSetBit(0); i >= 0 && i < size; i = used.nextSetBit(i + 1)) {
            if (trials.get(i) != seen[i]) {
                take(i, seen[i], trials.get(i));
            }
        }
        used.clear();
        for (int i = size; i < n; i++) {
            take(i, null, trials.get(i));
        }
        size = n;
        followedChanges = changes;
    }

    /**
     * Indexes {@code trial} as the current snapshot of its number, for a caller that was handed a
     * newer snapshot than the history holds (a report being judged). The next {@link #follow}
     * brings back the history's own snapshot if it differs.
     */
    public void use(Trial trial) {
        int i = trial.number();
        if (i < size && seen[i] != trial) {
            take(i, seen[i], trial);
            used.set(i);
        }
    }

    /** Forgets the index; the next {@link #follow} rebuilds it. */
    public void clear() {
        Arrays.fill(seen, 0, size, null);
        size = 0;
        followed = null;
        followedChanges = -1;
        used.clear();
        index.clear();
    }

    private void take(int i, Trial before, Trial after) {
        seen[i] = after;
        index.changed(before, after);
    }
}
