package dev.rungs.app.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How charts write a data value in tooltips and labels. */
public final class ValueFormat {
    private ValueFormat() {
    }

    /**
     * A data value for a tooltip or a label: up to six significant digits without trailing
     * zeros (0.397887, 12.5, 3), scientific notation for very small or large magnitudes.
     */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e7) {
            // From the shortest decimal that reads back as v (Double.toString), not the exact binary
            // value: as readable, and cheap enough to label every point of a 10,000-trial chart.
            return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        String s = String.format(Locale.ROOT, "%.5e", v);
        // 1.50000e-07 → 1.5e-7
        String mantissa = s.substring(0, s.indexOf('e')).replaceAll("\\.?0+$", "");
        int exp = Integer.parseInt(s.substring(s.indexOf('e') + 1));
        return mantissa + "e" + exp;
    }
}
