package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MlObjectiveTest {
    static Dataset load(String name) {
        return DatasetLoader.load(Path.of("src/test/resources/datasets", name), DatasetLoader.Options.defaults());
    }

    @ParameterizedTest(name = "{0} on {1}, {2}")
    @CsvSource({
            "random_forest, iris.csv, accuracy, 0.93",
            "gradient_boosting, iris.csv, accuracy, 0.90",
            "mlp, iris.csv, accuracy, 0.90",
            "svm, iris.csv, accuracy, 0.90",
            "logistic_regression, iris.csv, accuracy, 0.90",
            "knn, iris.csv, accuracy, 0.90",
            "random_forest, breast_cancer.csv, accuracy, 0.93",
            "gradient_boosting, breast_cancer.csv, accuracy, 0.93",
            "mlp, breast_cancer.csv, accuracy, 0.93",
            "svm, breast_cancer.csv, accuracy, 0.93",
            "logistic_regression, breast_cancer.csv, roc_auc, 0.97",
            "knn, breast_cancer.csv, accuracy, 0.93"})
    void defaultSettingsReachASensibleScore(String model, String file, String metric, double atLeast) throws Exception {
        ModelFamily family = ModelFamilies.byName(model);
        MlObjective o = new MlObjective(load(file), family, Metric.bySpecName(metric), Validation.kfold(5, 1), 10);
        long t0 = System.nanoTime();
        FakeContext ctx = new FakeContext(family.defaults(), family.defaultMaxResource(), 42);
        double v = o.evaluate(family.defaults(), ctx);
        System.out.printf("%s %s 5-fold %s = %.4f (%.1f s)%n", model, file, metric, v, (System.nanoTime() - t0) / 1e9);
        assertTrue(v >= atLeast, model + " on " + file + ": " + metric + " " + v + " < " + atLeast);
    }
}
