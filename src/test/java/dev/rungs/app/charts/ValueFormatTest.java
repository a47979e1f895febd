package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueFormatTest {
    @Test
    void valuesAreFormattedWithSixSignificantDigitsAtMost() {
        assertEquals("0.397887", ValueFormat.of(0.39788735772973816));
        assertEquals("0.4123", ValueFormat.of(0.4123));
        assertEquals("12.5", ValueFormat.of(12.5));
        assertEquals("3", ValueFormat.of(3.0));
        assertEquals("-42", ValueFormat.of(-42));
        assertEquals("1.5e-7", ValueFormat.of(1.5e-7));
        assertEquals("2.34568e9", ValueFormat.of(2345678901.0));
        assertEquals("0", ValueFormat.of(0));
    }
}
