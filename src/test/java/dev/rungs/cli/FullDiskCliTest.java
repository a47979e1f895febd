package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rungs.engine.Tuner;
import dev.rungs.objective.bench.Branin;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A disk that really fills up under a running study: a small tmpfs mounted for the test (root
 * on Linux; skipped elsewhere, and {@code SqliteBadInputTest} and {@code StudyLeaseTest} cover
 * the simulated full disk everywhere). The run ends with one line and exit status 1, and once
 * there is room again {@code resume} runs the study to its budget with everything saved before
 * intact.
 */
@EnabledOnOs(OS.LINUX)
class FullDiskCliTest {
    @TempDir
    Path dir;
    private Path disk;

    record Outcome(int status, String out, String err) {
    }

    static Outcome rungs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RungsCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Outcome(cl.execute(args), out.toString(), err.toString());
    }

    private static boolean sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            sh("umount", disk.toString());
        }
    }

    @Test
    void aDiskThatFillsUpEndsTheRunInOneLineAndResumeFinishesOnceThereIsRoom() throws Exception {
        Path mountPoint = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint.toString()),
                "mounting a small tmpfs needs root on Linux");
        disk = mountPoint;
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "big", "objective": {"type": "benchmark", "name": "branin"},
                 "sampler": {"type": "random"}, "budget": {"trials": 6000}, "seed": 2}""");
        Path db = disk.resolve("studies.db");

        Outcome full = rungs("run", spec.toString(), "--db", db.toString(), "-q");
        assertEquals(1, full.status(), full.err());
        String line = full.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("rungs: the disk is full"), line);
        assertTrue(line.contains(db.toString()), line);
        assertFalse(line.contains("Exception") || line.contains("\tat "), line);

        List<Trial> saved;
        try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(db)) {
            StudyRecord study = s.findStudy("big").orElseThrow();
            saved = s.trials(study.id());
            assertTrue(study.state() == StudyState.STOPPED || study.state() == StudyState.RUNNING, study.toString());
        }
        assertTrue(saved.size() > 10 && saved.size() < 6000, "filled part way: " + saved.size());

        assertTrue(sh("mount", "-o", "remount,size=64m", disk.toString()), "room again");
        Outcome resumed = rungs("resume", "big", "--db", db.toString(), "-q");
        assertEquals(0, resumed.status(), resumed.err());
        try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(db)) {
            StudyRecord study = s.findStudy("big").orElseThrow();
            List<Trial> end = s.trials(study.id());
            for (Trial t : saved) {
                if (t.isComplete()) {
                    assertEquals(t, end.get(t.number()), "saved before the disk filled: intact");
                }
            }
            assertEquals(6000, end.stream().filter(t -> !Tuner.isInterrupted(t)).count());
            for (Trial t : end) {
                if (t.isComplete()) {
                    assertEquals(Branin.value(t.config().getDouble("x1"), t.config().getDouble("x2")),
                            t.value().getAsDouble(), 1e-12);
                }
            }
            assertEquals(StudyState.FINISHED, study.state());
        }
        System.out.printf("full disk: %d trials saved when 1 MiB filled; resume ran to 6000%n", saved.size());
    }
}
