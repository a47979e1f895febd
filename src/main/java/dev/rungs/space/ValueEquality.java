package dev.rungs.space;

/** Equality of parameter values where 3, 3L and 3.0 are the same value, as they are in JSON. */
final class ValueEquality {
    private ValueEquality() {
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
