package dev.rungs.objective.ml;

import java.util.List;

/** Infers a column's {@link ColumnType} from its cells. */
final class ColumnTypes {
    /**
     * A column whose non-missing cells are at least this share numbers holds numbers: its few
     * words are typing errors, not categories.
     */
    static final double NUMERIC_SHARE = 0.9;

    private ColumnTypes() {
    }

    /**
     * The type of column {@code j} of {@code table}; {@code strict} (a used column) turns stray
     * text or huge numbers into errors.
     */
    static ColumnType of(CsvTable table, String where, int j, boolean strict) {
        List<String[]> rows = table.rows();
        String name = table.names().get(j);
        int numbers = 0;
        int texts = 0;
        int firstText = -1;
        int values = 0;
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[j];
            if (DatasetLoader.isMissing(v)) {
                continue;
            }
            values++;
            if (DatasetLoader.isNumber(v)) {
                numbers++;
                if (strict && !Double.isFinite(Double.parseDouble(v.trim()))) {
                    throw new DatasetException(Quoted.cell(where, table.lines().get(r), name) + ": the number "
                            + Quoted.value(v.trim()) + " is too large");
                }
            } else {
                texts++;
                if (firstText < 0) {
                    firstText = r;
                }
            }
        }
        if (texts == 0) {
            return ColumnType.NUMERIC;
        }
        if (strict && numbers >= NUMERIC_SHARE * values) {
            throw new DatasetException(Quoted.cell(where, table.lines().get(firstText), name)
                    + ": the text " + Quoted.value(rows.get(firstText)[j].trim()) + " in a column of numbers ("
                    + texts + " such cell" + (texts == 1 ? "" : "s")
                    + "); correct it, or leave it empty to mark it missing");
        }
        return ColumnType.CATEGORICAL;
    }
}
