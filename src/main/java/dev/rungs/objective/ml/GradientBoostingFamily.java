package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.Map;
import java.util.Optional;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.data.DataFrame;
import smile.math.MathEx;

/**
 * Gradient tree boosting (Smile). Smile fits the whole sequence of trees in one call, so this
 * family is a budget objective: it fits as many trees as the trial may use, reports once, and a
 * promoted trial is fit again with the larger number.
 */
public final class GradientBoostingFamily implements ModelFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .intParam("trees", 50, 300)
            .intParam("max_depth", 3, 15)
            .logFloatParam("learning_rate", 0.001, 0.3)
            .floatParam("subsample", 0.5, 1.0)
            .build();
    private static final Config DEFAULTS = new Config(Map.of("trees", 100L, "max_depth", 3L, "learning_rate", 0.1,
            "subsample", 0.8));

    @Override
    public String name() {
        return "gradient_boosting";
    }

    @Override
    public String description() {
        return "Gradient tree boosting; resource: trees";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<String> resource() {
        return Optional.of("trees");
    }

    @Override
    public long defaultMaxResource() {
        return 300;
    }

    @Override
    public boolean supports(Task task) {
        return true;
    }

    @Override
    public boolean givesProbabilities() {
        return true;
    }

    @Override
    public boolean standardizes() {
        return false;
    }

    @Override
    public FoldModel create(Config c, Fold fold, long seed) {
        return new FoldModel() {
            private Predictions predictions;

            @Override
            public void trainTo(long step) {
                DataFrame train = SmileFrames.frame(fold.xTrain(), fold.yTrain(), fold.task());
                DataFrame test = SmileFrames.testFrame(fold.xTest(), fold.task());
                int depth = c.getInt("max_depth");
                // Smile limits trees by leaves as well as depth; allow every leaf the depth permits.
                int maxNodes = (int) Math.min(fold.xTrain().length, 1L << Math.min(depth, 20));
                int trees = (int) step;
                double shrinkage = c.getDouble("learning_rate");
                double subsample = c.getDouble("subsample");
                // Smile draws the row subsamples from its per-thread generator.
                MathEx.setSeed(seed);
                if (fold.task() == Task.CLASSIFICATION) {
                    GradientTreeBoost m = GradientTreeBoost.fit(SmileFrames.FORMULA, train, trees, depth,
                            Math.max(2, maxNodes), 5, shrinkage, subsample);
                    int n = fold.xTest().length;
                    int[] labels = new int[n];
                    double[][] prob = new double[n][fold.classes()];
                    for (int i = 0; i < n; i++) {
                        labels[i] = m.predict(test.get(i), prob[i]);
                    }
                    predictions = Predictions.classes(labels, prob);
                } else {
                    smile.regression.GradientTreeBoost m = smile.regression.GradientTreeBoost.fit(SmileFrames.FORMULA,
                            train, Loss.ls(), trees, depth, Math.max(2, maxNodes), 5, shrinkage, subsample);
                    double[] v = new double[fold.xTest().length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = m.predict(test.get(i));
                    }
                    predictions = Predictions.regression(v);
                }
            }

            @Override
            public Predictions predict() {
                return predictions;
            }
        };
    }
}
