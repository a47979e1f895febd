package dev.rungs.study;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a study's trials, which is all a sampler or scheduler gets to see.
 *
 * <p>The list is indexed by trial number and includes running and waiting trials (so a
 * sampler can avoid proposing what is already being evaluated). Implementations are not
 * thread-safe: the engine hands the view out on its own thread only.
 */
public interface TrialHistory {

    /** All trials, ordered by number (index = number). */
    List<Trial> trials();

    /** Whether smaller or larger values are better. */
    Direction direction();

    /**
     * How many times a trial has been added or replaced so far, for a reader that keeps an index
     * of the history and brings it up to date without looking at every trial
     * ({@code scheduler.FollowedHistory}); -1 when this history does not count its changes.
     */
    default long changeCount() {
        return -1;
    }

    /**
     * The numbers of the trials added or replaced since {@link #changeCount()} was {@code since}
     * (a number may repeat), or null when that is no longer known: too long ago, or not counted.
     */
    default int[] changedSince(long since) {
        return null;
    }

    /** The trials in state COMPLETE. */
    default List<Trial> completed() {
        return trials().stream().filter(Trial::isComplete).toList();
    }

    /** The completed trial with the best value. */
    default Optional<Trial> best() {
        Comparator<Trial> byLoss = Comparator.comparingDouble(t -> t.loss(direction()));
        return trials().stream().filter(Trial::isComplete).min(byLoss);
    }
}
