package dev.rungs.space;

/** Checks and messages shared by the parameter types. */
final class Params {
    private Params() {
    }

    static IllegalArgumentException bad(String name, String why) {
        return new IllegalArgumentException("parameter '" + name + "': " + why);
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("every parameter needs a non-empty name");
        }
    }

    static double clampUnit(double u) {
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException("unit value is NaN");
        }
        return Math.max(0.0, Math.min(1.0, u));
    }

    static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
