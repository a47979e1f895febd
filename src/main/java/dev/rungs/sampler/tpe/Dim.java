package dev.rungs.sampler.tpe;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;

/**
 * How one parameter is modelled: the coordinate the kernels live in and, for discrete
 * parameters, the cell that each allowed value owns.
 *
 * <p>Numeric parameters are modelled in the parameter's unit coordinate ({@link Param#toUnit}),
 * in which the modelled range is always [0, 1]: linear floats map affinely, log-scale floats
 * map their logarithm (so they are modelled in log space), and grid parameters (integers,
 * stepped floats) put value i at the centre of cell [i/m, (i+1)/m], which is Optuna's range
 * widened by half a step on each side. Log-scale integers map ln v over
 * [ln(low − ½), ln(high + ½)], again as Optuna does, and value k owns the cell
 * [u(k − ½), u(k + ½)]. Working in [0, 1] makes every bandwidth rule read "range = 1" and keeps
 * densities of modest size whatever the parameter's units. Categoricals use the choice index.
 */
final class Dim {

    /** The four kinds of kernel. */
    enum Kind {
        /** Linear or log-scale float without a step: truncated normal kernels. */
        CONTINUOUS,
        /** Integer or stepped float on a linear scale: discretised kernels on equal cells. */
        GRID,
        /** Log-scale integer: discretised kernels on the log-spaced cells of the integers. */
        LOG_INT,
        /** Choice index with smoothed-count kernels. */
        CATEGORICAL
    }

    final Param param;
    final Kind kind;
    /** Grid: number of allowed values; categorical: number of choices; else 0. */
    final double cells;
    private final double lnLow;
    private final double lnSpan;

    private Dim(Param param, Kind kind, double cells, double lnLow, double lnSpan) {
        this.param = param;
        this.kind = kind;
        this.cells = cells;
        this.lnLow = lnLow;
        this.lnSpan = lnSpan;
    }

    static Dim of(Param p) {
        if (p instanceof CategoricalParam c) {
            return new Dim(p, Kind.CATEGORICAL, c.choices().size(), 0, 0);
        }
        if (p instanceof IntParam ip) {
            if (ip.log()) {
                double lo = Math.log(ip.low() - 0.5);
                return new Dim(p, Kind.LOG_INT, 0, lo, Math.log(ip.high() + 0.5) - lo);
            }
            return new Dim(p, Kind.GRID, ip.count(), 0, 0);
        }
        FloatParam fp = (FloatParam) p;
        if (fp.step() > 0) {
            return new Dim(p, Kind.GRID, fp.stepCount(), 0, 0);
        }
        return new Dim(p, Kind.CONTINUOUS, 0, 0, 0);
    }

    boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    boolean isDiscrete() {
        return kind == Kind.GRID || kind == Kind.LOG_INT;
    }

    /**
     * The model coordinate of a stored value: unit coordinate for numeric parameters (clamped
     * into [0, 1] so that a value from an older, wider space cannot break the kernels), choice
     * index for categoricals. NaN when the value does not fit at all; the trial then counts as
     * not having the parameter.
     */
    double encode(Object value) {
        if (kind == Kind.CATEGORICAL) {
            int i = ((CategoricalParam) param).indexOf(value);
            return i < 0 ? Double.NaN : i;
        }
        if (!(value instanceof Number num) || !Double.isFinite(num.doubleValue())) {
            return Double.NaN;
        }
        if (kind == Kind.LOG_INT) {
            long k = Math.round(num.doubleValue());
            IntParam ip = (IntParam) param;
            k = Math.max(ip.low(), Math.min(ip.high(), k));
            return logIntUnit(k);
        }
        double u = param.toUnit(num);
        if (!(u >= 0)) {
            u = 0;
        }
        return Math.min(u, 1);
    }

    /** The parameter value at a model coordinate (already snapped for discrete kinds). */
    Object decode(double t) {
        if (kind == Kind.CATEGORICAL) {
            return ((CategoricalParam) param).choices().get((int) t);
        }
        return param.fromUnit(t);
    }

    /**
     * Moves a continuous draw in [0, 1] onto the coordinate of the discrete value it falls to;
     * identity for continuous parameters. Grid values sit at cell centres; a log-scale integer
     * sits at u(k), where its observations' kernels are centred.
     */
    double snap(double t) {
        switch (kind) {
            case GRID: {
                double i = Math.min(Math.floor(t * cells), cells - 1);
                return (i + 0.5) / cells;
            }
            case LOG_INT:
                return logIntUnit(((Number) param.fromUnit(t)).longValue());
            default:
                return t;
        }
    }

    /** Lower edge of the cell of a snapped discrete coordinate. */
    double cellLow(double t) {
        if (kind == Kind.GRID) {
            return Math.max(0, t - 0.5 / cells);
        }
        long k = logIntOf(t);
        return k <= ((IntParam) param).low() ? 0 : logUnit(k - 0.5);
    }

    /** Upper edge of the cell of a snapped discrete coordinate. */
    double cellHigh(double t) {
        if (kind == Kind.GRID) {
            return Math.min(1, t + 0.5 / cells);
        }
        long k = logIntOf(t);
        return k >= ((IntParam) param).high() ? 1 : logUnit(k + 0.5);
    }

    private long logIntOf(double t) {
        return Math.round(Math.exp(lnLow + t * lnSpan));
    }

    private double logIntUnit(long k) {
        return logUnit(k);
    }

    private double logUnit(double y) {
        return (Math.log(y) - lnLow) / lnSpan;
    }

    /**
     * For {@link TpeExplanation}: the model coordinate that a value x on the parameter's own
     * scale falls to (discrete kinds snap to the nearest allowed value), or NaN outside the
     * modelled range.
     */
    double coordinateOfValue(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        switch (kind) {
            case CATEGORICAL: {
                double i = Math.rint(x);
                return i >= 0 && i < cells ? i : Double.NaN;
            }
            case GRID: {
                double low;
                double step;
                if (param instanceof IntParam ip) {
                    low = ip.low();
                    step = ip.step();
                } else {
                    FloatParam fp = (FloatParam) param;
                    low = fp.low();
                    step = fp.step();
                }
                if (!(x >= low - step / 2 && x <= low + (cells - 0.5) * step)) {
                    return Double.NaN;
                }
                double i = Math.max(0, Math.min(cells - 1, Math.rint((x - low) / step)));
                return (i + 0.5) / cells;
            }
            case LOG_INT: {
                IntParam ip = (IntParam) param;
                if (!(x >= ip.low() - 0.5 && x <= ip.high() + 0.5)) {
                    return Double.NaN;
                }
                long k = Math.max(ip.low(), Math.min(ip.high(), Math.round(x)));
                return logIntUnit(k);
            }
            default: {
                FloatParam fp = (FloatParam) param;
                if (!(x >= fp.low() && x <= fp.high())) {
                    return Double.NaN;
                }
                return fp.toUnit(x);
            }
        }
    }

    /**
     * For {@link TpeExplanation}: dt/dx, the factor that turns a density per unit coordinate
     * into a density per unit of the parameter's value (continuous kinds only).
     */
    double jacobian(double x) {
        FloatParam fp = (FloatParam) param;
        if (fp.high() == fp.low()) {
            return 1;
        }
        if (fp.log()) {
            return 1 / (x * (Math.log(fp.high()) - Math.log(fp.low())));
        }
        return 1 / (fp.high() - fp.low());
    }
}
