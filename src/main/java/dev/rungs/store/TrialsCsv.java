package dev.rungs.store;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Config;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes trials in the table layout people know from other tuners:
 * {@code number, value, datetime_start, datetime_complete, duration, params_<name>…,
 * user_attrs_<key>…, state}, then {@code bracket, rung, budget, round, outcome, proposed_by,
 * parent} when any trial has them (the multi-fidelity schedulers' and BOHB's attributes). Times are ISO-8601 (UTC), the duration is in seconds, and an inactive conditional
 * parameter is an empty cell.
 *
 * <p>A text cell that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is written with a leading {@code '}, as
 * OWASP advises for CSV files that people open in spreadsheets; cells that are plain numbers
 * ({@code -1.5}, {@code -2e-3}) stay numbers. {@link #read} takes the mark off again.
 *
 * <p>{@link #read} reads such a file back, so an export can be checked and re-imported.
 */
public final class TrialsCsv {
    /** Scheduler columns, written only when some trial has a value for them. */
    static final List<String> SCHEDULER_COLUMNS = java.util.stream.Stream.of(TrialFact.BRACKET, TrialFact.RUNG,
            TrialFact.BUDGET, TrialFact.ROUND, TrialFact.OUTCOME, TrialFact.PROPOSED_BY).map(TrialFact::key).toList();

    /** The columns every trials CSV has, in {@link #write}'s order around the parameters. */
    private static final List<String> FIXED_COLUMNS = List.of("number", "value", "datetime_start", "datetime_complete",
            "duration", "state");
    private static final String PARAM_PREFIX = "params_";
    /** A plain decimal number, which spreadsheets read as a number and never run. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** Text a spreadsheet would run, possibly behind quote marks that an escaped cell carries. */
    private static final Pattern FORMULA_LIKE = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);
    private static final Pattern ESCAPED = Pattern.compile("'+[=+\\-@\t\r].*", Pattern.DOTALL);

    private TrialsCsv() {
    }

    /**
     * One row of a trials CSV, read back.
     *
     * @param number the trial's number
     * @param value its value; empty for an empty cell
     * @param started when it started, or null
     * @param finished when it finished, or null
     * @param durationSeconds the duration column; empty for an empty cell
     * @param config the parameters, in the search space's types (Double, Long, the categorical
     *     choice); inactive parameters absent
     * @param attrs the user attributes and scheduler columns ({@code bracket}, {@code rung},
     *     {@code budget}, {@code round}, {@code outcome}, {@code proposed_by}) by attribute key;
     *     an empty cell is no attribute
     * @param state the trial's state
     * @param parent the parent column; empty for an empty cell or no column
     */
    public record Row(int number, OptionalDouble value, Instant started, Instant finished,
            OptionalDouble durationSeconds, Config config, Map<String, String> attrs, TrialState state,
            OptionalInt parent) {
        public Row {
            attrs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
        }
    }

    /** Writes the header and one row per trial, in trial-number order. */
    public static void write(Writer out, SearchSpace space, List<Trial> trials) throws IOException {
        Set<String> userKeys = new LinkedHashSet<>();
        Set<String> schedulerKeys = new LinkedHashSet<>();
        boolean anyParent = false;
        for (Trial t : trials) {
            for (String k : t.attrs().keySet()) {
                if (k.startsWith(Trial.USER_ATTR_PREFIX)) {
                    userKeys.add(k);
                }
            }
            anyParent |= t.parent().isPresent();
        }
        for (String k : SCHEDULER_COLUMNS) {
            if (trials.stream().anyMatch(t -> t.attrs().containsKey(k))) {
                schedulerKeys.add(k);
            }
        }
        List<String> header = new ArrayList<>(List.of("number", "value", "datetime_start", "datetime_complete",
                "duration"));
        for (Param p : space.params()) {
            header.add("params_" + p.name());
        }
        header.addAll(userKeys);
        header.add("state");
        header.addAll(schedulerKeys);
        if (anyParent) {
            header.add("parent");
        }
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            csv.printRecord(header);
            for (Trial t : trials) {
                List<Object> row = new ArrayList<>();
                row.add(t.number());
                row.add(t.value().isPresent() ? Double.toString(t.value().getAsDouble()) : "");
                row.add(t.started() == null ? "" : t.started().toString());
                row.add(t.finished() == null ? "" : t.finished().toString());
                row.add(t.started() == null || t.finished() == null ? ""
                        : seconds(Duration.between(t.started(), t.finished())));
                for (Param p : space.params()) {
                    row.add(t.config().has(p.name()) ? t.config().get(p.name()) : "");
                }
                for (String k : userKeys) {
                    row.add(t.attrs().getOrDefault(k, ""));
                }
                row.add(t.state().name());
                for (String k : schedulerKeys) {
                    row.add(t.attrs().getOrDefault(k, ""));
                }
                if (anyParent) {
                    row.add(t.parent().isPresent() ? t.parent().getAsInt() : "");
                }
                csv.printRecord(row.stream().map(TrialsCsv::cell).toList());
            }
        }
    }

    /** The cell for a value: its text, marked with {@code '} when a spreadsheet would run it. */
    static String cell(Object value) {
        String text = String.valueOf(value);
        return FORMULA_LIKE.matcher(text).matches() && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    /** The value a cell written by {@link #cell} stands for. */
    static String uncell(String cell) {
        return ESCAPED.matcher(cell).matches() ? cell.substring(1) : cell;
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }

    /**
     * Reads a CSV written by {@link #write} for the same search space. Parameter cells are
     * parsed into the space's types: a float as Double, an integer as Long, a categorical cell
     * as the choice whose text it is (so {@code 64} comes back as the choice object, whatever
     * its type). Whether a parameter is active is decided by the space's conditions, so an
     * active categorical choice "" is told apart from an inactive parameter.
     *
     * @throws IllegalArgumentException naming the line and column when the content does not fit
     *     (a missing column, an unknown parameter, a value that is not a number or a choice)
     */
    public static List<Row> read(Reader in, SearchSpace space) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser csv = CSVParser.parse(in, format)) {
            List<String> header = csv.getHeaderNames();
            for (String c : FIXED_COLUMNS) {
                if (!header.contains(c)) {
                    throw new IllegalArgumentException("not a trials CSV: there is no column '" + c + "'");
                }
            }
            List<String> attrColumns = new ArrayList<>();
            for (String c : header) {
                if (c.startsWith(PARAM_PREFIX)) {
                    if (space.indexOf(c.substring(PARAM_PREFIX.length())) < 0) {
                        throw new IllegalArgumentException("column '" + c + "' names a parameter that is not in the"
                                + " search space");
                    }
                } else if (c.startsWith(Trial.USER_ATTR_PREFIX) || SCHEDULER_COLUMNS.contains(c)) {
                    attrColumns.add(c);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : csv) {
                rows.add(row(r, space, header, attrColumns));
            }
            return rows;
        }
    }

    private static Row row(CSVRecord r, SearchSpace space, List<String> header, List<String> attrColumns) {
        long line = r.getRecordNumber() + 1; // the header is line 1
        try {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Param p : space.params()) {
                String column = PARAM_PREFIX + p.name();
                String cell = header.contains(column) ? get(r, column) : "";
                if (SearchSpace.isActive(p, values)) {
                    values.put(p.name(), parse(p, cell, column));
                } else if (!cell.isEmpty()) {
                    throw new IllegalArgumentException("column '" + column + "' has a value, but the parameter is"
                            + " inactive in this row");
                }
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            for (String c : attrColumns) {
                if (!get(r, c).isEmpty()) {
                    attrs.put(c, get(r, c));
                }
            }
            String parent = header.contains("parent") ? get(r, "parent") : "";
            return new Row(Integer.parseInt(get(r, "number")), optionalDouble(get(r, "value")),
                    instant(get(r, "datetime_start")), instant(get(r, "datetime_complete")),
                    optionalDouble(get(r, "duration")), new Config(values), attrs,
                    TrialState.valueOf(get(r, "state")),
                    parent.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(parent)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
        }
    }

    private static String get(CSVRecord r, String column) {
        return uncell(r.get(column));
    }

    private static Object parse(Param p, String cell, String column) {
        if (p instanceof CategoricalParam c) {
            for (Object choice : c.choices()) {
                if (String.valueOf(choice).equals(cell)) {
                    return choice;
                }
            }
            throw new IllegalArgumentException("column '" + column + "': '" + cell + "' is not one of " + c.choices());
        }
        if (cell.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' is empty, but the parameter is active");
        }
        if (p instanceof IntParam) {
            return Long.parseLong(cell);
        }
        if (p instanceof FloatParam) {
            return Double.parseDouble(cell);
        }
        throw new IllegalStateException("unknown parameter type " + p);
    }

    private static OptionalDouble optionalDouble(String cell) {
        return cell.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(cell));
    }

    private static Instant instant(String cell) {
        return cell.isEmpty() ? null : Instant.parse(cell);
    }
}
