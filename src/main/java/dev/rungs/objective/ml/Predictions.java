package dev.rungs.objective.ml;

/**
 * A model's predictions for the test rows of one split.
 *
 * @param labels predicted class indices (classification), else {@code null}
 * @param probabilities class probabilities per row (classification by a model that gives them),
 *        else {@code null}
 * @param values predicted numbers (regression), else {@code null}
 */
public record Predictions(int[] labels, double[][] probabilities, double[] values) {

    /** Class predictions, with probabilities if the model gives them ({@code null} if not). */
    public static Predictions classes(int[] labels, double[][] probabilities) {
        return new Predictions(labels, probabilities, null);
    }

    /** Regression predictions. */
    public static Predictions regression(double[] values) {
        return new Predictions(null, null, values);
    }
}
