package dev.rungs.objective.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a configuration is scored: one holdout split or k-fold cross-validation, stratified by
 * class for classification, shuffled with a seed so that every trial of a study sees the same
 * splits.
 *
 * @param kind holdout or k-fold
 * @param folds number of folds (k-fold only)
 * @param testFraction share of rows held out (holdout only)
 * @param seed the shuffling seed
 */
public record Validation(Kind kind, int folds, double testFraction, long seed) {

    /** The two ways of splitting. */
    public enum Kind {
        /** One train/test split. */
        HOLDOUT,
        /** k train/test splits; every row is tested once. */
        KFOLD
    }

    /**
     * One train/test split.
     *
     * @param train row indices to train on
     * @param test row indices to score on
     */
    public record Split(int[] train, int[] test) {
    }

    public Validation {
        if (kind == Kind.KFOLD && (folds < 2 || folds > 100)) {
            throw new IllegalArgumentException("folds must be between 2 and 100, got " + folds);
        }
        if (kind == Kind.HOLDOUT && !(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test_fraction must be between 0 and 1 (exclusive), got " + testFraction);
        }
    }

    /** Stratified k-fold cross-validation. */
    public static Validation kfold(int folds, long seed) {
        return new Validation(Kind.KFOLD, folds, 0, seed);
    }

    /** One holdout split. */
    public static Validation holdout(double testFraction, long seed) {
        return new Validation(Kind.HOLDOUT, 0, testFraction, seed);
    }

    /** The splits of {@code data}; throws {@link DatasetException} if it is too small for them. */
    public List<Split> splits(Dataset data) {
        int n = data.rows();
        SplittableRandom rng = new SplittableRandom(seed);
        // Stratify: deal each class's shuffled rows round the folds, so every fold has each class
        // in proportion. Regression is one stratum.
        List<int[]> strata = new ArrayList<>();
        if (data.task() == Task.CLASSIFICATION) {
            int[] counts = data.classCounts();
            for (int c = 0; c < counts.length; c++) {
                int need = kind == Kind.KFOLD ? folds : 2;
                if (counts[c] < need) {
                    throw new DatasetException(data.name() + ": class '" + data.classes().get(c) + "' has " + counts[c]
                            + (counts[c] == 1 ? " row" : " rows") + (kind == Kind.KFOLD
                                    ? ", fewer than the " + folds + " folds of stratified cross-validation; use fewer folds"
                                    : "; a holdout split needs at least 2 rows of every class"));
                }
                int[] rows = new int[counts[c]];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if ((int) data.y()[i] == c) {
                        rows[k++] = i;
                    }
                }
                strata.add(rows);
            }
        } else {
            int need = kind == Kind.KFOLD ? folds : 2;
            if (n < need) {
                throw new DatasetException(data.name() + " has " + n + " rows, fewer than the " + need
                        + (kind == Kind.KFOLD ? " folds of cross-validation" : " a holdout split needs"));
            }
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            strata.add(all);
        }
        int parts = kind == Kind.KFOLD ? folds : 1;
        List<List<Integer>> tests = new ArrayList<>();
        for (int f = 0; f < parts; f++) {
            tests.add(new ArrayList<>());
        }
        int deal = 0;
        for (int[] stratum : strata) {
            int[] rows = stratum.clone();
            shuffle(rows, rng);
            if (kind == Kind.KFOLD) {
                for (int r : rows) {
                    tests.get(deal++ % folds).add(r);
                }
            } else {
                int t = (int) Math.round(rows.length * testFraction);
                t = Math.max(1, Math.min(rows.length - 1, t));
                for (int i = 0; i < t; i++) {
                    tests.get(0).add(rows[i]);
                }
            }
        }
        List<Split> splits = new ArrayList<>();
        for (List<Integer> testRows : tests) {
            boolean[] inTest = new boolean[n];
            testRows.forEach(r -> inTest[r] = true);
            int[] test = testRows.stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] train = new int[n - test.length];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (!inTest[i]) {
                    train[k++] = i;
                }
            }
            splits.add(new Split(train, test));
        }
        return splits;
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    @Override
    public String toString() {
        return kind == Kind.KFOLD ? folds + "-fold cross-validation" : "holdout (test fraction " + testFraction + ")";
    }
}
