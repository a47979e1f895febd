package dev.rungs.objective.ml;

import dev.rungs.objective.StandaloneContext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
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
        StandaloneContext ctx = StandaloneContext.of(family.defaults(), family.defaultMaxResource(), 42);
        double v = o.evaluate(family.defaults(), ctx);
        System.out.printf("%s %s 5-fold %s = %.4f (%.1f s)%n", model, file, metric, v, (System.nanoTime() - t0) / 1e9);
        assertTrue(v >= atLeast, model + " on " + file + ": " + metric + " " + v + " < " + atLeast);
    }

    static Config with(Config c, String key, Object value) {
        Map<String, Object> m = new HashMap<>(c.values());
        m.put(key, value);
        return new Config(m);
    }

    @Test
    void mlpContinuedFromACheckpointHasTheWeightsOfUninterruptedTraining() throws Exception {
        Dataset iris = load("iris.csv");
        Fold fold = Fold.of(iris, Validation.holdout(0.2, 3).splits(iris).get(0), true);
        MlpFamily mlp = new MlpFamily();
        Config c = mlp.defaults();

        MlpFamily.Net straight = (MlpFamily.Net) mlp.create(c, fold, 11);
        straight.trainTo(8);

        MlpFamily.Net first = (MlpFamily.Net) mlp.create(c, fold, 11);
        first.trainTo(3);
        byte[] saved = first.save();
        // Continue on another thread, as a resumed trial may run on another worker.
        AtomicReference<MlpFamily.Net> continued = new AtomicReference<>();
        Thread t = new Thread(() -> {
            MlpFamily.Net n = (MlpFamily.Net) mlp.restore(saved, c, fold);
            n.trainTo(8);
            continued.set(n);
        });
        t.start();
        t.join();

        assertEquals(8, continued.get().epochs());
        assertArrayEquals(straight.weights(), continued.get().weights(), 0.0);
        MlpFamily.Net otherSeed = (MlpFamily.Net) mlp.create(c, fold, 12);
        otherSeed.trainTo(8);
        assertNotEquals(straight.weights()[0], otherSeed.weights()[0], "the seed matters, so the test can tell");
    }

    @Test
    void aPausedMlpTrialResumesToTheSameResultAsAnUninterruptedOne() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new MlpFamily(), Metric.LOG_LOSS, Validation.kfold(3, 5), 1);
        Config c = new MlpFamily().defaults();
        StandaloneContext whole = StandaloneContext.of(c, 6, 42);
        double uninterrupted = o.evaluate(c, whole);

        StandaloneContext paused = StandaloneContext.deciding(c, 6, 42, step -> step == 2 ? Decision.PAUSE : Decision.CONTINUE);
        o.evaluate(c, paused);
        assertArrayEquals(new long[] {1, 2}, paused.reportedSteps());
        // The resumed run draws from a different random stream; the seed must come from the checkpoint.
        StandaloneContext resumed = StandaloneContext.of(c, 6, 999);
        resumed.setCheckpoint(paused.checkpoint().orElseThrow());
        double after = o.evaluate(c, resumed);

        assertArrayEquals(new long[] {3, 4, 5, 6}, resumed.reportedSteps());
        assertEquals(uninterrupted, after, 0.0);
        assertEquals(whole.values().subList(2, 6), resumed.values());
        List<FoldModel> a = o.restoreModels(whole.checkpoint().orElseThrow(), c);
        List<FoldModel> b = o.restoreModels(resumed.checkpoint().orElseThrow(), c);
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(((MlpFamily.Net) a.get(i)).weights(), ((MlpFamily.Net) b.get(i)).weights(), 0.0);
        }
    }

    @Test
    void mlpTakesANewLearningRateAfterAnExploit() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new MlpFamily(), Metric.ACCURACY, Validation.holdout(0.3, 5), 1);
        Config c = new MlpFamily().defaults();
        Config faster = with(c, "learning_rate", 0.1);
        AtomicReference<StandaloneContext> self = new AtomicReference<>();
        StandaloneContext ctx = StandaloneContext.deciding(c, 5, 42, step -> {
            if (step == 2) {
                self.get().setConfig(faster);
                return new Decision.Exploit(7, faster);
            }
            return Decision.CONTINUE;
        });
        self.set(ctx);
        o.evaluate(c, ctx);
        StandaloneContext plain = StandaloneContext.of(c, 5, 42);
        o.evaluate(c, plain);
        assertArrayEquals(new long[] {1, 2, 3, 4, 5}, ctx.reportedSteps());
        assertEquals(plain.values().subList(0, 2), ctx.values().subList(0, 2));
        assertNotEquals(plain.values().get(4), ctx.values().get(4), "epochs 3 to 5 ran with the new learning rate");
    }

    @Test
    void randomForestReportsEveryFewTreesAndReturnsWhenStopped() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new RandomForestFamily(), Metric.ACCURACY,
                Validation.kfold(3, 1), 10);
        Config noTrees = new Config(Map.of("max_depth", 8L, "min_split", 2L, "min_leaf", 1L));
        StandaloneContext stopped = StandaloneContext.deciding(noTrees, 50, 1, step -> step == 20 ? Decision.STOP : Decision.CONTINUE);
        double v = o.evaluate(noTrees, stopped);
        assertArrayEquals(new long[] {10, 20}, stopped.reportedSteps());
        assertEquals(stopped.values().get(1), v);

        StandaloneContext budgetOnly = StandaloneContext.of(noTrees, 25, 1);
        o.evaluate(noTrees, budgetOnly);
        assertArrayEquals(new long[] {10, 20, 25}, budgetOnly.reportedSteps(), "the budget is the last step");

        Config thirty = with(noTrees, "trees", 30L);
        StandaloneContext capped = StandaloneContext.of(thirty, 200, 1);
        o.evaluate(thirty, capped);
        assertArrayEquals(new long[] {10, 20, 30}, capped.reportedSteps(), "the trees parameter is the last step");
    }

    @Test
    void aPausedForestGrowsOnToTheSameForest() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new RandomForestFamily(), Metric.LOG_LOSS,
                Validation.kfold(3, 2), 5);
        Config c = new Config(Map.of("max_depth", 6L, "min_split", 2L, "min_leaf", 1L));
        StandaloneContext whole = StandaloneContext.of(c, 30, 8);
        double uninterrupted = o.evaluate(c, whole);
        StandaloneContext paused = StandaloneContext.deciding(c, 10, 8, step -> step == 10 ? Decision.PAUSE : Decision.CONTINUE);
        o.evaluate(c, paused);
        StandaloneContext resumed = StandaloneContext.of(c, 30, 77);
        resumed.setCheckpoint(paused.checkpoint().orElseThrow());
        double after = o.evaluate(c, resumed);
        assertArrayEquals(new long[] {15, 20, 25, 30}, resumed.reportedSteps());
        assertEquals(whole.values().subList(2, 6), resumed.values());
        assertEquals(uninterrupted, after, 0.0);
    }

    @Test
    void gradientBoostingFitsOnceAndReportsItsTrees() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new GradientBoostingFamily(), Metric.ACCURACY,
                Validation.holdout(0.3, 1), 10);
        Config c = new Config(Map.of("max_depth", 3L, "learning_rate", 0.1, "subsample", 0.8));
        StandaloneContext ctx = StandaloneContext.of(c, 40, 1);
        double v = o.evaluate(c, ctx);
        assertArrayEquals(new long[] {40}, ctx.reportedSteps());
        assertEquals(v, ctx.values().get(0));
    }

    @Test
    void sameSeedSameScore() throws Exception {
        MlObjective o = new MlObjective(load("iris.csv"), new RandomForestFamily(), Metric.LOG_LOSS,
                Validation.kfold(3, 1), 10);
        Config c = with(new RandomForestFamily().defaults(), "trees", 20L);
        assertEquals(o.evaluate(c, StandaloneContext.of(c, 200, 5)), o.evaluate(c, StandaloneContext.of(c, 200, 5)), 0.0);
    }

    @Test
    void regressionFamiliesScoreDiabetes() throws Exception {
        Dataset d = load("diabetes.csv");
        for (ModelFamily f : new ModelFamily[] {new RandomForestFamily(), new GradientBoostingFamily(), new SvmFamily()}) {
            MlObjective o = new MlObjective(d, f, Metric.R2, Validation.kfold(3, 1), 50);
            Config c = f instanceof SvmFamily ? new Config(Map.of("c", 100.0, "gamma", 0.01, "kernel", "rbf"))
                    : f.defaults();
            double r2 = o.evaluate(c, StandaloneContext.of(c, f.defaultMaxResource(), 1));
            System.out.printf("%s diabetes 3-fold r2 = %.4f%n", f.name(), r2);
            assertTrue(r2 > 0.3, f.name() + ": r2 " + r2);
        }
    }

    @Test
    void familiesAndMetricsThatDoNotFitTheTaskAreRejected() {
        Dataset iris = load("iris.csv");
        Dataset diabetes = load("diabetes.csv");
        assertThrows(IllegalArgumentException.class,
                () -> MlObjective.check(iris, new SvmFamily(), Metric.LOG_LOSS), "svm gives no probabilities");
        assertThrows(IllegalArgumentException.class,
                () -> MlObjective.check(iris, new RandomForestFamily(), Metric.ROC_AUC), "three classes");
        assertThrows(IllegalArgumentException.class,
                () -> MlObjective.check(iris, new RandomForestFamily(), Metric.RMSE), "a regression metric");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlObjective.check(diabetes, new KnnFamily(), Metric.RMSE));
        assertTrue(e.getMessage().contains("knn cannot do regression"), e.getMessage());
    }
}
