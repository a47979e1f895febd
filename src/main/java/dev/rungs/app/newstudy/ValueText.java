package dev.rungs.app.newstudy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the form writes numbers and lists of values as text, and reads them back.
 *
 * <p>A list such as the choices of a categorical parameter is written {@code a, b, 3, true}:
 * commas separate the values, whole numbers become {@code Long}, other numbers {@code Double},
 * {@code true} and {@code false} become booleans, anything else a string. A string that would
 * otherwise read as something else (the string {@code "3"}, or one holding a comma) is written
 * in double quotes, with a quote inside doubled. Formatting and parsing are exact inverses, so
 * a spec loaded into the form and saved again keeps the types of its values.
 */
final class ValueText {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Whole numbers beyond this lose precision as a double, so they are not taken as whole. */
    private static final double EXACT_LIMIT = 9.007199254740992E15;

    /** One value of a list as typed: its text and whether it was in quotes. */
    record Token(String text, boolean quoted) {
    }

    private ValueText() {
    }

    /** A number as the form shows it: {@code -5} rather than {@code -5.0}, else Java's shortest form. */
    static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < EXACT_LIMIT) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** A finite number, or null when the text is not one ({@code NaN} and infinities are not). */
    static Double parseNumber(String text) {
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            return null;
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : null;
    }

    /** A whole number ({@code 12}, {@code 1e3}, {@code 4.0}), or null when the text is not one. */
    static Long parseWhole(String text) {
        String t = text.trim();
        if (WHOLE.matcher(t).matches()) {
            BigInteger b = new BigInteger(t);
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        Double d = parseNumber(t);
        if (d == null || d != Math.rint(d) || Math.abs(d) >= EXACT_LIMIT) {
            return null;
        }
        return d.longValue();
    }

    /** One value as it appears in a list. */
    static String formatValue(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Float f) {
            return Double.toString(f.doubleValue());
        }
        if (v instanceof String s) {
            Object reread = s.isEmpty() || !s.equals(s.trim()) ? null : parseValue(new Token(s, false));
            boolean plain = s.equals(reread) && s.indexOf(',') < 0 && s.indexOf('"') < 0;
            return plain ? s : '"' + s.replace("\"", "\"\"") + '"';
        }
        return String.valueOf(v);
    }

    /** Values as a comma-separated list. */
    static String formatList(List<?> values) {
        List<String> parts = new ArrayList<>();
        for (Object v : values) {
            parts.add(formatValue(v));
        }
        return String.join(", ", parts);
    }

    /** The value a token stands for: Long, Double, Boolean or String. */
    static Object parseValue(Token t) {
        if (t.quoted()) {
            return t.text();
        }
        String s = t.text();
        if (s.equals("true") || s.equals("false")) {
            return Boolean.valueOf(s);
        }
        if (WHOLE.matcher(s).matches()) {
            BigInteger b = new BigInteger(s);
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        return s;
    }

    /**
     * Splits a comma-separated list into its tokens; blank text is the empty list.
     *
     * @throws IllegalArgumentException saying what is wrong: an empty value between commas, a
     *     quote left open, or text after a closing quote
     */
    static List<Token> split(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < n && text.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quote is opened but never closed");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            b.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(c);
                    }
                }
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i < n && text.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after the closing quote of \"" + b + "\"");
                }
                tokens.add(new Token(b.toString(), true));
            } else {
                int start = i;
                while (i < n && text.charAt(i) != ',') {
                    i++;
                }
                String raw = text.substring(start, i).trim();
                if (raw.isEmpty()) {
                    throw new IllegalArgumentException("value " + (tokens.size() + 1) + " is empty (two commas in a row?)");
                }
                if (raw.indexOf('"') >= 0) {
                    throw new IllegalArgumentException("a quote inside " + raw + " (put the whole value in quotes)");
                }
                tokens.add(new Token(raw, false));
            }
            if (i >= n) {
                return tokens;
            }
            i++; // the comma
        }
    }
}
