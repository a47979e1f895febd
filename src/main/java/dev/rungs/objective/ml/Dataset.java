package dev.rungs.objective.ml;

import java.util.List;

/**
 * A table ready for learning: numeric features (categorical columns encoded one-hot) and a
 * target. Rows are in file order, after the missing-value policy was applied.
 *
 * @param name a short name (the file name)
 * @param columns the file's columns as read, target included
 * @param target the target column's name
 * @param task classification or regression
 * @param featureNames the names of the encoded features; a categorical column {@code c} with
 *        level {@code v} becomes the feature {@code c=v}
 * @param x the features, one row per sample
 * @param y the target: the class index into {@code classes} for classification, the value for
 *        regression
 * @param classes the class labels in index order (empty for regression)
 * @param rowsDropped rows left out because of missing cells
 * @param cellsImputed missing feature cells that were filled in
 * @param notes what the reader decided on its own that a person should know, one line each,
 *        such as "left out: id (looks like an identifier: 569 distinct values in 569 rows)";
 *        the CLI prints them and the New study form shows them
 */
public record Dataset(String name, List<Column> columns, String target, Task task, List<String> featureNames,
        double[][] x, double[] y, List<String> classes, int rowsDropped, int cellsImputed, List<String> notes) {

    public Dataset {
        columns = List.copyOf(columns);
        featureNames = List.copyOf(featureNames);
        classes = List.copyOf(classes);
        notes = List.copyOf(notes);
    }

    /** Number of rows. */
    public int rows() {
        return x.length;
    }

    /** Number of encoded features. */
    public int features() {
        return featureNames.size();
    }

    /** The class indices (classification only). */
    public int[] labels() {
        int[] l = new int[y.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (int) y[i];
        }
        return l;
    }

    /** Rows per class, in class index order (classification only). */
    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (double v : y) {
            counts[(int) v]++;
        }
        return counts;
    }

    /**
     * One column of the file.
     *
     * @param name its header name
     * @param type numeric or categorical
     * @param missing how many of its cells were missing
     * @param levels the distinct text values of a categorical column, sorted (empty if numeric)
     */
    public record Column(String name, ColumnType type, int missing, List<String> levels) {
        public Column {
            levels = List.copyOf(levels);
        }
    }
}
