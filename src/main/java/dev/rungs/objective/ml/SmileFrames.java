package dev.rungs.objective.ml;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;

/** Smile data frames for the tree models; columns get plain names so no name can confuse a formula. */
final class SmileFrames {
    static final String TARGET = "rungs_target";
    static final Formula FORMULA = Formula.lhs(TARGET);

    private SmileFrames() {
    }

    static DataFrame frame(double[][] x, double[] y, Task task) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "f" + j;
        }
        DataFrame df = DataFrame.of(x, names);
        if (task == Task.CLASSIFICATION) {
            int[] labels = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = (int) y[i];
            }
            return df.merge(IntVector.of(TARGET, labels));
        }
        return df.merge(DoubleVector.of(TARGET, y));
    }

    /** The test rows with a placeholder target, so that they share the training frame's schema. */
    static DataFrame testFrame(double[][] x, Task task) {
        return frame(x, new double[x.length], task);
    }
}
