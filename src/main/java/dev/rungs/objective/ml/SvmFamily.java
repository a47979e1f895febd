package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.Map;
import smile.classification.Classifier;
import smile.classification.OneVersusOne;
import smile.classification.SVM;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.HyperbolicTangentKernel;
import smile.math.kernel.MercerKernel;
import smile.math.kernel.PolynomialKernel;
import smile.regression.Regression;

/**
 * Support vector machine (Smile), on standardised features. Kernels as in scikit-learn:
 * {@code rbf} exp(-gamma |x-y|^2), {@code poly} (gamma x.y)^3, {@code sigmoid} tanh(gamma x.y).
 * More than two classes are learnt one versus one. Gives labels, not probabilities.
 */
public final class SvmFamily extends OneShotFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .logFloatParam("c", 0.1, 100)
            .logFloatParam("gamma", 1e-4, 1)
            .categorical("kernel", "rbf", "poly", "sigmoid")
            .build();
    private static final Config DEFAULTS = new Config(Map.of("c", 1.0, "gamma", 0.1, "kernel", "rbf"));

    @Override
    public String name() {
        return "svm";
    }

    @Override
    public String description() {
        return "Support vector machine (rbf, poly or sigmoid kernel)";
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
        return true;
    }

    @Override
    public boolean givesProbabilities() {
        return false;
    }

    static MercerKernel<double[]> kernel(Config c) {
        double gamma = c.getDouble("gamma");
        String k = c.getString("kernel");
        switch (k) {
            case "rbf":
                return new GaussianKernel(1 / Math.sqrt(2 * gamma));
            case "poly":
                return new PolynomialKernel(3, gamma, 0);
            case "sigmoid":
                return new HyperbolicTangentKernel(gamma, 0);
            default:
                throw new IllegalArgumentException("unknown SVM kernel \"" + k + "\"; known: rbf, poly, sigmoid");
        }
    }

    @Override
    Predictions fitPredict(Config c, Fold fold, long seed) {
        MercerKernel<double[]> kernel = kernel(c);
        double cost = c.getDouble("c");
        MathEx.setSeed(seed);
        double[][] test = fold.xTest();
        if (fold.task() == Task.REGRESSION) {
            Regression<double[]> m = smile.regression.SVM.fit(fold.xTrain(), fold.yTrain(), kernel, 0.1, cost, 1e-3);
            double[] v = new double[test.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = m.predict(test[i]);
            }
            return Predictions.regression(v);
        }
        int[] y = fold.labels();
        Classifier<double[]> m;
        if (fold.classes() == 2) {
            // Smile's binary SVM wants labels -1 and +1.
            int[] pm = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                pm[i] = y[i] == 1 ? 1 : -1;
            }
            SVM<double[]> svm = SVM.fit(fold.xTrain(), pm, kernel, cost, 1e-3);
            int[] labels = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                labels[i] = svm.predict(test[i]) == 1 ? 1 : 0;
            }
            return Predictions.classes(labels, null);
        }
        m = OneVersusOne.fit(fold.xTrain(), y, (xs, ys) -> SVM.fit(xs, ys, kernel, cost, 1e-3));
        int[] labels = new int[test.length];
        for (int i = 0; i < test.length; i++) {
            labels[i] = m.predict(test[i]);
        }
        return Predictions.classes(labels, null);
    }
}
