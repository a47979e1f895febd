package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rungs.engine.Tuner;
import dev.rungs.objective.bench.Branin;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two operating-system processes on one database, as a user makes them by typing {@code run}
 * in one terminal and {@code resume} in another: the second is refused with the first named,
 * and after a {@code kill -9} of the first, {@code resume} takes the study over with every
 * completed trial intact and each stored value the one computed for its own configuration.
 */
@Timeout(180)
class TwoRunnersTest {
    @TempDir
    Path dir;

    /** Branin from the parameters in the environment, a little slowly, so the run lasts. */
    static final String BRANIN_PY = """
            import math, os, time
            x1 = float(os.environ["RUNGS_PARAM_X1"]); x2 = float(os.environ["RUNGS_PARAM_X2"])
            b = 5.1 / (4 * math.pi ** 2); c = 5 / math.pi; t = 1 / (8 * math.pi)
            time.sleep(0.05)
            print('{"value": %r}' % ((x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10), flush=True)
            """;

    Path spec(int trials) throws IOException {
        Files.writeString(dir.resolve("branin.py"), BRANIN_PY);
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "shared", "objective": {"type": "command", "options": {
                   "command": ["python3", "branin.py"], "params_as": ["env"]}},
                 "space": [{"name": "x1", "type": "float", "low": -5, "high": 10},
                           {"name": "x2", "type": "float", "low": 0, "high": 15}],
                 "sampler": {"type": "random"}, "budget": {"trials": %d}, "workers": 2, "seed": 9}
                """.formatted(trials));
        return spec;
    }

    static Process rungs(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RungsCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("out-" + System.nanoTime()).toFile())
                .start();
    }

    static String stderr(Process p) throws IOException {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void theSecondRunnerIsRefusedNamingTheFirstAndTakesOverAfterAKill() throws Exception {
        assumeTrue(SampleSkips.onPath("python3"), "python3 is needed for the command objective");
        Path db = dir.resolve("studies.db");
        Path spec = spec(80);
        Process first = rungs(dir, "run", spec.toString(), "--db", db.toString(), "-q");
        int seen = waitForTrials(db, 6, first);

        Process second = rungs(dir, "resume", "shared", "--db", db.toString(), "-q");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the refused runner ends at once");
        String err = stderr(second).strip();
        assertEquals(1, second.exitValue(), err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.contains("study 'shared' is being run by process " + first.pid()), err);
        assertTrue(err.contains("(rungs run) since "), err);
        assertTrue(first.isAlive(), "the first runner goes on");

        first.destroyForcibly(); // kill -9
        assertTrue(first.waitFor(20, TimeUnit.SECONDS));
        List<Trial> atKill = trials(db);
        assertTrue(atKill.size() >= seen);

        long t0 = System.nanoTime();
        Process third = rungs(dir, "resume", "shared", "--db", db.toString(), "-q");
        assertTrue(third.waitFor(120, TimeUnit.SECONDS));
        String thirdErr = stderr(third);
        assertEquals(0, third.exitValue(), thirdErr);
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<Trial> end = trials(db);
        for (Trial t : atKill) {
            if (t.isComplete()) {
                assertEquals(t, end.get(t.number()), "a trial completed before the kill is intact");
            }
        }
        for (Trial t : end) {
            assertTrue(t.state() == TrialState.COMPLETE || Tuner.isInterrupted(t), t.toString());
            if (t.isComplete()) {
                double want = Branin.value(t.config().getDouble("x1"), t.config().getDouble("x2"));
                assertEquals(want, t.value().getAsDouble(), 1e-9 * Math.max(1, Math.abs(want)),
                        "trial " + t.number() + " holds its own configuration's value");
            }
        }
        assertEquals(80, end.stream().filter(Trial::isComplete).count(), "resume ran the study to its budget");
        System.out.printf("two runners: %d trials stored at the kill, takeover and %d more trials took %.1f s%n",
                atKill.size(), end.size() - atKill.size(), seconds);
    }

    @Test
    void twoRunsCreatingOneStudyAtTheSameMomentGiveTheLoserTheUsualOneLineRefusal() throws Exception {
        Path spec = dir.resolve("race.json");
        Files.writeString(spec, """
                {"name": "race", "objective": {"type": "benchmark", "name": "branin"},
                 "sampler": {"type": "random"}, "budget": {"trials": 5}, "seed": 1}""");
        for (int round = 0; round < 6; round++) {
            Path db = dir.resolve("race-" + round + ".db");
            Process a = rungs(dir, "run", spec.toString(), "--db", db.toString(), "-q");
            Process b = rungs(dir, "run", spec.toString(), "--db", db.toString(), "-q");
            assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
            String errA = stderr(a).strip();
            String errB = stderr(b).strip();
            Process winner = a.exitValue() == 0 ? a : b;
            String loserErr = winner == a ? errB : errA;
            int loserExit = (winner == a ? b : a).exitValue();
            assertEquals(0, winner.exitValue(), errA + " / " + errB);
            assertEquals(2, loserExit, "round " + round + ": " + loserErr);
            assertEquals("rungs: a study named 'race' already exists in " + db + "; continue it with `rungs resume race`"
                    + " or pick another --name", loserErr);
        }
    }

    /** Waits until the study has at least {@code n} trials; returns how many it had. */
    private int waitForTrials(Path db, int n, Process runner) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            assertTrue(runner.isAlive(), () -> "the runner died: " + safeStderr(runner));
            try {
                List<Trial> t = trials(db);
                if (t.size() >= n) {
                    return t.size();
                }
            } catch (dev.rungs.store.StoreException stillBeingMade) {
                // the runner is still creating the file
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the study did not get " + n + " trials in time");
    }

    private static String safeStderr(Process p) {
        try {
            return stderr(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    static List<Trial> trials(Path db) {
        try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(db)) {
            return s.findStudy("shared").map(StudyRecord::id).map(s::trials).orElse(List.of());
        }
    }
}
