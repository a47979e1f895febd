package dev.rungs.objective.ml;

import dev.rungs.space.Config;

/** A model being trained on one fold. Made by {@link ModelFamily#create}. */
public interface FoldModel {

    /**
     * Trains until {@code step} units of the family's resource (trees, epochs) are used; a
     * family without a resource trains fully on the first call.
     */
    void trainTo(long step);

    /** Predictions for the fold's test rows. */
    Predictions predict();

    /** The model's state, for families that checkpoint ({@link ModelFamily#checkpoints()}). */
    default byte[] save() {
        throw new UnsupportedOperationException("this model keeps no checkpoint");
    }

    /**
     * Takes new hyperparameters between steps (after a PBT exploit). Families that cannot
     * change them while training ignore this.
     */
    default void reconfigure(Config config) {
    }
}
