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
