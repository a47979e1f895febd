package dev.rungs.cli;

import static dev.rungs.cli.CliRun.rungs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.StudiesViewModel;
import dev.rungs.app.studies.StudyRow;
import dev.rungs.space.Config;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 8: the same study gives the same numbers in the study list, the run view, the
 * delete dialog, {@code rungs list} and {@code rungs show}. The study has a trial in every state
 * and one that an interruption ended (which, like the one waiting, the budget does not count):
 * the app used to say 7 (ended trials), the command line 10 (rows).
 */
class OneCountEverywhereTest {
    static final String SPEC = """
            {"name": "mixed", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": 20}, "seed": 1}""";
    /** What every place must say: 8 counted, 1 interrupted and 1 waiting apart. */
    static final String COUNTS = "3 complete, 2 pruned, 1 failed, 1 running, 1 paused; not counted: 1 interrupted, 1 waiting";

    @TempDir
    Path dir;

    static Trial trial(int n, TrialState state, double value) {
        Trial t = Trial.running(n, new Config(Map.of("x1", 1.0, "x2", 2.0)), Map.of(TrialFact.RESOURCE_USED.key(), "1"),
                Instant.parse("2025-01-01T00:00:00Z"));
        if (state == TrialState.COMPLETE || state == TrialState.PRUNED) {
            t = t.withValue(value);
        }
        return t.withState(state, Instant.parse("2025-01-01T00:00:01Z"));
    }

    /** A stopped study with complete, pruned, failed, interrupted, paused, running and waiting trials. */
    long mixedStudy(StudyStore store) {
        StudyRecord s = store.createStudy("mixed", Direction.MINIMIZE, SPEC, Map.of("sampler", "random"));
        List<Trial> trials = List.of(trial(0, TrialState.COMPLETE, 3.5), trial(1, TrialState.PRUNED, 9.0),
                trial(2, TrialState.COMPLETE, 0.75), trial(3, TrialState.FAIL, 0).withAttr(Trial.FAIL_REASON, "boom"),
                trial(4, TrialState.FAIL, 0).withAttr(Trial.FAIL_REASON, Trial.INTERRUPTED),
                trial(5, TrialState.PAUSED, 0), trial(6, TrialState.RUNNING, 0), trial(7, TrialState.PRUNED, 8.0),
                trial(8, TrialState.COMPLETE, 2.0), trial(9, TrialState.WAITING, 0));
        trials.forEach(t -> store.addTrial(s.id(), t));
        store.setStudyState(s.id(), dev.rungs.store.StudyState.STOPPED);
        return s.id();
    }

    @Test
    void theStudyListTheRunViewTheDeleteDialogAndTheCommandLineAgree() {
        Path db = dir.resolve("studies.db");
        long id;
        try (StudyStore store = SqliteStudyStore.open(db)) {
            id = mixedStudy(store);
            StudySummary expected = StudySummary.of(store.trials(id), Direction.MINIMIZE);
            assertEquals(8, expected.trials());
            assertEquals("8 (" + COUNTS + ")", expected.counts());

            StudiesViewModel list = new StudiesViewModel(store, new ImmediateTaskExecutor());
            list.refresh();
            StudyRow row = list.studies().get(0);
            assertEquals(expected, row.summary(), "the study list");
            assertEquals("Its 8 trials (" + COUNTS + ") are removed from the database. This cannot be undone.",
                    row.deleteMessage(), "the delete dialog");

            RunViewModel run = new RunViewModel(store, new ImmediateTaskExecutor());
            run.open(id);
            assertEquals(expected, run.summaryProperty().get(), "the run view");
            assertEquals("8 of 20 trials (" + COUNTS + ")", run.progressTextProperty().get());
            assertEquals("0.750000", RunViewModel.formatValue(run.bestProperty().get()));
        }

        CliRun.Outcome list = rungs("list", "--db", db.toString());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("mixed ") && l.matches(".* 8 +0\\.75000000 .*")),
                "rungs list: " + list.out());
        CliRun.Outcome show = rungs("show", "mixed", "--db", db.toString());
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("trials    8 (" + COUNTS + ")\n"), "rungs show: " + show.out());
        assertTrue(show.out().contains("best      0.7500000000 (trial 2)"), show.out());
        assertTrue(show.out().contains("failed    1× boom (e.g. trial 3)\n"), "the failure of its own only: " + show.out());
        assertTrue(show.out().lines().noneMatch(l -> l.contains("× interrupted")), show.out());
    }
}
