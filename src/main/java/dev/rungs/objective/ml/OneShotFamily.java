package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import java.util.Optional;

/** A family without a resource: one fit per fold, no intermediate reports. */
abstract class OneShotFamily implements ModelFamily {

    @Override
    public Optional<String> resource() {
        return Optional.empty();
    }

    @Override
    public long defaultMaxResource() {
        return 1;
    }

    @Override
    public boolean standardizes() {
        return true;
    }

    /** Fits on the fold and predicts its test rows. */
    abstract Predictions fitPredict(Config c, Fold fold, long seed);

    @Override
    public FoldModel create(Config c, Fold fold, long seed) {
        return new FoldModel() {
            private Predictions predictions;

            @Override
            public void trainTo(long step) {
                if (predictions == null) {
                    predictions = fitPredict(c, fold, seed);
                }
            }

            @Override
            public Predictions predict() {
                return predictions;
            }
        };
    }
}
