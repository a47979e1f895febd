package dev.rungs.app.studies;

import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import java.util.ArrayList;
import java.util.List;

/** Reads the study list's rows from a store: on a background thread, since the store is a file. */
final class StudyRows {
    private StudyRows() {
    }

    /** Rows for every study in the store; on a background thread, since the store is a file. */
    static List<StudyRow> readStore(StudyStore from) {
        List<StudyRow> rows = new ArrayList<>();
        for (StudyRecord s : from.studies()) {
            rows.add(readRow(from, s));
        }
        return rows;
    }

    /** Fresh rows for the studies {@code ids} (none for one deleted meanwhile); on a background thread. */
    static List<StudyRow> readRows(StudyStore from, List<Long> ids) {
        List<StudyRow> rows = new ArrayList<>();
        for (long id : ids) {
            from.study(id).ifPresent(s -> rows.add(readRow(from, s)));
        }
        return rows;
    }

    static StudyRow readRow(StudyStore from, StudyRecord s) {
        List<Trial> trials = from.trials(s.id());
        StoredState state = StoredState.read(from, s);
        StudyRow row = new StudyRow(s.id(), s.name(), methodName(s), s.created(), state.state(),
                state.elsewhere().orElse(null));
        row.setSummary(StudySummary.of(trials, s.direction()));
        row.setFailures(FailureReasons.of(trials));
        return row;
    }

    /** The method as the list shows it: the spec's sampler, plus its scheduler if it has one. */
    static String methodName(StudyRecord s) {
        try {
            return methodName(SpecReader.parse(s.specJson()));
        } catch (RuntimeException unreadable) {
            // A study written by a later version may name methods this one does not know.
            return s.provenance().getOrDefault("sampler", "?");
        }
    }

    /** The method of a spec, as the list shows it: {@code tpe}, {@code random + median}. */
    public static String methodName(StudySpec spec) {
        ComponentSpec scheduler = spec.scheduler();
        return spec.sampler().type()
                + (scheduler == null || "none".equals(scheduler.type()) ? "" : " + " + scheduler.type());
    }

}
