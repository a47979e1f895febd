package dev.rungs.objective.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decimal commas, as spreadsheets in much of Europe write numbers ({@code 5,1}), in files
 * separated by semicolons (which is why those files use semicolons). Only semicolon files are
 * considered: in a comma file a decimal comma would have to be quoted, and in a tab file
 * {@code 1,234} is as likely a thousands separator.
 *
 * <p>The rule, per used column of a semicolon file: when at least 90% of its non-missing cells
 * look like numbers (the share {@link ColumnTypes} takes for a numeric column) and some of them
 * hold a comma,
 * <ul>
 * <li>if every number-like cell is digits with at most one comma and no point ({@code 5,1},
 *     {@code -0,25}, {@code 3}, {@code 1,5E-3}), the commas are read as decimal points;
 * <li>otherwise (a point as well as commas in the column, or a cell with thousands separators
 *     such as {@code 1.234,5} or {@code 1,234,567}) the file is refused with a message that says
 *     "decimal comma" and quotes the first such cell: guessing which mark is the decimal one
 *     could silently scale values by a thousand.
 * </ul>
 * A column with fewer number-like cells is text, and is left as it is.
 */
final class DecimalCommas {
    private static final Pattern COMMA_NUMBER = Pattern.compile("[+-]?(\\d+,\\d*|,\\d+)([eE][+-]?\\d+)?");
    /** A number written with thousands separators, either way round: 1.234,5 or 1,234,567.8. */
    private static final Pattern SEPARATED = Pattern.compile("[+-]?\\d{1,3}([.,]\\d{3})+([.,]\\d+)?");

    private DecimalCommas() {
    }

    /** Whether files with this delimiter may hold decimal commas. */
    static boolean applyTo(char delimiter) {
        return delimiter == ';';
    }

    /** A number with a decimal point or a decimal comma. */
    static boolean isNumber(String cell) {
        return DatasetLoader.isNumber(cell) || COMMA_NUMBER.matcher(cell.trim()).matches();
    }

    /**
     * Rewrites the decimal commas of {@code table}'s columns as points, in place, and returns
     * the names of the columns it rewrote; refuses an ambiguous column. Columns in
     * {@code ignored} are left alone.
     */
    static List<String> read(CsvTable table, String where, Set<String> ignored) {
        List<String> rewritten = new ArrayList<>();
        if (!applyTo(table.delimiter())) {
            return rewritten;
        }
        for (int j = 0; j < table.names().size(); j++) {
            String name = table.names().get(j);
            if (!ignored.contains(name) && readColumn(table, where, j)) {
                rewritten.add(name);
            }
        }
        return rewritten;
    }

    /** Whether column {@code j} held decimal commas (now points). */
    private static boolean readColumn(CsvTable table, String where, int j) {
        List<String[]> rows = table.rows();
        int values = 0;
        int numberLike = 0;
        int firstComma = -1;
        int firstPoint = -1;
        int firstSeparated = -1;
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[j].trim();
            if (DatasetLoader.isMissing(v)) {
                continue;
            }
            values++;
            if (COMMA_NUMBER.matcher(v).matches()) {
                numberLike++;
                firstComma = firstComma < 0 ? r : firstComma;
            } else if (DatasetLoader.isNumber(v)) {
                numberLike++;
                firstPoint = firstPoint < 0 && v.indexOf('.') >= 0 ? r : firstPoint;
            } else if (SEPARATED.matcher(v).matches()) {
                numberLike++;
                firstSeparated = firstSeparated < 0 ? r : firstSeparated;
            }
        }
        if ((firstComma < 0 && firstSeparated < 0) || numberLike < ColumnTypes.NUMERIC_SHARE * values) {
            return false;
        }
        String column = table.names().get(j);
        if (firstSeparated >= 0) {
            throw new DatasetException(Quoted.cell(where, table.lines().get(firstSeparated), column) + ": the number "
                    + Quoted.value(rows.get(firstSeparated)[j].trim()) + " has thousands separators; this file is"
                    + " separated by ';', so a comma is taken as a decimal comma: write numbers as 1234,5");
        }
        if (firstPoint >= 0) {
            throw new DatasetException(Quoted.cell(where, table.lines().get(firstPoint), column) + ": the number "
                    + Quoted.value(rows.get(firstPoint)[j].trim()) + " has a decimal point, but line "
                    + table.lines().get(firstComma) + " has a decimal comma ("
                    + Quoted.value(rows.get(firstComma)[j].trim()) + "); write every number of the column one way");
        }
        for (String[] row : rows) {
            String v = row[j].trim();
            if (COMMA_NUMBER.matcher(v).matches()) {
                row[j] = v.replace(',', '.');
            }
        }
        return true;
    }
}
