package dev.rungs.store;

import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes trials in the table layout people know from other tuners:
 * {@code number, value, datetime_start, datetime_complete, duration, params_<name>…,
 * user_attrs_<key>…, state}, then {@code bracket, rung, budget, parent} when any trial has
 * them. Times are ISO-8601 (UTC), the duration is in seconds, and an inactive conditional
 * parameter is an empty cell.
 */
public final class TrialsCsv {
    /** Scheduler columns, written only when some trial has a value for them. */
    static final List<String> SCHEDULER_COLUMNS = List.of("bracket", "rung", "budget");

    private TrialsCsv() {
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
                csv.printRecord(row);
            }
        }
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }
}
