package dev.rungs.objective.ml;

import dev.rungs.study.Direction;
import java.util.Arrays;
import java.util.Locale;

/** How test predictions are scored, and whether higher or lower is better. */
public enum Metric {
    /** Share of rows classified correctly. */
    ACCURACY(Task.CLASSIFICATION, Direction.MAXIMIZE, false),
    /** Mean recall over classes, so that every class counts the same. */
    BALANCED_ACCURACY(Task.CLASSIFICATION, Direction.MAXIMIZE, false),
    /** Unweighted mean of the per-class F1 scores. */
    MACRO_F1(Task.CLASSIFICATION, Direction.MAXIMIZE, false),
    /** Mean negative log-likelihood of the true class (probabilities clipped at 1e-15). */
    LOG_LOSS(Task.CLASSIFICATION, Direction.MINIMIZE, true),
    /** Area under the ROC curve of the second class's probability (binary targets only). */
    ROC_AUC(Task.CLASSIFICATION, Direction.MAXIMIZE, true),
    /** Root mean squared error. */
    RMSE(Task.REGRESSION, Direction.MINIMIZE, false),
    /** Mean absolute error. */
    MAE(Task.REGRESSION, Direction.MINIMIZE, false),
    /** Coefficient of determination, 1 - SS_res / SS_tot. */
    R2(Task.REGRESSION, Direction.MAXIMIZE, false);

    private final Task task;
    private final Direction direction;
    private final boolean needsProbabilities;

    Metric(Task task, Direction direction, boolean needsProbabilities) {
        this.task = task;
        this.direction = direction;
        this.needsProbabilities = needsProbabilities;
    }

    /** The task the metric scores. */
    public Task task() {
        return task;
    }

    /** Whether the study maximises or minimises it. */
    public Direction direction() {
        return direction;
    }

    /** Whether it needs class probabilities rather than labels alone. */
    public boolean needsProbabilities() {
        return needsProbabilities;
    }

    /** The name used in specs, such as {@code balanced_accuracy}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric a spec names, or {@code null} for any other text. */
    public static Metric bySpecName(String s) {
        for (Metric m : values()) {
            if (m.specName().equals(s)) {
                return m;
            }
        }
        return null;
    }

    /** The metric used when a spec names none: accuracy for classification, RMSE for regression. */
    public static Metric defaultFor(Task task) {
        return task == Task.CLASSIFICATION ? ACCURACY : RMSE;
    }

    /**
     * Scores predictions against the true targets {@code y} (class indices or values).
     *
     * @param classes the number of classes (classification)
     */
    public double score(double[] y, Predictions p, int classes) {
        int n = y.length;
        switch (this) {
            case ACCURACY: {
                int ok = 0;
                for (int i = 0; i < n; i++) {
                    ok += p.labels()[i] == (int) y[i] ? 1 : 0;
                }
                return (double) ok / n;
            }
            case BALANCED_ACCURACY: {
                int[] hit = new int[classes];
                int[] total = new int[classes];
                for (int i = 0; i < n; i++) {
                    total[(int) y[i]]++;
                    hit[(int) y[i]] += p.labels()[i] == (int) y[i] ? 1 : 0;
                }
                double sum = 0;
                int present = 0;
                for (int c = 0; c < classes; c++) {
                    if (total[c] > 0) {
                        sum += (double) hit[c] / total[c];
                        present++;
                    }
                }
                return sum / present;
            }
            case MACRO_F1: {
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    int tp = 0;
                    int fp = 0;
                    int fn = 0;
                    for (int i = 0; i < n; i++) {
                        boolean truth = (int) y[i] == c;
                        boolean pred = p.labels()[i] == c;
                        tp += truth && pred ? 1 : 0;
                        fp += !truth && pred ? 1 : 0;
                        fn += truth && !pred ? 1 : 0;
                    }
                    sum += tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                }
                return sum / classes;
            }
            case LOG_LOSS: {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double q = Math.min(1 - 1e-15, Math.max(1e-15, p.probabilities()[i][(int) y[i]]));
                    sum -= Math.log(q);
                }
                return sum / n;
            }
            case ROC_AUC:
                return auc(y, p.probabilities());
            case RMSE: {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    double d = y[i] - p.values()[i];
                    sum += d * d;
                }
                return Math.sqrt(sum / n);
            }
            case MAE: {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += Math.abs(y[i] - p.values()[i]);
                }
                return sum / n;
            }
            case R2: {
                double mean = Arrays.stream(y).average().orElse(0);
                double res = 0;
                double tot = 0;
                for (int i = 0; i < n; i++) {
                    res += (y[i] - p.values()[i]) * (y[i] - p.values()[i]);
                    tot += (y[i] - mean) * (y[i] - mean);
                }
                return tot == 0 ? 0 : 1 - res / tot;
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** Mann-Whitney form of the AUC, with ties counted half. */
    private static double auc(double[] y, double[][] prob) {
        int n = y.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(prob[a][1], prob[b][1]));
        double rankSumPos = 0;
        int pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && prob[order[j + 1]][1] == prob[order[i]][1]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if ((int) y[order[k]] == 1) {
                    rankSumPos += rank;
                    pos++;
                }
            }
            i = j + 1;
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return 0.5;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
