package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.Map;
import smile.classification.KNN;

/**
 * k-nearest neighbours (Smile), Euclidean distance on standardised features; classification
 * only. Class probabilities are the neighbours' vote shares.
 */
public final class KnnFamily extends OneShotFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .intParam("k", 1, 30)
            .build();
    private static final Config DEFAULTS = new Config(Map.of("k", 5L));

    @Override
    public String name() {
        return "knn";
    }

    @Override
    public String description() {
        return "k-nearest neighbours (classification)";
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
        int k = Math.min(c.getInt("k"), fold.xTrain().length);
        KNN<double[]> m = KNN.fit(fold.xTrain(), fold.labels(), k);
        double[][] test = fold.xTest();
        int[] labels = new int[test.length];
        double[][] prob = new double[test.length][fold.classes()];
        for (int i = 0; i < test.length; i++) {
            labels[i] = m.predict(test[i], prob[i]);
        }
        return Predictions.classes(labels, prob);
    }
}
