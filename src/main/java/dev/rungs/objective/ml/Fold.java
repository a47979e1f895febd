package dev.rungs.objective.ml;

/**
 * The rows of one validation split, as a model sees them.
 *
 * @param xTrain training features
 * @param yTrain training targets (class indices or values)
 * @param xTest test features
 * @param yTest test targets, for scoring
 * @param task classification or regression
 * @param classes number of classes (classification), else 0
 */
public record Fold(double[][] xTrain, double[] yTrain, double[][] xTest, double[] yTest, Task task, int classes) {

    /** The fold of {@code split} in {@code data}; features standardised on the training rows if asked. */
    static Fold of(Dataset data, Validation.Split split, boolean standardize) {
        double[][] train = rows(data.x(), split.train());
        double[][] test = rows(data.x(), split.test());
        double[] y = new double[split.train().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = data.y()[split.train()[i]];
        }
        double[] yTest = new double[split.test().length];
        for (int i = 0; i < yTest.length; i++) {
            yTest[i] = data.y()[split.test()[i]];
        }
        if (standardize) {
            // Mean and spread from the training rows only, so that nothing leaks from the test rows.
            int p = data.features();
            for (int j = 0; j < p; j++) {
                double mean = 0;
                for (double[] r : train) {
                    mean += r[j];
                }
                mean /= train.length;
                double var = 0;
                for (double[] r : train) {
                    var += (r[j] - mean) * (r[j] - mean);
                }
                double sd = Math.sqrt(var / train.length);
                double scale = sd > 1e-12 ? sd : 1;
                for (double[] r : train) {
                    r[j] = (r[j] - mean) / scale;
                }
                for (double[] r : test) {
                    r[j] = (r[j] - mean) / scale;
                }
            }
        }
        return new Fold(train, y, test, yTest, data.task(), data.classes().size());
    }

    private static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]].clone();
        }
        return out;
    }

    /** The training targets as class indices. */
    public int[] labels() {
        int[] l = new int[yTrain.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (int) yTrain[i];
        }
        return l;
    }

    /** Number of features. */
    public int features() {
        return xTrain[0].length;
    }
}
