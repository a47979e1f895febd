package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.Optional;

/**
 * A kind of model that a dataset study tunes: its default search space, its resource (if it
 * trains step by step) and how to train it on one fold. All families are listed in
 * {@link ModelFamilies}.
 */
public interface ModelFamily {

    /** The name used in specs, such as {@code random_forest}. */
    String name();

    /** One line for people. */
    String description();

    /** The default search space, like the classic examples. */
    SearchSpace space();

    /** Values for every parameter of {@link #space()}, used when a configuration leaves one out. */
    Config defaults();

    /**
     * The parameter that counts the resource (trees, epochs), if the family has one. When a
     * configuration holds it, training stops there (never beyond the trial's budget); when the
     * space leaves it out, the trial's budget alone decides, as multi-fidelity methods need.
     */
    Optional<String> resource();

    /** The largest resource per trial when a spec gives no {@code max_resource}; 1 if none. */
    long defaultMaxResource();

    /**
     * Whether training goes step by step, so that each step can be reported (and pruned);
     * otherwise the model is fit at once for the whole resource.
     */
    default boolean incremental() {
        return false;
    }

    /**
     * Steps between reports when a spec does not say: about twenty reports over the largest
     * resource, so that schedulers see a learning curve without a report per tree.
     */
    default long reportEvery(long maxResource) {
        return Math.max(1, maxResource / 20);
    }

    /** Whether it saves and restores its state, so a trial can pause, resume and be cloned. */
    default boolean checkpoints() {
        return false;
    }

    /** Whether it can learn {@code task}. */
    boolean supports(Task task);

    /** Whether it gives class probabilities (needed by log loss and ROC AUC). */
    boolean givesProbabilities();

    /** Whether its features are standardised on each fold's training rows first. */
    boolean standardizes();

    /** A fresh model for {@code fold}; {@code config} holds every parameter (defaults filled in). */
    FoldModel create(Config config, Fold fold, long seed);

    /** A model continued from {@link FoldModel#save()}, for families that checkpoint. */
    default FoldModel restore(byte[] state, Config config, Fold fold) {
        throw new UnsupportedOperationException(name() + " keeps no checkpoints");
    }
}
