package dev.rungs.objective.ml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file into a {@link Dataset}: detects the delimiter and the header row, infers
 * column types, picks the target and the task, applies the missing-value policy and encodes
 * categorical features one-hot. Everything that makes a file unusable ends in a
 * {@link DatasetException} whose message names the file and, where there is one, the line and
 * the column.
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
    /** A text column with more distinct values than this, and more than half its rows, is an identifier. */
    static final int MAX_LEVELS = 50;

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
     * Reads {@code file} as {@link #load} does and also keeps its first {@code count} data rows
     * as text; the file is read once for both.
     */
    public static Loaded loadWithFirstRows(Path file, Options o, int count) {
        String text = readText(file, o.maxBytes());
        String where = file.getFileName().toString();
        List<String[]> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        parse(text, where, rows, lines);
        if (rows.isEmpty()) {
            throw new DatasetException(where + " is empty");
        }
        boolean header = o.header() != null ? o.header() : looksLikeHeader(rows);
        String[] names;
        if (header) {
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
                        + " fields, but the " + (header ? "header has " : "first row has ") + names.length);
            }
        }
        List<List<String>> first = new ArrayList<>();
        for (String[] r : rows.subList(0, Math.min(count, rows.size()))) {
            first.add(List.of(r));
        }
        return new Loaded(build(where, names, rows, lines, o), first);
    }

    private static String readText(Path file, long maxBytes) {
        if (!Files.exists(file)) {
            throw new DatasetException("dataset file not found: " + file);
        }
        if (Files.isDirectory(file)) {
            throw new DatasetException(file + " is a folder, not a CSV file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new DatasetException(String.format(Locale.ROOT,
                        "%s is %.1f MB, more than the memory limit of %.1f MB for datasets (a tenth of the Java heap;"
                                + " a larger -Xmx raises it)", file.getFileName(), size / 1e6, maxBytes / 1e6));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String where = file.getFileName().toString();
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new DatasetException(where + " is UTF-16 text; save it as UTF-8 (or plain ASCII) CSV");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DatasetException(where + " looks like a binary file (it holds a NUL byte at offset " + i
                        + "), not CSV text");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new DatasetException(where + " is not UTF-8 text (an invalid byte sequence near offset "
                    + firstInvalidUtf8(bytes) + "); save it as UTF-8", e);
        } catch (CharacterCodingException e) {
            throw new DatasetException(where + " is not UTF-8 text; save it as UTF-8", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new DatasetException(where + " is empty");
        }
        return text;
    }

    /** The offset of the first byte that is not valid UTF-8. */
    private static int firstInvalidUtf8(byte[] b) {
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        var dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        while (true) {
            java.nio.charset.CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static void parse(String text, String where, List<String[]> rows, List<Long> lines) {
        char delimiter = delimiter(text);
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
            }
        } catch (UncheckedIOException | IllegalStateException | IOException e) {
            String msg = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
            throw new DatasetException(where + " is not valid CSV: " + msg, e);
        }
    }

    /** The most frequent of comma, semicolon and tab in the first line; comma if none occurs. */
    private static char delimiter(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
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
    static boolean looksLikeHeader(List<String[]> rows) {
        String[] first = rows.get(0);
        boolean text = false;
        for (String c : first) {
            if (isNumber(c)) {
                return false;
            }
            text |= !isMissing(c);
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
                    numbers += isNumber(v) ? 1 : 0;
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
                throw new DatasetException(where + ": the column name '" + names[i] + "' appears twice (columns "
                        + before + " and " + (i + 1) + ")");
            }
        }
    }

    static boolean isMissing(String cell) {
        return MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.trim()).matches();
    }

    private static Dataset build(String where, String[] names, List<String[]> rows, List<Long> lines, Options o) {
        List<String> all = List.of(names);
        for (String ig : o.ignore()) {
            if (!all.contains(ig)) {
                throw new DatasetException("column to ignore '" + ig + "' is not in " + where + "; columns: "
                        + String.join(", ", all));
            }
        }
        String target = o.target() != null ? o.target() : names[names.length - 1];
        int t = all.indexOf(target);
        if (t < 0) {
            throw new DatasetException("target column '" + target + "' is not in " + where + "; columns: "
                    + String.join(", ", all));
        }
        if (o.ignore().contains(target)) {
            throw new DatasetException("the target column '" + target + "' is also listed to be ignored");
        }
        int n = rows.size();
        int width = names.length;
        boolean[] used = new boolean[width];
        List<Dataset.Column> columns = new ArrayList<>();
        ColumnType[] types = new ColumnType[width];
        for (int j = 0; j < width; j++) {
            used[j] = !o.ignore().contains(names[j]);
            types[j] = columnType(where, names[j], j, rows, lines, used[j]);
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
                    : where + ": the target column '" + target + "' has no values");
        }
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
            columns.add(new Dataset.Column(names[j], types[j], missing, List.copyOf(levels)));
        }
        int kept = n - dropped;
        Task task = task(where, target, types[t], rows, keep, t, o.task(), kept);

        // Target.
        double[] y = new double[kept];
        List<String> classes = new ArrayList<>();
        if (task == Task.CLASSIFICATION) {
            TreeMap<String, Double> numericOrder = new TreeMap<>();
            LinkedHashSet<String> labels = new LinkedHashSet<>();
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    String v = label(rows.get(r)[t].trim(), types[t]);
                    labels.add(v);
                    if (types[t] == ColumnType.NUMERIC) {
                        numericOrder.put(v, Double.parseDouble(v));
                    }
                }
            }
            List<String> sorted = new ArrayList<>(labels);
            if (types[t] == ColumnType.NUMERIC) {
                sorted.sort((a, b) -> Double.compare(numericOrder.get(a), numericOrder.get(b)));
            } else {
                sorted.sort(null);
            }
            classes.addAll(sorted);
            if (classes.size() < 2) {
                throw new DatasetException(where + ": the target '" + target + "' has only one class ('"
                        + classes.get(0) + "'); classification needs at least two");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < classes.size(); i++) {
                index.put(classes.get(i), i);
            }
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    y[k++] = index.get(label(rows.get(r)[t].trim(), types[t]));
                }
            }
        } else {
            int k = 0;
            for (int r = 0; r < n; r++) {
                if (keep[r]) {
                    y[k++] = Double.parseDouble(rows.get(r)[t].trim());
                }
            }
            double first = y[0];
            boolean constant = true;
            for (double v : y) {
                constant &= v == first;
            }
            if (constant) {
                throw new DatasetException(where + ": the target '" + target + "' has the same value (" + first
                        + ") in every row; there is nothing to learn");
            }
        }

        // Features.
        List<String> featureNames = new ArrayList<>();
        List<Integer> featureColumns = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (j == t || !used[j]) {
                continue;
            }
            Dataset.Column c = columns.get(j);
            if (c.missing() == n) {
                throw new DatasetException(where + ": column '" + names[j] + "' has no values (all " + n
                        + " cells are missing); leave it out with ignore");
            }
            if (c.type() == ColumnType.CATEGORICAL && c.levels().size() > MAX_LEVELS && c.levels().size() * 2 > kept) {
                throw new DatasetException(where + ": column '" + names[j] + "' has " + c.levels().size()
                        + " distinct text values in " + kept + " rows, so it looks like an identifier;"
                        + " leave it out with ignore");
            }
            featureColumns.add(j);
            if (c.type() == ColumnType.NUMERIC) {
                featureNames.add(names[j]);
            } else {
                for (String level : c.levels()) {
                    featureNames.add(names[j] + "=" + level);
                }
            }
        }
        if (featureColumns.isEmpty()) {
            throw new DatasetException(where + " has no feature columns besides the target '" + target + "'");
        }
        double[][] x = new double[kept][featureNames.size()];
        int imputed = 0;
        int offset = 0;
        for (int j : featureColumns) {
            Dataset.Column c = columns.get(j);
            if (c.type() == ColumnType.NUMERIC) {
                double sum = 0;
                int count = 0;
                for (int r = 0; r < n; r++) {
                    String v = rows.get(r)[j];
                    if (!isMissing(v)) {
                        sum += Double.parseDouble(v.trim());
                        count++;
                    }
                }
                double mean = sum / count;
                int k = 0;
                for (int r = 0; r < n; r++) {
                    if (keep[r]) {
                        String v = rows.get(r)[j];
                        if (isMissing(v)) {
                            x[k][offset] = mean;
                            imputed++;
                        } else {
                            x[k][offset] = Double.parseDouble(v.trim());
                        }
                        k++;
                    }
                }
                offset++;
            } else {
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (int r = 0; r < n; r++) {
                    String v = rows.get(r)[j].trim();
                    if (!isMissing(v)) {
                        counts.merge(v, 1, Integer::sum);
                    }
                }
                String mode = counts.entrySet().stream()
                        .max((a, b) -> a.getValue().equals(b.getValue()) ? b.getKey().compareTo(a.getKey())
                                : Integer.compare(a.getValue(), b.getValue()))
                        .orElseThrow().getKey();
                int k = 0;
                for (int r = 0; r < n; r++) {
                    if (keep[r]) {
                        String v = rows.get(r)[j].trim();
                        if (isMissing(v)) {
                            v = mode;
                            imputed++;
                        }
                        x[k][offset + c.levels().indexOf(v)] = 1;
                        k++;
                    }
                }
                offset += c.levels().size();
            }
        }
        return new Dataset(where, columns, target, task, featureNames, x, y, classes, dropped, imputed);
    }

    /** A class label's text; numeric labels such as "1" and "1.0" are the same class. */
    private static String label(String v, ColumnType type) {
        if (type == ColumnType.CATEGORICAL) {
            return v;
        }
        double d = Double.parseDouble(v);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** The column's type; {@code strict} (a used column) turns stray text or huge numbers into errors. */
    private static ColumnType columnType(String where, String name, int j, List<String[]> rows, List<Long> lines,
            boolean strict) {
        int numbers = 0;
        int texts = 0;
        int firstText = -1;
        int values = 0;
        for (int r = 0; r < rows.size(); r++) {
            String v = rows.get(r)[j];
            if (isMissing(v)) {
                continue;
            }
            values++;
            if (isNumber(v)) {
                numbers++;
                if (strict && !Double.isFinite(Double.parseDouble(v.trim()))) {
                    throw new DatasetException(where + " line " + lines.get(r) + ", column '" + name + "': the number "
                            + v.trim() + " is too large");
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
        // A few words in a column of numbers are typing errors, not categories.
        if (strict && numbers >= 0.9 * values) {
            throw new DatasetException(where + " line " + lines.get(firstText) + ", column '" + name
                    + "': the column holds numbers, but this cell holds the text '" + rows.get(firstText)[j].trim()
                    + "' (" + texts + " such cell" + (texts == 1 ? "" : "s")
                    + "); correct it, or leave the cell empty to mark it missing");
        }
        return ColumnType.CATEGORICAL;
    }

    private static Task task(String where, String target, ColumnType type, List<String[]> rows, boolean[] keep, int t,
            Task requested, int kept) {
        if (type == ColumnType.CATEGORICAL) {
            if (requested == Task.REGRESSION) {
                throw new DatasetException(where + ": the target '" + target
                        + "' holds text, so the task cannot be regression");
            }
            return Task.CLASSIFICATION;
        }
        if (requested != null) {
            return requested;
        }
        Set<Double> distinct = new java.util.HashSet<>();
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
