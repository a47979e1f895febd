package dev.rungs.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values on one axis to a 0–1 position, linearly or logarithmically (base 10), and
 * chooses "nice" tick marks for it: steps of 1, 2 or 5 times a power of ten on a linear axis,
 * decades (and 2, 5 within them when few decades are shown) on a log axis.
 *
 * <p>Pure arithmetic, with no JavaFX in it, so the tick rules are tested on their own. Instances
 * are immutable.
 */
public final class Scale {
    /** The steps a linear axis may use, times a power of ten. */
    private static final double[] NICE_STEPS = {1, 2, 5};

    private final double min;
    private final double max;
    private final boolean log;

    private Scale(double min, double max, boolean log) {
        this.min = min;
        this.max = max;
        this.log = log;
    }

    /**
     * A linear scale from {@code min} to {@code max}. An empty range (min = max) is widened so
     * that a single value still sits in the middle of the axis.
     */
    public static Scale linear(double min, double max) {
        check(min, max);
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            return new Scale(min - pad, max + pad, false);
        }
        return new Scale(min, max, false);
    }

    /**
     * A base-10 logarithmic scale from {@code min} to {@code max}, both positive. An empty range
     * is widened by half a decade on each side.
     *
     * @throws IllegalArgumentException when a bound is not positive
     */
    public static Scale log10(double min, double max) {
        check(min, max);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a log scale needs positive bounds, got " + min);
        }
        if (min == max) {
            double f = Math.sqrt(10);
            return new Scale(min / f, max * f, true);
        }
        return new Scale(min, max, true);
    }

    private static void check(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("bad scale range [" + min + ", " + max + "]");
        }
    }

    /** The scale over the same kind of axis with {@code fraction} of the range added on each side. */
    public Scale padded(double fraction) {
        if (log) {
            double span = Math.log10(max) - Math.log10(min);
            double f = Math.pow(10, span * fraction);
            return new Scale(min / f, max * f, true);
        }
        double pad = (max - min) * fraction;
        return new Scale(min - pad, max + pad, false);
    }

    /** The smallest value on the axis. */
    public double min() {
        return min;
    }

    /** The largest value on the axis. */
    public double max() {
        return max;
    }

    /** Whether the axis is logarithmic. */
    public boolean isLog() {
        return log;
    }

    /**
     * Where {@code value} lies between {@code min} (0) and {@code max} (1); outside the range it
     * is below 0 or above 1. On a log axis a non-positive value gives negative infinity.
     */
    public double fraction(double value) {
        if (log) {
            return value > 0 ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : Double.NEGATIVE_INFINITY;
        }
        return (value - min) / (max - min);
    }

    /** The value at a position between {@code min} (0) and {@code max} (1); the inverse of {@link #fraction}. */
    public double valueAt(double fraction) {
        if (log) {
            return Math.pow(10, Math.log10(min) + fraction * (Math.log10(max) - Math.log10(min)));
        }
        return min + fraction * (max - min);
    }

    /** Whether {@code value} can be placed on this axis (a log axis cannot show zero or less). */
    public boolean canShow(double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }

    /** One tick mark: where it is and what it says. */
    public record Tick(double value, String label) {
    }

    /**
     * At most {@code maxCount} (but at least two, where the range allows) nicely spaced ticks
     * inside the range, with labels that show just enough digits to tell them apart.
     */
    public List<Tick> ticks(int maxCount) {
        return log ? logTicks(Math.max(2, maxCount)) : linearTicks(Math.max(2, maxCount), false);
    }

    /**
     * Like {@link #ticks}, but only at whole numbers, for axes such as trial numbers or steps
     * where a tick at 2.5 would mean nothing.
     */
    public List<Tick> integerTicks(int maxCount) {
        return log ? logTicks(Math.max(2, maxCount)) : linearTicks(Math.max(2, maxCount), true);
    }

    // ------------------------------------------------------------------ linear

    /**
     * The nice step for a linear range: the smallest of 1, 2, 5 × 10^k that puts at most
     * {@code maxCount} ticks inside [min, max].
     */
    static double niceStep(double min, double max, int maxCount) {
        double power = Math.pow(10, Math.floor(Math.log10((max - min) / maxCount)));
        for (;; power *= 10) {
            for (double s : NICE_STEPS) {
                double step = s * power;
                if (tickCount(min, max, step) <= maxCount) {
                    return step;
                }
            }
        }
    }

    private static long tickCount(double min, double max, double step) {
        return firstIndex(min, step) > lastIndex(max, step) ? 0 : lastIndex(max, step) - firstIndex(min, step) + 1;
    }

    // The tolerance keeps a bound that is a multiple of the step, up to rounding, on the axis.
    private static long firstIndex(double min, double step) {
        return (long) Math.ceil(min / step - 1e-9);
    }

    private static long lastIndex(double max, double step) {
        return (long) Math.floor(max / step + 1e-9);
    }

    private List<Tick> linearTicks(int maxCount, boolean integers) {
        double step = niceStep(min, max, maxCount);
        if (integers) {
            step = Math.max(1, Math.rint(step));
        }
        List<Tick> out = new ArrayList<>();
        // Ticks are k · step, computed from k rather than by repeated addition so that 0.1 + 0.2
        // rounding never shows as 0.30000000000000004.
        long first = firstIndex(min, step);
        long last = lastIndex(max, step);
        int decimals = decimalsFor(step);
        for (long k = first; k <= last; k++) {
            double v = k * step;
            out.add(new Tick(v, formatTick(v, step, decimals)));
        }
        return out;
    }

    /** Decimal places needed to show multiples of {@code step}: 0 for 5, 1 for 0.5, 2 for 0.25. */
    static int decimalsFor(double step) {
        BigDecimal s = new BigDecimal(step, new MathContext(6)).stripTrailingZeros();
        return Math.max(0, s.scale());
    }

    private static String formatTick(double v, double step, int decimals) {
        if (Math.abs(v) < step * 1e-6) {
            return "0";
        }
        double magnitude = Math.max(Math.abs(v), step);
        if (magnitude >= 1e6 || decimals > 5) {
            return scientific(v, step);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Scientific notation with as many digits as the step needs: 1.5e6, 2e-7. */
    private static String scientific(double v, double step) {
        int exp = (int) Math.floor(Math.log10(Math.abs(v)));
        int stepExp = (int) Math.floor(Math.log10(step) + 1e-9);
        int digits = Math.max(0, Math.min(6, exp - stepExp));
        String mantissa = String.format(Locale.ROOT, "%." + digits + "f", v / Math.pow(10, exp));
        return mantissa + "e" + exp;
    }

    // ------------------------------------------------------------------ log

    private List<Tick> logTicks(int maxCount) {
        double lo = Math.log10(min);
        double hi = Math.log10(max);
        int firstDecade = (int) Math.ceil(lo - 1e-9);
        int lastDecade = (int) Math.floor(hi + 1e-9);
        int decades = lastDecade - firstDecade + 1;
        List<Tick> out = new ArrayList<>();
        if (decades >= 2) {
            // Every decade if they fit, else every second, fifth, … so labels do not collide.
            int every = (int) Math.ceil(decades / (double) maxCount);
            for (int e = firstDecade; e <= lastDecade; e++) {
                if (Math.floorMod(e, every) == 0) {
                    double v = Math.pow(10, e);
                    out.add(new Tick(v, formatPower(e)));
                }
            }
            if (out.size() >= 2) {
                // With room to spare (a span of two or three decades), 2 and 5 fill the gaps.
                return decades * 3 <= maxCount ? withinDecades(firstDecade - 1, lastDecade) : out;
            }
        }
        // Less than two decades: 1, 2, 5 within each decade, or a linear ticking if even that is
        // too sparse (a range such as 3 to 7).
        List<Tick> fine = withinDecades(firstDecade - 1, lastDecade);
        if (fine.size() >= 2 && fine.size() <= maxCount) {
            return fine;
        }
        return new Scale(min, max, false).linearTicks(maxCount, false);
    }

    /** Ticks at 1, 2 and 5 times each power of ten from 10^fromDecade to 10^toDecade, within range. */
    private List<Tick> withinDecades(int fromDecade, int toDecade) {
        List<Tick> out = new ArrayList<>();
        for (int e = fromDecade; e <= toDecade; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, e);
                if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                    out.add(new Tick(v, m == 1 ? formatPower(e) : formatMultiple(m, e)));
                }
            }
        }
        return out;
    }

    /** 10^e as a person reads it: 0.0001, 1, 10000 near one, 1e-5 and 1e5 further out. */
    static String formatPower(int e) {
        return formatMultiple(1, e);
    }

    private static String formatMultiple(int m, int e) {
        if (e >= -4 && e <= 4) {
            return BigDecimal.valueOf(m).scaleByPowerOfTen(e).stripTrailingZeros().toPlainString();
        }
        return m + "e" + e;
    }

    // ------------------------------------------------------------------ values

    /**
     * A data value for a tooltip or a label: up to six significant digits without trailing
     * zeros (0.397887, 12.5, 3), scientific notation for very small or large magnitudes.
     */
    public static String formatValue(double v) {
        return ValueFormat.of(v);
    }

    @Override
    public String toString() {
        return (log ? "log10" : "linear") + "[" + min + ", " + max + "]";
    }
}
