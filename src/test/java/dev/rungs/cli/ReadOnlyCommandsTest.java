package dev.rungs.cli;

import static dev.rungs.cli.CliRun.rungs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.sqlite.ReadOnlyPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list}, {@code show} and {@code export} only read: they create nothing and work where nothing can be written. */
class ReadOnlyCommandsTest {
    @TempDir
    Path dir;
    Path folder;
    Path db;
    Path out;

    @BeforeEach
    void aStudyInItsOwnFolder() throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 5}, "seed": 4}""");
        folder = Files.createDirectories(dir.resolve("studies"));
        db = folder.resolve("studies.db");
        assertEquals(0, rungs("run", spec.toString(), "--db", db.toString(), "-q").status());
        out = Files.createDirectories(dir.resolve("out"));
    }

    private void allThreeWork() throws IOException {
        CliRun.Outcome list = rungs("list", "--db", db.toString());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("b ") && l.contains(" 5 ")), list.out());
        CliRun.Outcome show = rungs("show", "b", "--db", db.toString());
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("trials    5 (5 complete)"), show.out());
        Path csv = out.resolve("b.csv");
        CliRun.Outcome export = rungs("export", "b", "--db", db.toString(), "--csv", csv.toString(), "--force");
        assertEquals(0, export.status(), export.err());
        assertEquals(6, Files.readAllLines(csv).size());
    }

    private List<String> filesInFolder() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theyWorkOnAReadOnlyFile() throws Exception {
        byte[] before = Files.readAllBytes(db);
        try (ReadOnlyPath ro = ReadOnlyPath.of(db)) {
            allThreeWork();
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)));
    }

    @Test
    void theyWorkInAReadOnlyFolderAndLeaveNothingThere() throws Exception {
        List<String> before = filesInFolder();
        try (ReadOnlyPath ro = ReadOnlyPath.of(folder)) {
            allThreeWork();
        }
        assertEquals(before, filesInFolder());
    }

    @Test
    void onAMissingPathTheyCreateNoFileAndNoFolder() {
        Path missing = dir.resolve("nowhere").resolve("deeper").resolve("typo.db");
        CliRun.Outcome list = rungs("list", "--db", missing.toString()).noStackTrace();
        assertEquals(0, list.status());
        assertTrue(list.out().startsWith("no studies in " + missing), list.out());
        rungs("show", "b", "--db", missing.toString()).failsWith(2, "typo.db", "no Rungs database");
        rungs("export", "b", "--db", missing.toString(), "--csv", out.resolve("x.csv").toString())
                .failsWith(2, "typo.db", "no Rungs database");
        rungs("resume", "b", "--db", missing.toString()).failsWith(2, "typo.db");
        rungs("delete", "b", "--db", missing.toString()).failsWith(2, "typo.db");
        assertFalse(Files.exists(dir.resolve("nowhere")), "no folder");
        assertFalse(Files.exists(out.resolve("x.csv")), "no output file");
    }

    @Test
    void runRefusesAReadOnlyFolderInOneLine() throws Exception {
        Path spec = dir.resolve("spec.json");
        try (ReadOnlyPath ro = ReadOnlyPath.of(folder)) {
            rungs("run", spec.toString(), "--db", folder.resolve("new.db").toString(), "-q")
                    .failsWith(2, "studies", "read-only");
            rungs("export", "b", "--db", db.toString(), "--csv", folder.resolve("b.csv").toString())
                    .failsWith(2, "b.csv", "read-only");
        }
        assertFalse(Files.exists(folder.resolve("new.db")));
    }
}
