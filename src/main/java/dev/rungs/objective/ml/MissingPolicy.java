package dev.rungs.objective.ml;

import java.util.Locale;

/**
 * What happens to missing cells (empty, {@code NA}, {@code N/A}, {@code NaN}, {@code null},
 * {@code None}, {@code ?}). Rows whose target is missing are always dropped, since a target
 * cannot be imputed without inventing labels.
 */
public enum MissingPolicy {
    /**
     * Fill a missing numeric cell with the column's mean and a missing text cell with the
     * column's most frequent value, both taken over the whole file.
     */
    IMPUTE,
    /** Drop every row that has a missing cell. */
    DROP;

    /** The name used in specs: {@code impute} or {@code drop}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The policy a spec names, or {@code null} for any other text. */
    public static MissingPolicy bySpecName(String s) {
        for (MissingPolicy p : values()) {
            if (p.specName().equals(s)) {
                return p;
            }
        }
        return null;
    }
}
