package dev.rungs.objective.ml;

/** The kind of values a CSV column holds, inferred from its cells. */
public enum ColumnType {
    /** Every non-missing cell is a finite number. */
    NUMERIC,
    /** Text labels; encoded one-hot as features, or as class labels when it is the target. */
    CATEGORICAL
}
