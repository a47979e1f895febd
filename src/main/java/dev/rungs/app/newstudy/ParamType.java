package dev.rungs.app.newstudy;

import java.util.Locale;

/** The kinds of parameter the form can define, named as a spec names them. */
public enum ParamType {
    /** A real number in [low, high]. */
    FLOAT,
    /** A whole number in [low, high]. */
    INT,
    /** One of a list of choices. */
    CATEGORICAL;

    /** The word a spec uses: {@code float}, {@code int} or {@code categorical}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the parameter has bounds (low, high, log, step) rather than choices. */
    public boolean isNumeric() {
        return this != CATEGORICAL;
    }

    @Override
    public String toString() {
        return specName();
    }
}
