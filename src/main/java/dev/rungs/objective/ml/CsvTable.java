package dev.rungs.objective.ml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV text split into a header and rows of cells, all rows as wide as the header: detects the
 * delimiter and the header row, and refuses empty names, names given twice and ragged rows.
 *
 * @param delimiter the delimiter found: comma, semicolon or tab
 * @param names the column names (from the header, or column_1, column_2, … without one)
 * @param rows the data rows; {@link DecimalCommas} may rewrite their cells in place
 * @param lines each data row's line number in the file, for messages
 */
record CsvTable(char delimiter, List<String> names, List<String[]> rows, List<Long> lines) {

    /** The cells of column {@code j}, every row, as a view. */
    List<String> column(int j) {
        return new AbstractList<>() {
            @Override
            public String get(int r) {
                return rows.get(r)[j];
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /**
     * Splits {@code text}; {@code header} says whether the first row is a header, {@code null}
     * detects it; {@code progress} is told how far it has got.
     */
    static CsvTable parse(String text, String where, Boolean header, DatasetLoader.ReadProgress progress) {
        char delimiter = delimiter(text);
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord r : parser) {
                String[] cells = r.values();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                rows.add(cells);
                lines.add(parser.getCurrentLineNumber());
                if (rows.size() % DatasetLoader.PROGRESS_EVERY == 0) {
                    progress.rowsRead(rows.size(), Math.min(1, r.getCharacterPosition() / (double) text.length()));
                }
            }
            progress.rowsRead(rows.size(), 1);
        } catch (CancellationException e) {
            // The reader's own stop, not a fault of the file (it is an IllegalStateException too).
            throw e;
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            String msg = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new DatasetException(where + " is not valid CSV: " + plainWords(String.valueOf(msg)), e);
        }
        if (rows.isEmpty()) {
            throw new DatasetException(where + " is empty");
        }
        Predicate<String> number = DecimalCommas.applyTo(delimiter) ? DecimalCommas::isNumber
                : DatasetLoader::isNumber;
        boolean hasHeader = header != null ? header : looksLikeHeader(rows, number);
        String[] names;
        if (hasHeader) {
            names = rows.remove(0);
            lines.remove(0);
            if (rows.isEmpty()) {
                throw new DatasetException(where + " has a header row but no data rows");
            }
        } else {
            names = new String[rows.get(0).length];
            for (int i = 0; i < names.length; i++) {
                names[i] = "column_" + (i + 1);
            }
        }
        checkNames(where, names);
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != names.length) {
                throw new DatasetException(where + " line " + lines.get(r) + " has " + rows.get(r).length
                        + " fields, but the " + (hasHeader ? "header has " : "first row has ") + names.length);
            }
        }
        return new CsvTable(delimiter, List.of(names), rows, lines);
    }

    /**
     * The most frequent of comma, semicolon and tab in the first line; comma if none occurs.
     * Semicolons win when every comma is inside a decimal-comma number ({@code 5,1;3,5;2,2;0,2}
     * has more commas than semicolons).
     */
    private static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (first.indexOf(';') >= 0 && first.indexOf(',') >= 0 && first.indexOf('\t') < 0
                && Arrays.stream(first.split(";")).allMatch(c -> c.indexOf(',') < 0 || DecimalCommas.isNumber(c))) {
            return ';';
        }
        char best = ',';
        long bestCount = first.chars().filter(c -> c == ',').count();
        for (char c : new char[] {';', '\t'}) {
            long n = first.chars().filter(x -> x == c).count();
            if (n > bestCount) {
                best = c;
                bestCount = n;
            }
        }
        return best;
    }

    /**
     * The first row is a header when none of its cells is a number, some are text, and it does
     * not look like data: some column below holds mostly numbers, or none of its cells appears
     * again in its column. (Empty cells are allowed so that a header missing a name is reported
     * as such rather than read as data.)
     */
    private static boolean looksLikeHeader(List<String[]> rows, Predicate<String> isNumber) {
        String[] first = rows.get(0);
        boolean text = false;
        for (String c : first) {
            if (isNumber.test(c)) {
                return false;
            }
            text |= !DatasetLoader.isMissing(c);
        }
        if (!text) {
            return false;
        }
        if (rows.size() == 1) {
            return true;
        }
        boolean repeats = false;
        for (int j = 0; j < first.length; j++) {
            int numbers = 0;
            int cells = 0;
            for (int r = 1; r < rows.size(); r++) {
                if (j < rows.get(r).length) {
                    String v = rows.get(r)[j];
                    cells++;
                    numbers += isNumber.test(v) ? 1 : 0;
                    repeats |= v.equals(first[j]);
                }
            }
            if (cells > 0 && numbers * 2 > cells) {
                return true;
            }
        }
        return !repeats;
    }

    private static void checkNames(String where, String[] names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (names[i].isBlank()) {
                throw new DatasetException(where + ": column " + (i + 1) + " has an empty name in the header");
            }
            Integer before = seen.put(names[i], i + 1);
            if (before != null) {
                throw new DatasetException(where + ": the column name " + Quoted.value(names[i])
                        + " appears twice (columns " + before + " and " + (i + 1) + ")");
            }
        }
    }

    private static final java.util.regex.Pattern UNCLOSED_QUOTE = java.util.regex.Pattern.compile(
            "\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final java.util.regex.Pattern INVALID_CHAR = java.util.regex.Pattern.compile(
            "Invalid character between encapsulated token and delimiter at line: (\\d+)");

    /** commons-csv's messages in a person's words; anything else as it is. */
    static String plainWords(String msg) {
        java.util.regex.Matcher m = UNCLOSED_QUOTE.matcher(msg);
        if (m.find()) {
            return "the quoted cell that starts on line " + m.group(1) + " is never closed (a \" is missing, so the"
                    + " rest of the file would be one cell)";
        }
        m = INVALID_CHAR.matcher(msg);
        if (m.find()) {
            return "on line " + m.group(1) + " a quoted cell is followed by more text before the next delimiter"
                    + " (write a \" inside a quoted cell as \"\")";
        }
        return msg;
    }
}
