package dev.rungs.objective.ml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feature matrix of the kept rows: numeric columns as they are, categorical ones one-hot
 * (a feature {@code c=v} per level), missing cells imputed with the column's mean or most
 * frequent value.
 *
 * @param names the encoded features' names
 * @param x one row per kept row
 * @param imputed the missing cells filled in
 */
record Features(List<String> names, double[][] x, int imputed) {

    static Features encode(CsvTable table, List<Dataset.Column> columns, List<Integer> featureColumns,
            boolean[] keep, int kept) {
        List<String> names = new ArrayList<>();
        for (int j : featureColumns) {
            Dataset.Column c = columns.get(j);
            if (c.type() == ColumnType.NUMERIC) {
                names.add(c.name());
            } else {
                for (String level : c.levels()) {
                    names.add(c.name() + "=" + level);
                }
            }
        }
        double[][] x = new double[kept][names.size()];
        int imputed = 0;
        int offset = 0;
        for (int j : featureColumns) {
            Dataset.Column c = columns.get(j);
            List<String> cells = table.column(j);
            if (c.type() == ColumnType.NUMERIC) {
                imputed += numeric(cells, keep, x, offset);
                offset++;
            } else {
                imputed += oneHot(cells, c.levels(), keep, x, offset);
                offset += c.levels().size();
            }
        }
        return new Features(names, x, imputed);
    }

    /** Fills column {@code offset} of {@code x}; returns the cells imputed with the mean. */
    private static int numeric(List<String> cells, boolean[] keep, double[][] x, int offset) {
        double sum = 0;
        int count = 0;
        for (String v : cells) {
            if (!DatasetLoader.isMissing(v)) {
                sum += Double.parseDouble(v.trim());
                count++;
            }
        }
        double mean = sum / count;
        int imputed = 0;
        int k = 0;
        for (int r = 0; r < cells.size(); r++) {
            if (keep[r]) {
                String v = cells.get(r);
                if (DatasetLoader.isMissing(v)) {
                    x[k][offset] = mean;
                    imputed++;
                } else {
                    x[k][offset] = Double.parseDouble(v.trim());
                }
                k++;
            }
        }
        return imputed;
    }

    /** Fills columns {@code offset…} of {@code x}, one per level; returns the cells imputed with the mode. */
    private static int oneHot(List<String> cells, List<String> levels, boolean[] keep, double[][] x, int offset) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String cell : cells) {
            String v = cell.trim();
            if (!DatasetLoader.isMissing(v)) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        String mode = counts.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue()) ? b.getKey().compareTo(a.getKey())
                        : Integer.compare(a.getValue(), b.getValue()))
                .orElseThrow().getKey();
        int imputed = 0;
        int k = 0;
        for (int r = 0; r < cells.size(); r++) {
            if (keep[r]) {
                String v = cells.get(r).trim();
                if (DatasetLoader.isMissing(v)) {
                    v = mode;
                    imputed++;
                }
                x[k][offset + levels.indexOf(v)] = 1;
                k++;
            }
        }
        return imputed;
    }
}
