package dev.rungs.space;

import java.util.Optional;

/**
 * An integer parameter in [low, high], both inclusive, optionally on a log scale or a step grid.
 *
 * <p>On a log scale the draw is made in log space over [low − 0.5, high + 0.5] and rounded, so
 * each integer gets the share of log space that rounds to it (as Optuna does).
 *
 * @param name the parameter's name
 * @param low smallest value (inclusive)
 * @param high largest value (inclusive)
 * @param log sample in log space; requires {@code low >= 1} and step 1
 * @param step spacing of the allowed values from {@code low}; at least 1
 * @param condition when the parameter is active; null when it always is
 */
public record IntParam(String name, long low, long high, boolean log, long step, Condition condition)
        implements Param {

    public IntParam {
        Params.checkName(name);
        if (low > high) {
            throw Params.bad(name, "low (" + low + ") must not be greater than high (" + high + ")");
        }
        if (step < 1) {
            throw Params.bad(name, "step must be at least 1 (got " + step + ")");
        }
        if (log && low < 1) {
            throw Params.bad(name, "a log-scale integer needs low >= 1 (got low=" + low + ")");
        }
        if (log && step != 1) {
            throw Params.bad(name, "a parameter cannot be both log-scale and stepped");
        }
    }

    /** An integer parameter on a linear scale with step 1. */
    public IntParam(String name, long low, long high) {
        this(name, low, high, false, 1, null);
    }

    @Override
    public Optional<Condition> when() {
        return Optional.ofNullable(condition);
    }

    /** Number of allowed values. */
    public long count() {
        return (high - low) / step + 1;
    }

    @Override
    public Object fromUnit(double u) {
        u = Params.clampUnit(u);
        if (log) {
            double lo = Math.log(low - 0.5);
            double hi = Math.log(high + 0.5);
            long v = Math.round(Math.exp(lo + u * (hi - lo)));
            return Math.max(low, Math.min(high, v));
        }
        long n = count();
        long i = Math.min((long) Math.floor(u * n), n - 1);
        return low + i * step;
    }

    @Override
    public double toUnit(Object value) {
        long v = ((Number) value).longValue();
        if (log) {
            double lo = Math.log(low - 0.5);
            double hi = Math.log(high + 0.5);
            return (Math.log(v) - lo) / (hi - lo);
        }
        return ((v - low) / step + 0.5) / count();
    }

    @Override
    public Object normalize(Object value) {
        if (!(value instanceof Number n)) {
            throw Params.bad(name, "expected an integer, got " + Params.describe(value));
        }
        double d = n.doubleValue();
        if (d != Math.rint(d)) {
            throw Params.bad(name, "expected an integer, got " + d);
        }
        long v = (long) d;
        if (v < low || v > high) {
            throw Params.bad(name, v + " is outside [" + low + ", " + high + "]");
        }
        if ((v - low) % step != 0) {
            throw Params.bad(name, v + " is not on the step grid (low " + low + ", step " + step + ")");
        }
        return v;
    }

    @Override
    public IntParam withCondition(Condition c) {
        return new IntParam(name, low, high, log, step, c);
    }
}
