package dev.rungs.objective.ml;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Feature columns that name rows rather than describe them, and so are left out (with a note)
 * instead of being learnt from:
 * <ul>
 * <li>text with more than {@link #MAX_LEVELS} distinct values, more than one for every two
 *     rows: one-hot encoded, it would be a column per row that nothing can be learnt from
 *     (customer names, order numbers with letters, free text);
 * <li>whole numbers that count the rows, 0 to n-1 or 1 to n in file order with none missing,
 *     under a name such as {@code id}, {@code index}, {@code row}, {@code No}, {@code order_id}
 *     or {@code PassengerId} (not {@code paid} or {@code valid}). Both conditions are needed: a measured
 *     quantity is practically never exactly the row number, and a column named "id" that does
 *     not count the rows (a code, say) may carry information, so it stays.
 * </ul>
 * The target is never left out.
 */
final class Identifiers {
    /** Text columns with at most this many distinct values are categories, whatever the rows. */
    static final int MAX_LEVELS = 50;

    private static final Pattern ID_NAME = Pattern.compile(
            "(?i:#|id|idx|index|row|rowid|row_?num(ber)?|no|nr)|.*[_ .-](?i:id|idx|index)|.*[a-z](Id|ID)");

    private Identifiers() {
    }

    /**
     * Why a column looks like an identifier, as "looks like an identifier: …", or null.
     *
     * @param cells the column's cells, every data row in file order
     */
    static String why(String name, ColumnType type, List<String> cells) {
        if (type == ColumnType.CATEGORICAL) {
            Set<String> distinct = new HashSet<>();
            for (String c : cells) {
                if (!DatasetLoader.isMissing(c)) {
                    distinct.add(c.trim());
                }
            }
            int levels = distinct.size();
            return levels > MAX_LEVELS && levels * 2 > cells.size()
                    ? "looks like an identifier: " + levels + " distinct values in " + cells.size() + " rows"
                    : null;
        }
        if (!ID_NAME.matcher(name.trim()).matches() || cells.size() < 2
                || cells.stream().anyMatch(DatasetLoader::isMissing)) {
            return null;
        }
        long start = wholeNumber(cells.get(0));
        if (start != 0 && start != 1) {
            return null;
        }
        for (int r = 1; r < cells.size(); r++) {
            if (wholeNumber(cells.get(r)) != start + r) {
                return null;
            }
        }
        return "looks like an identifier: it numbers the rows " + start + " to " + (start + cells.size() - 1);
    }

    /** The cell's value when it is a whole number, else -1 (row numbers are never negative). */
    private static long wholeNumber(String cell) {
        double d = Double.parseDouble(cell.trim());
        return d == Math.rint(d) && d >= 0 && d < 1e15 ? (long) d : -1;
    }
}
