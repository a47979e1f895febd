package dev.rungs.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Says in plain words what makes a text not JSON. Jackson finds that a spec is broken, but its
 * messages speak of its own features ("enable JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS"), so
 * when it fails this walks the text once more and names the first mistake the way a person
 * who edits a spec by hand thinks of it: a trailing comma, a comment, single quotes, NaN, an
 * unclosed string or bracket, nesting too deep.
 */
final class JsonSyntax {
    /** How deep arrays and objects may nest; a spec needs about six levels. The parser is held to it too. */
    static final int MAX_DEPTH = 100;
    /** The longest number, in characters; the parser is held to it too. */
    static final int MAX_NUMBER_LENGTH = 1000;

    private static final int END = -1;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** The first mistake: where it is (a character offset) and what it is. */
    record Mistake(int offset, String message) {
    }

    /** Thrown inside the walk to stop at the first mistake. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mistake mistake;

        Found(Mistake mistake) {
            super(null, null, false, false);
            this.mistake = mistake;
        }
    }

    private final String text;
    private int pos;
    /** Where the objects and arrays around {@code pos} open, innermost first. */
    private final Deque<Integer> open = new ArrayDeque<>();
    /** Where the last string value starts, and its text: a quote left out pairs strings up wrongly. */
    private int lastStringAt = -1;
    private String lastString = "";

    private JsonSyntax(String text) {
        this.text = text;
    }

    /**
     * Why Jackson could not read {@code text}, in one line ending with the line and column.
     * Falls back to Jackson's location alone if the walk finds nothing wrong.
     */
    static String explain(String text, JsonProcessingException e) {
        Optional<Mistake> m = firstMistake(text);
        if (m.isPresent()) {
            return m.get().message() + " (" + position(text, m.get().offset()) + ")";
        }
        JsonLocation at = e.getLocation();
        return "not valid JSON" + (at == null || at.getLineNr() < 1 ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
    }

    /** The first mistake in {@code text}, or empty if it is one JSON value within the limits. */
    static Optional<Mistake> firstMistake(String text) {
        JsonSyntax walk = new JsonSyntax(text);
        try {
            if (walk.significant() == END) {
                return Optional.empty();
            }
            walk.value(0);
            int c = walk.significant();
            if (c != END) {
                throw walk.syntax(walk.pos, "more after the end of the document, starting with " + describe(c));
            }
            return Optional.empty();
        } catch (Found f) {
            return Optional.of(f.mistake);
        }
    }

    /** "line 3, column 14" for a character offset (both from 1). */
    static String position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }

    private void value(int depth) {
        int c = significant();
        switch (c) {
            case END -> throw open.isEmpty() ? syntax(pos, "the document ends where a value should be")
                    : unclosed(open.peek());
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> {
                lastStringAt = pos;
                lastString = string();
            }
            case '\'' -> throw singleQuotes();
            case '}', ']' -> {
                int before = previousSignificant();
                if (before >= 0 && text.charAt(before) == ',') {
                    throw syntax(before, "a comma before " + (char) c + " (a trailing comma); remove it");
                }
                throw syntax(pos, open.isEmpty() ? "a " + (char) c + " that closes nothing"
                        : "a value is missing before " + (char) c);
            }
            default -> {
                if (!isWordChar(c)) {
                    throw syntax(pos, "unexpected " + describe(c));
                }
                word();
            }
        }
    }

    private void object(int depth) {
        int start = enter(depth);
        Set<String> names = new HashSet<>();
        if (significant() == '}') {
            leave();
            return;
        }
        while (true) {
            int c = significant();
            int nameAt = pos;
            if (c == END) {
                throw unclosed(start);
            } else if (c == '}') {
                throw syntax(previousSignificant(), "a comma before } (a trailing comma); remove it");
            } else if (c == '\'') {
                throw singleQuotes();
            } else if (c != '"') {
                throw syntax(pos, isWordChar(c) ? "field names need double quotes, as in \"" + peekWord() + "\""
                        : "expected a field name in double quotes, got " + describe(c));
            }
            String name = string();
            if (!names.add(name)) {
                throw new Found(new Mistake(nameAt, "Duplicate field \"" + name + "\": a field may appear only once"
                        + " in an object"));
            }
            c = significant();
            if (c != ':') {
                throw c == END ? unclosed(start)
                        : syntax(pos, "expected a colon after the field name \"" + name + "\", got " + describe(c));
            }
            pos++;
            significant();
            int valueAt = pos;
            value(depth);
            c = significant();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                leave();
                return;
            } else {
                throw c == END ? unclosed(start) : afterValue(valueAt, "expected a comma or } after the value of \""
                        + name + "\", got " + describe(c));
            }
        }
    }

    private void array(int depth) {
        int start = enter(depth);
        if (significant() == ']') {
            leave();
            return;
        }
        while (true) {
            significant();
            int valueAt = pos;
            value(depth);
            int c = significant();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                leave();
                return;
            } else {
                throw c == END ? unclosed(start)
                        : afterValue(valueAt, "expected a comma or ] after an element of the array, got " + describe(c));
            }
        }
    }

    /** Steps into the object or array at {@code pos}; returns where it opens. */
    private int enter(int depth) {
        if (depth > MAX_DEPTH) {
            throw syntax(pos, "arrays and objects are nested more than " + MAX_DEPTH + " deep");
        }
        open.push(pos);
        return pos++;
    }

    /** Steps out past the closing bracket at {@code pos}. */
    private void leave() {
        open.pop();
        pos++;
    }

    /**
     * What follows the value at {@code valueAt} is wrong. If that value is a string holding what
     * looks like JSON, a quote was left out earlier and the strings paired up wrongly: say so.
     */
    private Found afterValue(int valueAt, String what) {
        if (lastStringAt == valueAt && lastString.matches(".*[,:{}\\[\\]].*")) {
            return syntax(valueAt, "this string seems to lack its closing \" (it reads \"" + shortened(lastString)
                    + "\")");
        }
        return syntax(pos, what);
    }

    private static String shortened(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }

    /** Reads a string at {@code pos} (on its opening quote) and returns its value. */
    private String string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw syntax(start, "a string that is never closed (its closing \" is missing)");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            } else if (c == '\n' || c == '\r') {
                throw syntax(start, "a string that runs past the end of its line; close it with \", or write a line"
                        + " break as \\n");
            } else if (c < 0x20) {
                throw syntax(pos, describe(c) + " inside a string; write it escaped, as \\t for a tab");
            } else if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Reads an escape at {@code pos} (on its backslash). */
    private char escape() {
        char e = pos + 1 < text.length() ? text.charAt(pos + 1) : ' ';
        int i = "\"\\/bfnrt".indexOf(e);
        if (i >= 0) {
            pos += 2;
            return "\"\\/\b\f\n\r\t".charAt(i);
        }
        if (e == 'u' && pos + 6 <= text.length() && text.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}")) {
            char c = (char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16);
            pos += 6;
            return c;
        }
        if (e == 'u') {
            throw syntax(pos, "\\u must be followed by four hex digits, as in \\u00e9");
        }
        throw syntax(pos, "\\" + e + " is not an escape JSON knows; write a backslash as \\\\ (as in"
                + " \"C:\\\\data\\\\iris.csv\")");
    }

    /** Reads a number or a bare word (true, false, null) at {@code pos}. */
    private void word() {
        int start = pos;
        String w = peekWord();
        pos += w.length();
        if (w.equals("true") || w.equals("false") || w.equals("null")) {
            return;
        }
        if (NUMBER.matcher(w).matches()) {
            if (w.length() > MAX_NUMBER_LENGTH) {
                throw syntax(start, "a number more than " + MAX_NUMBER_LENGTH + " characters long");
            }
            return;
        }
        String unsigned = w.replaceFirst("^[+-]", "");
        if (unsigned.equalsIgnoreCase("nan") || unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
            throw syntax(start, w + " is not a number JSON can hold; write a number, or leave the field out");
        }
        for (String literal : new String[] {"true", "false", "null"}) {
            if (w.equalsIgnoreCase(literal)) {
                throw syntax(start, "JSON writes " + literal + " in lower case, not " + w);
            }
        }
        if (w.equals("None")) {
            throw syntax(start, "JSON writes null, not None");
        }
        if (Character.isDigit(w.charAt(0)) || "+-.".indexOf(w.charAt(0)) >= 0) {
            throw syntax(start, w + " is not a number JSON can read; numbers are written as 3, -0.5 or 1e-4");
        }
        throw syntax(start, w + " is not a JSON value; text needs double quotes, as in \"" + w + "\"");
    }

    private String peekWord() {
        int end = pos;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return text.substring(pos, end);
    }

    private static boolean isWordChar(int c) {
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.' || c == '_');
    }

    /** Skips white space and returns the character at {@code pos}, or END; a comment is a mistake. */
    private int significant() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= text.length()) {
            return END;
        }
        char c = text.charAt(pos);
        if (c == '#' || c == '/' && pos + 1 < text.length() && "/*".indexOf(text.charAt(pos + 1)) >= 0) {
            throw syntax(pos, "a comment, which JSON does not allow; remove it");
        }
        return c;
    }

    /** The offset of the last character before {@code pos} that is not white space, or -1. */
    private int previousSignificant() {
        int i = pos - 1;
        while (i >= 0 && " \t\n\r".indexOf(text.charAt(i)) >= 0) {
            i--;
        }
        return i;
    }

    private Found singleQuotes() {
        return syntax(pos, "text and field names need double quotes (\"), not single quotes");
    }

    private Found unclosed(int open) {
        char c = text.charAt(open);
        return syntax(open, "the " + c + " here is never closed; the document ends before its "
                + (c == '{' ? '}' : ']'));
    }

    private Found syntax(int offset, String what) {
        return new Found(new Mistake(offset, "not valid JSON: " + what));
    }

    private static String describe(int c) {
        if (c == END) {
            return "the end of the document";
        }
        if (c < 0x20 || c == 0x7f) {
            return "a control character (code " + c + ")";
        }
        // Outside ASCII, a look-alike (a non-breaking space, a curly quote) is told by its number.
        return c < 0x80 ? "'" + (char) c + "'" : String.format("'%c' (U+%04X)", (char) c, c);
    }
}
