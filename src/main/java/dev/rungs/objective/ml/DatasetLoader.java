package dev.rungs.objective.ml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV file into a {@link Dataset}: detects the delimiter and the header row
 * ({@link CsvText}, {@link CsvTable}), reads decimal commas in semicolon files
 * ({@link DecimalCommas}), infers column types ({@link ColumnTypes}), leaves out columns that
 * look like identifiers ({@link Identifiers}), picks the target and the task, applies the
 * missing-value policy and encodes categorical features one-hot ({@link Features}). What it
 * decided on its own is in {@link Dataset#notes()}. Everything that makes a file unusable ends
 * in a {@link DatasetException} whose message names the file and, where there is one, the line
 * and the column, and quotes at most a short prefix of a cell ({@link Quoted}).
 *
 * <pre>{@code
 * Dataset iris = DatasetLoader.load(Path.of("iris.csv"), DatasetLoader.Options.defaults().withTarget("species"));
 * }</pre>
 */
public final class DatasetLoader {
    /** Cell texts read as missing (compared without case). */
    public static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?");
    /** A numeric target with at most this many distinct whole values is taken as class labels. */
    static final int MAX_NUMERIC_CLASSES = 20;

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private DatasetLoader() {
    }

    /**
     * How to read a file.
     *
     * @param target the target column's name; {@code null} takes the last column
     * @param task the task; {@code null} detects it from the target
     * @param missing what to do with missing cells
     * @param header whether the first row is a header; {@code null} detects it
     * @param ignore columns to leave out
     * @param maxBytes the largest file accepted; parsed rows take several times the file's size
     */
    public record Options(String target, Task task, MissingPolicy missing, Boolean header, List<String> ignore,
            long maxBytes) {
        public Options {
            ignore = List.copyOf(ignore);
        }

        /**
         * Last column as target, task detected, impute, header detected, nothing ignored, and a
         * memory limit of a tenth of the JVM's heap (a parsed row takes several times its text).
         */
        public static Options defaults() {
            return new Options(null, null, MissingPolicy.IMPUTE, null, List.of(), Runtime.getRuntime().maxMemory() / 10);
        }

        public Options withTarget(String t) {
            return new Options(t, task, missing, header, ignore, maxBytes);
        }

        public Options withTask(Task t) {
            return new Options(target, t, missing, header, ignore, maxBytes);
        }

        public Options withMissing(MissingPolicy m) {
            return new Options(target, task, m, header, ignore, maxBytes);
        }

        public Options withHeader(Boolean h) {
            return new Options(target, task, missing, h, ignore, maxBytes);
        }

        public Options withIgnore(List<String> i) {
            return new Options(target, task, missing, header, i, maxBytes);
        }

        public Options withMaxBytes(long m) {
            return new Options(target, task, missing, header, ignore, m);
        }
    }

    /**
     * A dataset and the first rows of its file as the file has them (text, every column, in
     * file order), so a person can see what was read.
     *
     * @param dataset the dataset, as {@link #load} reads it
     * @param firstRows the first data rows (after the header), one cell per column of
     *        {@link Dataset#columns()}
     */
    public record Loaded(Dataset dataset, List<List<String>> firstRows) {
        public Loaded {
            List<List<String>> copy = new ArrayList<>();
            firstRows.forEach(r -> copy.add(List.copyOf(r)));
            firstRows = List.copyOf(copy);
        }
    }

    /** Reads {@code file}; throws {@link DatasetException} if it cannot be used. */
    public static Dataset load(Path file, Options o) {
        return loadWithFirstRows(file, o, 0).dataset();
    }

    /**
     * Told how far the reading of a file has got, now and then while its rows are split (every
     * {@link #PROGRESS_EVERY} rows, and once at the end). To stop the read, it throws a
     * {@link java.util.concurrent.CancellationException}, which the reader lets through.
     */
    @FunctionalInterface
    public interface ReadProgress {
        /** Nobody is told. */
        ReadProgress NONE = (rows, fraction) -> { };

        /**
         * @param rows the rows read so far (a header row included)
         * @param fraction the share of the file's text read, in [0, 1]
         */
        void rowsRead(long rows, double fraction);
    }

    /** How many rows are read between two reports of {@link ReadProgress}. */
    public static final int PROGRESS_EVERY = 1000;

    /**
     * Reads {@code file} as {@link #load} does and also keeps its first {@code count} data rows
     * as text; the file is read once for both.
     */
    public static Loaded loadWithFirstRows(Path file, Options o, int count) {
        return loadWithFirstRows(file, o, count, ReadProgress.NONE);
    }

    /**
     * {@link #loadWithFirstRows(Path, Options, int)}, telling {@code progress} how far it has got;
     * a {@link java.util.concurrent.CancellationException} from {@code progress} ends the read.
     */
    public static Loaded loadWithFirstRows(Path file, Options o, int count, ReadProgress progress) {
        String text = CsvText.read(file, o.maxBytes());
        String where = file.getFileName().toString();
        CsvTable table = CsvTable.parse(text, where, o.header(), progress);
        // As the file has them: before decimal commas are rewritten.
        List<List<String>> first = new ArrayList<>();
        for (String[] r : table.rows().subList(0, Math.min(count, table.rows().size()))) {
            first.add(List.of(r));
        }
        return new Loaded(build(where, table, o), first);
    }

    static boolean isMissing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.trim()).matches();
    }

    private static Dataset build(String where, CsvTable table, Options o) {
        List<String> all = table.names();
        for (String ig : o.ignore()) {
            if (!all.contains(ig)) {
                throw new DatasetException("column to ignore " + Quoted.value(ig) + " is not in " + where
                        + "; columns: " + Quoted.names(all));
            }
        }
        String target = o.target() != null ? o.target() : all.get(all.size() - 1);
        int t = all.indexOf(target);
        if (t < 0) {
            throw new DatasetException("target column " + Quoted.value(target) + " is not in " + where
                    + "; columns: " + Quoted.names(all));
        }
        if (o.ignore().contains(target)) {
            throw new DatasetException("the target column " + Quoted.value(target) + " is also listed to be ignored");
        }
        List<String> notes = new ArrayList<>();
        List<String> commas = DecimalCommas.read(table, where, Set.copyOf(o.ignore()));
        if (!commas.isEmpty()) {
            notes.add("decimal commas read as numbers in " + Quoted.names(commas));
        }
        List<String[]> rows = table.rows();
        int n = rows.size();
        int width = all.size();
        boolean[] used = new boolean[width];
        ColumnType[] types = new ColumnType[width];
        List<String> identifiers = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            used[j] = !o.ignore().contains(all.get(j));
            types[j] = ColumnTypes.of(table, where, j, used[j]);
            String why = used[j] && j != t ? Identifiers.why(all.get(j), types[j], table.column(j)) : null;
            if (why != null) {
                used[j] = false;
                identifiers.add(all.get(j));
                notes.add("left out: " + Quoted.shortened(all.get(j)) + " (" + why + ")");
            }
        }
        // Missing cells: the target's rows always go; features follow the policy.
        boolean[] keep = new boolean[n];
        int dropped = 0;
        for (int r = 0; r < n; r++) {
            boolean ok = !isMissing(rows.get(r)[t]);
            if (ok && o.missing() == MissingPolicy.DROP) {
                for (int j = 0; j < width && ok; j++) {
                    ok = !used[j] || !isMissing(rows.get(r)[j]);
                }
            }
            keep[r] = ok;
            dropped += ok ? 0 : 1;
        }
        if (dropped == n) {
            throw new DatasetException(o.missing() == MissingPolicy.DROP
                    ? where + ": no rows are left, every row has a missing cell (missing: drop); try missing: impute"
                    : where + ": the target column " + Quoted.value(target) + " has no values");
        }
        List<Dataset.Column> columns = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            int missing = 0;
            TreeSet<String> levels = new TreeSet<>();
            for (int r = 0; r < n; r++) {
                String v = rows.get(r)[j].trim();
                if (isMissing(v)) {
                    missing++;
                } else if (types[j] == ColumnType.CATEGORICAL && keep[r]) {
                    levels.add(v);
                }
            }
            columns.add(new Dataset.Column(all.get(j), types[j], missing, List.copyOf(levels)));
        }
        int kept = n - dropped;
        Task task = task(where, target, types[t], rows, keep, t, o.task(), kept);
        List<String> classes = new ArrayList<>();
        double[] y = target(where, target, table.column(t), types[t], task, keep, kept, classes);

        List<Integer> featureColumns = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (j == t || !used[j]) {
                continue;
            }
            if (columns.get(j).missing() == n) {
                throw new DatasetException(where + ": column " + Quoted.value(all.get(j)) + " has no values (all "
                        + n + " cells are missing); leave it out with ignore");
            }
            featureColumns.add(j);
        }
        if (featureColumns.isEmpty()) {
            throw new DatasetException(where + " has no feature columns besides the target " + Quoted.value(target)
                    + (identifiers.isEmpty() ? "" : "; left out as identifiers: " + Quoted.names(identifiers)));
        }
        Features features = Features.encode(table, columns, featureColumns, keep, kept);
        return new Dataset(where, columns, target, task, features.names(), features.x(), y, classes, dropped,
                features.imputed(), notes);
    }

    /**
     * The target's values, one per kept row: for classification the class index, with the
     * labels added to {@code classes} in index order (numbers by value, text alphabetically).
     */
    private static double[] target(String where, String target, List<String> cells, ColumnType type, Task task,
            boolean[] keep, int kept, List<String> classes) {
        double[] y = new double[kept];
        if (task == Task.CLASSIFICATION) {
            TreeMap<String, Double> numericOrder = new TreeMap<>();
            LinkedHashSet<String> labels = new LinkedHashSet<>();
            for (int r = 0; r < cells.size(); r++) {
                if (keep[r]) {
                    String v = label(cells.get(r).trim(), type);
                    labels.add(v);
                    if (type == ColumnType.NUMERIC) {
                        numericOrder.put(v, Double.parseDouble(v));
                    }
                }
            }
            List<String> sorted = new ArrayList<>(labels);
            if (type == ColumnType.NUMERIC) {
                sorted.sort((a, b) -> Double.compare(numericOrder.get(a), numericOrder.get(b)));
            } else {
                sorted.sort(null);
            }
            classes.addAll(sorted);
            if (classes.size() < 2) {
                throw new DatasetException(where + ": the target " + Quoted.value(target) + " has only one class ("
                        + Quoted.value(classes.get(0)) + "); classification needs at least two");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                index.put(classes.get(i), i);
            }
            int k = 0;
            for (int r = 0; r < cells.size(); r++) {
                if (keep[r]) {
                    y[k++] = index.get(label(cells.get(r).trim(), type));
                }
            }
        } else {
            int k = 0;
            for (int r = 0; r < cells.size(); r++) {
                if (keep[r]) {
                    y[k++] = Double.parseDouble(cells.get(r).trim());
                }
            }
            double first = y[0];
            boolean constant = true;
            for (double v : y) {
                constant &= v == first;
            }
            if (constant) {
                throw new DatasetException(where + ": the target " + Quoted.value(target) + " has the same value ("
                        + first + ") in every row; there is nothing to learn");
            }
        }
        return y;
    }

    /** A class label's text; numeric labels such as "1" and "1.0" are the same class. */
    private static String label(String v, ColumnType type) {
        if (type == ColumnType.CATEGORICAL) {
            return v;
        }
        double d = Double.parseDouble(v);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Task task(String where, String target, ColumnType type, List<String[]> rows, boolean[] keep, int t,
            Task requested, int kept) {
        if (type == ColumnType.CATEGORICAL) {
            if (requested == Task.REGRESSION) {
                throw new DatasetException(where + ": the target " + Quoted.value(target)
                        + " holds text, so the task cannot be regression");
            }
            return Task.CLASSIFICATION;
        }
        if (requested != null) {
            return requested;
        }
        Set<Double> distinct = new HashSet<>();
        boolean whole = true;
        for (int r = 0; r < rows.size(); r++) {
            if (keep[r]) {
                double v = Double.parseDouble(rows.get(r)[t].trim());
                whole &= v == Math.rint(v);
                distinct.add(v);
            }
        }
        // Few whole numbers (0-9 digits, 0/1 flags) are class labels; anything else is a quantity.
        boolean classes = whole && distinct.size() <= MAX_NUMERIC_CLASSES && distinct.size() * 5 <= kept;
        return classes ? Task.CLASSIFICATION : Task.REGRESSION;
    }
}
