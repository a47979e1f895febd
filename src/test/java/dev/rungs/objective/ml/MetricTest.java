package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rungs.study.Direction;
import org.junit.jupiter.api.Test;

class MetricTest {
    // Truth 0 0 1 1 2 2; predicted 0 1 1 1 2 0.
    static final double[] Y = {0, 0, 1, 1, 2, 2};
    static final Predictions P = Predictions.classes(new int[] {0, 1, 1, 1, 2, 0}, null);

    @Test
    void accuracyCountsHits() {
        assertEquals(4.0 / 6, Metric.ACCURACY.score(Y, P, 3), 1e-12);
    }

    @Test
    void balancedAccuracyAveragesRecallPerClass() {
        assertEquals((0.5 + 1 + 0.5) / 3, Metric.BALANCED_ACCURACY.score(Y, P, 3), 1e-12);
        // Imbalanced: always predicting the majority is 0.9 accurate but only 0.5 balanced.
        double[] y = new double[10];
        y[9] = 1;
        Predictions majority = Predictions.classes(new int[10], null);
        assertEquals(0.9, Metric.ACCURACY.score(y, majority, 2), 1e-12);
        assertEquals(0.5, Metric.BALANCED_ACCURACY.score(y, majority, 2), 1e-12);
    }

    @Test
    void macroF1AveragesF1PerClass() {
        // class 0: tp 1 fp 1 fn 1 -> 0.5; class 1: tp 2 fp 1 fn 0 -> 0.8; class 2: tp 1 fp 0 fn 1 -> 2/3
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, Metric.MACRO_F1.score(Y, P, 3), 1e-12);
    }

    @Test
    void logLossIsTheMeanNegativeLogProbabilityOfTheTruth() {
        double[] y = {0, 1};
        Predictions p = Predictions.classes(new int[] {0, 1}, new double[][] {{0.8, 0.2}, {0.4, 0.6}});
        assertEquals(-(Math.log(0.8) + Math.log(0.6)) / 2, Metric.LOG_LOSS.score(y, p, 2), 1e-12);
    }

    @Test
    void rocAucRanksPositivesAboveNegativesWithTiesHalf() {
        double[] y = {0, 0, 1, 1};
        Predictions perfect = Predictions.classes(new int[4], new double[][] {{.9, .1}, {.8, .2}, {.3, .7}, {.1, .9}});
        assertEquals(1.0, Metric.ROC_AUC.score(y, perfect, 2), 1e-12);
        // positives 0.5 and 0.2 against negatives 0.5 and 0.1: 0.5 (tie) + 1 + 0 + 1 = 2.5 of 4
        Predictions mixed = Predictions.classes(new int[4], new double[][] {{.5, .5}, {.9, .1}, {.5, .5}, {.8, .2}});
        assertEquals(2.5 / 4, Metric.ROC_AUC.score(y, mixed, 2), 1e-12);
    }

    @Test
    void regressionErrors() {
        double[] y = {1, 2, 3, 4};
        Predictions p = Predictions.regression(new double[] {1, 3, 3, 2});
        assertEquals(Math.sqrt((0 + 1 + 0 + 4) / 4.0), Metric.RMSE.score(y, p, 0), 1e-12);
        assertEquals((0 + 1 + 0 + 2) / 4.0, Metric.MAE.score(y, p, 0), 1e-12);
        assertEquals(1 - 5 / 5.0, Metric.R2.score(y, p, 0), 1e-12, "SS_tot of 1..4 is 5");
    }

    @Test
    void directionsAndNames() {
        assertEquals(Direction.MAXIMIZE, Metric.ACCURACY.direction());
        assertEquals(Direction.MINIMIZE, Metric.LOG_LOSS.direction());
        assertEquals(Direction.MINIMIZE, Metric.RMSE.direction());
        assertEquals(Direction.MAXIMIZE, Metric.R2.direction());
        assertEquals(Metric.BALANCED_ACCURACY, Metric.bySpecName("balanced_accuracy"));
    }
}
