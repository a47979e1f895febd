package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rungs.app.newstudy.ValueText.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the form writes values as text and reads them back without losing their types. */
class ValueTextTest {

    @Test
    void listsKeepTheTypesOfTheirValues() {
        List<Object> values = List.of(1L, 2.5, true, "rbf", "3", "a, b", "say \"hi\"", " padded", 1.0E-5);
        String text = ValueText.formatList(values);

        assertEquals("1, 2.5, true, rbf, \"3\", \"a, b\", \"say \"\"hi\"\"\", \" padded\", 1.0E-5", text);
        assertEquals(values, parse(text));
    }

    @Test
    void unquotedWordsAreTextAndNumbersAreNumbers() {
        assertEquals(List.of(0L, 1L, -3L, 0.5, "True", "adam"), parse("0, 1, -3, .5, True , adam"));
        assertEquals(List.of(), parse("   "));
    }

    @Test
    void badListsSayWhatIsWrong() {
        assertEquals("value 2 is empty (two commas in a row?)",
                assertThrows(IllegalArgumentException.class, () -> ValueText.split("a,,b")).getMessage());
        assertEquals("a quote is opened but never closed",
                assertThrows(IllegalArgumentException.class, () -> ValueText.split("a, \"b")).getMessage());
        assertEquals("text after the closing quote of \"b\"",
                assertThrows(IllegalArgumentException.class, () -> ValueText.split("\"b\" c")).getMessage());
    }

    @Test
    void numbersAreReadStrictly() {
        assertEquals(-5.0, ValueText.parseNumber(" -5 "));
        assertEquals(1e-3, ValueText.parseNumber("1e-3"));
        assertNull(ValueText.parseNumber("NaN"));
        assertNull(ValueText.parseNumber("Infinity"));
        assertNull(ValueText.parseNumber("5x"));
        assertEquals(1000L, ValueText.parseWhole("1e3"));
        assertEquals(4L, ValueText.parseWhole("4.0"));
        assertNull(ValueText.parseWhole("4.5"));
        assertNull(ValueText.parseWhole("99999999999999999999"));
        assertEquals("-5", ValueText.formatNumber(-5.0));
        assertEquals("0.001", ValueText.formatNumber(0.001));
    }

    private static List<Object> parse(String text) {
        List<Object> values = new ArrayList<>();
        for (Token t : ValueText.split(text)) {
            values.add(ValueText.parseValue(t));
        }
        return values;
    }
}
