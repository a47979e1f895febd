package dev.rungs.cli;

import static dev.rungs.cli.CliRun.rungs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --csv} never replaces what the user did not ask to replace, and writes whole or not at all. */
class OutputFileTest {
    @TempDir
    Path dir;
    Path db;
    Path spec;

    @BeforeEach
    void aStudy() throws IOException {
        spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 4}, "seed": 2}""");
        db = dir.resolve("studies.db");
        assertEquals(0, rungs("run", spec.toString(), "--db", db.toString(), "-q").status());
    }

    static String sha256(Path f) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void exportOntoTheDatabaseOrAnExistingFileLeavesBothByteForByte() throws Exception {
        Path other = dir.resolve("report.csv");
        Files.writeString(other, "my own notes, not a trials table\n");
        String dbHash = sha256(db);
        String otherHash = sha256(other);

        rungs("export", "b", "--db", db.toString(), "--csv", db.toString()).failsWith(2, "study database");
        rungs("export", "b", "--db", db.toString(), "--csv", db.toString(), "--force").failsWith(2, "study database");
        rungs("export", "b", "--db", db.toString(), "--csv", other.toString()).failsWith(2, "report.csv", "--force");

        assertEquals(dbHash, sha256(db), "the database");
        assertEquals(otherHash, sha256(other), "the existing file");
        assertTrue(rungs("list", "--db", db.toString()).out().lines().anyMatch(l -> l.startsWith("b ")
                && l.contains(" 4 ")), "the study is whole");
    }

    @Test
    void theDatabaseIsRecognisedThroughAnotherPathOrALink() throws Exception {
        String dbHash = sha256(db);
        Path roundabout = dir.resolve("sub").resolve("..").resolve("studies.db");
        Files.createDirectories(dir.resolve("sub"));
        rungs("export", "b", "--db", db.toString(), "--csv", roundabout.toString()).failsWith(2, "study database");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), db);
        rungs("export", "b", "--db", db.toString(), "--csv", link.toString(), "--force").failsWith(2,
                "study database");
        rungs("run", spec.toString(), "--db", db.toString(), "--name", "c", "-q", "--csv", link.toString(),
                "--force").failsWith(2, "study database");
        assertEquals(dbHash, sha256(db));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void runOntoTheDatabaseIsRefusedBeforeItRuns() throws Exception {
        String dbHash = sha256(db);
        rungs("run", spec.toString(), "--db", db.toString(), "--name", "c", "-q", "--csv", db.toString(), "--force")
                .failsWith(2, "study database");
        assertEquals(dbHash, sha256(db));
        assertTrue(rungs("list", "--db", db.toString()).out().lines().noneMatch(l -> l.startsWith("c ")),
                "no study ran");
    }

    @Test
    void forceReplacesAnExistingFileWithTheTrials() throws IOException {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "old\n");
        CliRun.Outcome r = rungs("export", "b", "--db", db.toString(), "--csv", csv.toString(), "--force");
        assertEquals(0, r.status(), r.err());
        assertEquals(5, Files.readAllLines(csv).size(), "header and 4 trials");
        Path runCsv = dir.resolve("run.csv");
        Files.writeString(runCsv, "old\n");
        assertEquals(0, rungs("run", spec.toString(), "--db", db.toString(), "--name", "c", "-q", "--csv",
                runCsv.toString(), "--force").status());
        assertEquals(5, Files.readAllLines(runCsv).size());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path csv = dir.resolve("t.csv");
        byte[] old = "number,value\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(csv, old);
        OutputFile out = new OutputFile(csv, true);
        IOException e = assertThrows(IOException.class, () -> out.write(w -> {
            w.write("number,value,half a row");
            w.flush();
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write " + csv + ": No space left on device (the file there was left as it was)",
                e.getMessage());
        assertArrayEquals(old, Files.readAllBytes(csv));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }
}
