package dev.rungs.cli;

import static dev.rungs.cli.CliRun.rungs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.TrialEvent;
import dev.rungs.space.Config;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What run, show and the progress line say about a study: why trials failed, the method, the real count. */
class FailureSummaryTest {
    @TempDir
    Path dir;

    private Path spec(String name, String json) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aCommandThatDoesNotExistFailsTheRunWithItsReasonCounted() throws IOException {
        Path spec = spec("missing", """
                {"name": "m", "objective": {"type": "command", "options": {"command": ["./no-such-program"]}},
                 "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "budget": {"trials": 4}}""");
        String db = dir.resolve("s.db").toString();
        CliRun.Outcome run = rungs("run", spec.toString(), "--db", db, "-q").noStackTrace();
        assertEquals(RungsCli.FAILED, run.status(), "a run whose every trial failed has failed: " + run.out());
        List<String> failed = run.out().lines().filter(l -> l.startsWith("failed ")).toList();
        assertEquals(1, failed.size(), run.out());
        assertTrue(failed.get(0).matches("failed +4× .*no-such-program.* \\(e\\.g\\. trial 0\\)"), failed.get(0));

        CliRun.Outcome show = rungs("show", "m", "--db", db).noStackTrace();
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().lines().anyMatch(l -> l.equals(failed.get(0))), "show lists the same: " + show.out());
    }

    @Test
    void distinctReasonsAreListedEachOnceWithTheirCounts() throws IOException {
        Path spec = spec("half", """
                {"name": "h", "objective": {"type": "command", "options": {"command": ["sh", "-c",
                  "case $RUNGS_TRIAL in 0|2) echo out of memory >&2; exit 3;; 1) exit 4;; *) echo '{\\"value\\": 1}';; esac"]}},
                 "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "budget": {"trials": 5}, "workers": 1}""");
        CliRun.Outcome run = rungs("run", spec.toString(), "--db", dir.resolve("s.db").toString(), "-q")
                .noStackTrace();
        assertEquals(0, run.status(), "some trials completed: " + run.out() + run.err());
        List<String> reasons = run.out().lines().dropWhile(l -> !l.startsWith("failed ")).takeWhile(l -> l.startsWith(
                "failed ") || l.startsWith("          ")).toList();
        assertEquals(2, reasons.size(), run.out());
        assertTrue(reasons.get(0).contains("2× ") && reasons.get(0).contains("out of memory")
                && reasons.get(0).endsWith("(e.g. trial 0)"), reasons.get(0));
        assertTrue(reasons.get(1).contains("1× ") && reasons.get(1).endsWith("(e.g. trial 1)"), reasons.get(1));
    }

    @Test
    void showDescribesTheMethodInWordsAndNoJavaObjectNames() throws IOException {
        Path spec = spec("tpe", """
                {"name": "t", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 3},
                 "sampler": {"type": "tpe", "n_startup_trials": 2, "multivariate": true},
                 "scheduler": {"type": "median", "startup_trials": 3}}""");
        String db = dir.resolve("s.db").toString();
        CliRun.Outcome run = rungs("run", spec.toString(), "--db", db, "-q");
        assertTrue(run.out().startsWith("study     t (tpe (n_startup_trials 2, multivariate) + median (startup_trials 3),"
                + " minimize)"), run.out());
        CliRun.Outcome show = rungs("show", "t", "--db", db);
        assertTrue(show.out().contains("method    tpe (n_startup_trials 2, multivariate) + median (startup_trials 3)\n"),
                show.out());
        assertFalse(show.out().contains("@") || show.out().contains("Lambda") || show.out().contains("dev.rungs"),
                show.out());
    }

    private static Trial finished(int n, TrialState state, double value) {
        Trial t = Trial.running(n, new Config(Map.of()), Map.of(), Instant.EPOCH);
        return (state == TrialState.COMPLETE ? t.withValue(value) : t).withState(state, Instant.EPOCH);
    }

    @Test
    void theProgressLineOfAResumedStudyCountsFromItsTrialsSoFar() {
        List<Trial> earlier = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            earlier.add(finished(i, TrialState.COMPLETE, 10 - i));
        }
        earlier.add(finished(10, TrialState.FAIL, 0));
        earlier.add(finished(11, TrialState.PAUSED, 0)); // counted, as the budget counts it
        earlier.add(finished(12, TrialState.FAIL, 0).withAttr(Trial.FAIL_REASON, Trial.INTERRUPTED)); // not counted
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), 20,
                Direction.MINIMIZE, false, earlier);
        assertTrue(line.text(System.nanoTime()).startsWith("12 of 20 trials (10 complete, 1 failed, 1 paused; "
                + "not counted: 1 interrupted) | best 1.00000 (#9)"), line.text(System.nanoTime()));
        line.accept(new TrialEvent.Started(Trial.running(13, new Config(Map.of()), Map.of(), Instant.EPOCH)));
        line.accept(new TrialEvent.Completed(finished(13, TrialState.COMPLETE, 0.5)));
        assertTrue(line.text(System.nanoTime()).startsWith("13 of 20 trials (11 complete, 1 failed, 1 paused; "
                + "not counted: 1 interrupted) | best 0.500000 (#13)"), line.text(System.nanoTime()));
    }
}
