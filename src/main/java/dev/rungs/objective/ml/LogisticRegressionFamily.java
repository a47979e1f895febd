package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.Map;
import smile.classification.LogisticRegression;

/** L2-regularised logistic regression (Smile), on standardised features; classification only. */
public final class LogisticRegressionFamily extends OneShotFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logFloatParam("lambda", 1e-4, 10)
            .build();
    private static final Config DEFAULTS = new Config(Map.of("lambda", 0.1));

    @Override
    public String name() {
        return "logistic_regression";
    }

    @Override
    public String description() {
        return "Logistic regression with an L2 penalty (classification)";
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
    public boolean supports(Task task) {
        return task == Task.CLASSIFICATION;
    }

    @Override
    public boolean givesProbabilities() {
        return true;
    }

    @Override
    Predictions fitPredict(Config c, Fold fold, long seed) {
        LogisticRegression m = LogisticRegression.fit(fold.xTrain(), fold.labels(), c.getDouble("lambda"), 1e-5, 500);
        double[][] test = fold.xTest();
        int[] labels = new int[test.length];
        double[][] prob = new double[test.length][fold.classes()];
        for (int i = 0; i < test.length; i++) {
            labels[i] = m.predict(test[i], prob[i]);
        }
        return Predictions.classes(labels, prob);
    }
}
