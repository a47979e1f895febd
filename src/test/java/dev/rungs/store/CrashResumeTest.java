package dev.rungs.store;

import dev.rungs.store.sqlite.SqliteStudyStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Tuner;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study process killed hard at random moments loses nothing it announced: every trial it
 * printed as completed is stored as COMPLETE with the same value, the file passes SQLite's
 * integrity check, and resuming finishes the budget.
 */
class CrashResumeTest {
    static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void killedStudiesKeepEveryAnnouncedTrialAndResumeToTheBudget() throws Exception {
        Path db = dir.resolve("crash.db");
        Random moments = new Random(20261127);
        Map<Integer, Double> announced = new ConcurrentHashMap<>();
        int killedMidRun = 0;
        for (int i = 0; i < KILLS; i++) {
            Process child = start(db);
            Thread reader = readAnnouncements(child, announced);
            Thread.sleep(700 + moments.nextInt(900));
            boolean wasRunning = child.isAlive();
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the killed child should exit");
            reader.join(5_000);
            killedMidRun += wasRunning ? 1 : 0;
            assertEverythingAnnouncedIsStored(db, announced);
            assertIntegrityOk(db);
        }
        assertTrue(killedMidRun >= KILLS / 2, "most kills should hit a running study, hit " + killedMidRun);

        Process last = start(db);
        Thread reader = readAnnouncements(last, announced);
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "the resumed study should finish");
        reader.join(5_000);
        assertEquals(0, last.exitValue());
        assertEverythingAnnouncedIsStored(db, announced);
        assertIntegrityOk(db);
        try (StudyStore store = SqliteStudyStore.open(db)) {
            StudyRecord s = store.findStudy("crash").orElseThrow();
            List<Trial> trials = store.trials(s.id());
            long counted = trials.stream().filter(t -> t.state() != TrialState.WAITING && !Tuner.isInterrupted(t))
                    .count();
            assertEquals(CrashChild.BUDGET, counted, "resume runs the study to its budget of trials that were not"
                    + " interrupted");
            assertTrue(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING));
            assertTrue(trials.stream().filter(t -> t.state() == TrialState.FAIL)
                    .allMatch(t -> "interrupted".equals(t.attrs().get(Trial.FAIL_REASON))));
            assertEquals(StudyState.FINISHED, s.state());
        }
    }

    private static Process start(Path db) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                db.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static Thread readAnnouncements(Process child, Map<Integer, Double> announced) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3 && parts[0].equals("COMPLETE")) {
                        announced.put(Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
                    }
                }
            } catch (IOException killed) {
                // the pipe closes when the child dies
            }
        });
        t.start();
        return t;
    }

    private static void assertEverythingAnnouncedIsStored(Path db, Map<Integer, Double> announced) {
        try (StudyStore store = SqliteStudyStore.open(db)) {
            Optional<StudyRecord> found = store.findStudy("crash");
            if (found.isEmpty()) {
                // killed before it created the study (a slow JVM start): nothing can have been announced
                assertTrue(announced.isEmpty(), "trials were announced, yet the study is not stored");
                return;
            }
            List<Trial> trials = store.trials(found.get().id());
            for (Map.Entry<Integer, Double> e : announced.entrySet()) {
                Trial t = trials.get(e.getKey());
                assertEquals(TrialState.COMPLETE, t.state(), "trial " + e.getKey());
                assertEquals(e.getValue(), t.value().getAsDouble(), "trial " + e.getKey());
            }
        }
    }

    private static void assertIntegrityOk(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1));
        }
    }
}
