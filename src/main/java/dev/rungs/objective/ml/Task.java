package dev.rungs.objective.ml;

import java.util.Locale;

/** What is learnt from a dataset: class labels or a number. */
public enum Task {
    /** Predict one of a few class labels. */
    CLASSIFICATION,
    /** Predict a real number. */
    REGRESSION;

    /** The name used in specs: {@code classification} or {@code regression}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The task a spec names, or {@code null} for any other text. */
    public static Task bySpecName(String s) {
        for (Task t : values()) {
            if (t.specName().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
