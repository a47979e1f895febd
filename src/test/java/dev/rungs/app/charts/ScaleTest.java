package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tick rules of {@link Scale}, without a JavaFX toolkit. */
class ScaleTest {

    static List<String> labels(List<Scale.Tick> ticks) {
        return ticks.stream().map(Scale.Tick::label).toList();
    }

    static List<Double> values(List<Scale.Tick> ticks) {
        return ticks.stream().map(Scale.Tick::value).toList();
    }

    @Test
    void linearTicksStepByOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), labels(Scale.linear(0, 10).ticks(6)));
        assertEquals(List.of("0", "5", "10"), labels(Scale.linear(0, 10).ticks(3)));
        assertEquals(List.of("-5", "0", "5", "10"), labels(Scale.linear(-5, 10).ticks(5)));
        assertEquals(List.of("0", "20", "40", "60", "80", "100"), labels(Scale.linear(0, 100).ticks(8)));
    }

    @Test
    void linearTicksStayInsideTheRange() {
        List<Scale.Tick> ticks = Scale.linear(0.37, 3.9).ticks(8);
        assertEquals(List.of("0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5"), labels(ticks));
        for (double v : values(ticks)) {
            assertTrue(v >= 0.37 && v <= 3.9, "tick " + v);
        }
    }

    @Test
    void decimalTicksHaveNoRoundingNoise() {
        assertEquals(List.of("0", "0.1", "0.2", "0.3"), labels(Scale.linear(0, 0.3).ticks(4)));
        assertEquals(List.of(0.0, 0.1, 0.2, 0.30000000000000004), values(Scale.linear(0, 0.3).ticks(4)),
                "values are k × step; only the labels are rounded");
        assertEquals(List.of("-0.02", "0", "0.02"), labels(Scale.linear(-0.025, 0.025).ticks(3)));
    }

    @Test
    void neverMoreTicksThanAskedForButAtLeastTwo() {
        for (int max = 2; max <= 12; max++) {
            for (double hi : new double[] {1, 3.3, 7, 17, 123.4, 999}) {
                int n = Scale.linear(0, hi).ticks(max).size();
                assertTrue(n >= 2 && n <= max, max + " ticks at most over [0, " + hi + "]: got " + n);
            }
        }
        assertTrue(Scale.linear(0, 10).ticks(0).size() >= 2);
    }

    @Test
    void hugeAndTinyValuesUseScientificNotation() {
        assertEquals(List.of("0", "1e6", "2e6", "3e6"), labels(Scale.linear(0, 3e6).ticks(4)));
        assertEquals(List.of("0", "2e-7", "4e-7", "6e-7"), labels(Scale.linear(0, 7e-7).ticks(4)));
    }

    @Test
    void integerTicksNeverFallBetweenWholeNumbers() {
        assertEquals(List.of("0", "1", "2", "3"), labels(Scale.linear(0, 3).integerTicks(10)));
        assertEquals(List.of("0", "2000", "4000", "6000", "8000", "10000"),
                labels(Scale.linear(0, 10_000).integerTicks(6)));
    }

    @Test
    void anEmptyRangeIsWidenedAroundItsValue() {
        Scale s = Scale.linear(4, 4);
        assertTrue(s.min() < 4 && s.max() > 4);
        assertEquals(0.5, s.fraction(4), 1e-12);
        Scale z = Scale.linear(0, 0);
        assertEquals(-1, z.min());
        assertEquals(1, z.max());
    }

    @Test
    void fractionAndValueAtAreInverse() {
        Scale lin = Scale.linear(-5, 10);
        assertEquals(0, lin.fraction(-5));
        assertEquals(1, lin.fraction(10));
        assertEquals(2.5, lin.valueAt(0.5), 1e-12);
        Scale log = Scale.log10(1e-5, 1e-1);
        assertEquals(0.5, log.fraction(1e-3), 1e-12);
        assertEquals(1e-3, log.valueAt(0.5), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, log.fraction(0));
        assertFalse(log.canShow(-1));
        assertTrue(log.canShow(1e-9));
    }

    @Test
    void logTicksAreDecades() {
        assertEquals(List.of("1e-5", "0.0001", "0.001", "0.01", "0.1"), labels(Scale.log10(1e-5, 1e-1).ticks(6)));
        assertEquals(List.of("1", "10", "100", "1000", "10000", "1e5", "1e6"),
                labels(Scale.log10(1, 1e6).ticks(8)));
    }

    @Test
    void manyDecadesAreThinnedToFit() {
        List<Scale.Tick> ticks = Scale.log10(1e-12, 1e12).ticks(6);
        assertTrue(ticks.size() <= 6 && ticks.size() >= 2, labels(ticks).toString());
        assertEquals(List.of("1e-10", "1e-5", "1", "1e5", "1e10"), labels(ticks));
    }

    @Test
    void aFewDecadesWithRoomGetTwoAndFiveToo() {
        assertEquals(List.of("1", "2", "5", "10", "20", "50", "100"), labels(Scale.log10(1, 100).ticks(10)));
        assertEquals(List.of("1", "10", "100"), labels(Scale.log10(1, 100).ticks(4)));
    }

    @Test
    void lessThanADecadeUsesOneTwoFiveOrFallsBackToLinear() {
        assertEquals(List.of("0.2", "0.5", "1"), labels(Scale.log10(0.15, 1.5).ticks(6)));
        List<Scale.Tick> narrow = Scale.log10(3, 7).ticks(5);
        assertEquals(List.of("3", "4", "5", "6", "7"), labels(narrow));
    }

    @Test
    void aLogScaleNeedsPositiveBounds() {
        assertThrows(IllegalArgumentException.class, () -> Scale.log10(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Scale.linear(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Scale.linear(0, Double.NaN));
    }

    @Test
    void paddingWidensBothEnds() {
        Scale p = Scale.linear(0, 10).padded(0.05);
        assertEquals(-0.5, p.min(), 1e-12);
        assertEquals(10.5, p.max(), 1e-12);
        Scale lp = Scale.log10(1, 100).padded(0.5);
        assertEquals(0.1, lp.min(), 1e-12);
        assertEquals(1000, lp.max(), 1e-9);
    }

    @Test
    void valuesAreFormattedWithSixSignificantDigitsAtMost() {
        assertEquals("0.397887", Scale.formatValue(0.39788735772973816));
        assertEquals("0.4123", Scale.formatValue(0.4123));
        assertEquals("12.5", Scale.formatValue(12.5));
        assertEquals("3", Scale.formatValue(3.0));
        assertEquals("-42", Scale.formatValue(-42));
        assertEquals("1.5e-7", Scale.formatValue(1.5e-7));
        assertEquals("2.34568e9", Scale.formatValue(2345678901.0));
        assertEquals("0", Scale.formatValue(0));
    }
}
