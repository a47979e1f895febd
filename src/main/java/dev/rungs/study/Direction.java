package dev.rungs.study;

/** Whether a study looks for the smallest or the largest objective value. */
public enum Direction {
    MINIMIZE,
    MAXIMIZE;

    /** Whether {@code a} is strictly better than {@code b}. */
    public boolean isBetter(double a, double b) {
        return this == MINIMIZE ? a < b : a > b;
    }

    /**
     * The value turned into a loss (smaller is better), so that code written for minimisation
     * serves both directions.
     */
    public double toLoss(double value) {
        return this == MINIMIZE ? value : -value;
    }
}
