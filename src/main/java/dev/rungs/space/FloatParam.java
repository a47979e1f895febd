package dev.rungs.space;

import java.util.Optional;

/**
 * A real-valued parameter in [low, high], optionally on a log scale or on a grid of steps.
 *
 * @param name the parameter's name
 * @param low smallest value (inclusive)
 * @param high largest value (inclusive); at least {@code low}
 * @param log sample uniformly in log space; requires {@code low > 0} and no step
 * @param step spacing of the allowed values from {@code low}; 0 means continuous
 * @param condition when the parameter is active; null when it always is
 */
public record FloatParam(String name, double low, double high, boolean log, double step, Condition condition)
        implements Param {

    public FloatParam {
        Params.checkName(name);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw Params.bad(name, "bounds must be finite numbers (low=" + low + ", high=" + high + ")");
        }
        if (low > high) {
            throw Params.bad(name, "low (" + low + ") must not be greater than high (" + high + ")");
        }
        if (log && low <= 0) {
            throw Params.bad(name, "a log-scale parameter needs low > 0 (got low=" + low + ")");
        }
        if (step < 0 || !Double.isFinite(step)) {
            throw Params.bad(name, "step must be a positive number (got " + step + ")");
        }
        if (log && step > 0) {
            throw Params.bad(name, "a parameter cannot be both log-scale and stepped");
        }
    }

    /** A continuous parameter on a linear scale. */
    public FloatParam(String name, double low, double high) {
        this(name, low, high, false, 0, null);
    }

    @Override
    public Optional<Condition> when() {
        return Optional.ofNullable(condition);
    }

    /** Number of grid values when stepped, else 0. */
    public long stepCount() {
        return step > 0 ? (long) Math.floor((high - low) / step + 1e-9) + 1 : 0;
    }

    @Override
    public Object fromUnit(double u) {
        u = Params.clampUnit(u);
        if (step > 0) {
            long n = stepCount();
            long i = Math.min((long) Math.floor(u * n), n - 1);
            return Math.min(low + i * step, high);
        }
        if (log) {
            double v = Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
            return Math.max(low, Math.min(high, v));
        }
        return low + u * (high - low);
    }

    @Override
    public double toUnit(Object value) {
        double v = ((Number) value).doubleValue();
        if (high == low) {
            return 0.5;
        }
        if (step > 0) {
            long n = stepCount();
            long i = Math.round((v - low) / step);
            return (i + 0.5) / n;
        }
        if (log) {
            return (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low));
        }
        return (v - low) / (high - low);
    }

    @Override
    public Object normalize(Object value) {
        if (!(value instanceof Number n)) {
            throw Params.bad(name, "expected a number, got " + Params.describe(value));
        }
        double v = n.doubleValue();
        if (!(v >= low && v <= high)) {
            throw Params.bad(name, v + " is outside [" + low + ", " + high + "]");
        }
        return v;
    }

    @Override
    public FloatParam withCondition(Condition c) {
        return new FloatParam(name, low, high, log, step, c);
    }
}
