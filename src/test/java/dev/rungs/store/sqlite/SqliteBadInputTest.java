package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.StoreException;
import dev.rungs.store.StoreFixtures;
import dev.rungs.store.StudyRecord;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the store must refuse with a message a person understands, without changing a byte of
 * them, and failures it must report without losing what was already saved.
 */
class SqliteBadInputTest {
    @TempDir
    Path dir;

    /** Opens {@code f}, expects a refusal, and checks that the file's bytes did not change. */
    private String refused(Path f) throws IOException {
        String before = Files2.sha256(f);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(f));
        assertEquals(before, Files2.sha256(f), "the refused file was changed");
        assertTrue(e.getMessage().contains(f.toString()), "the message names the file: " + e.getMessage());
        return e.getMessage();
    }

    /** A Rungs database with some trials in it, closed. */
    private Path rungsDb(String name, int trials) {
        Path f = dir.resolve(name);
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            StudyRecord study = s.createStudy("s", Direction.MINIMIZE, "{}", Map.of());
            for (int n = 0; n < trials; n++) {
                s.addTrial(study.id(), StoreFixtures.richTrial(n).withAttr("user_attrs_pad", "x".repeat(200)));
            }
        }
        return f;
    }

    @Test
    void aTextFileIsRefused() throws IOException {
        Path f = dir.resolve("notes.txt");
        Files.writeString(f, "my notes, not a database\nsecond line\n");
        String msg = refused(f);
        assertTrue(msg.contains("not a SQLite database"), msg);
        assertTrue(msg.contains("my notes"), msg);
        assertEquals(List.of(f), list(dir), "no files were added beside it");
    }

    @Test
    void aPngImageIsRefused() throws IOException {
        Path f = dir.resolve("chart.png");
        byte[] png = new byte[600];
        new Random(3).nextBytes(png);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(magic, 0, png, 0, magic.length);
        Files.write(f, png);
        String msg = refused(f);
        assertTrue(msg.contains("PNG"), msg);
        assertEquals(List.of(f), list(dir));
    }

    @Test
    void anotherApplicationsSqliteDatabaseIsRefusedAndGetsNoTables() throws Exception {
        Path f = dir.resolve("shop.db");
        try (Connection c = FileCheck.connect(f, false, false, 1000); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER, total REAL)");
            s.execute("INSERT INTO customers (name) VALUES ('Ada')");
        }
        String msg = refused(f);
        assertTrue(msg.contains("not a Rungs database"), msg);
        assertTrue(msg.contains("customers, orders"), msg);
        assertEquals(List.of(f), list(dir), "no WAL files were left beside it");
        try (Connection c = FileCheck.connect(f, true, false, 1000)) {
            assertEquals(List.of("customers", "orders"), Schema.tables(c));
        }
    }

    @Test
    void aDamagedRungsDatabaseIsRefused() throws IOException {
        Path f = rungsDb("damaged.db", 300);
        long size = Files.size(f);
        assertTrue(size > 100_000, "big enough to have a middle: " + size);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            byte[] junk = new byte[4096];
            new Random(7).nextBytes(junk);
            raf.seek((size / 2) / 4096 * 4096 + 100); // inside a page in the middle, past its header
            raf.write(junk, 0, 2000);
        }
        String msg = refused(f);
        assertTrue(msg.contains("damaged"), msg);
    }

    @Test
    void aFileWithAnOverwrittenHeaderIsRefused() throws IOException {
        Path f = rungsDb("header.db", 3);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(16);
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}); // page size and format bytes
        }
        String msg = refused(f);
        assertTrue(msg.contains("damaged"), msg);
    }

    @Test
    void aDatabaseFromANewerRungsIsRefusedForWritingAndReading() throws Exception {
        Path f = rungsDb("newer.db", 2);
        try (Connection c = FileCheck.connect(f, false, false, 1000); Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, applied, description) VALUES (4, 0, 'from the future')");
        }
        String msg = refused(f);
        assertTrue(msg.contains("made by a newer Rungs (schema 4); this Rungs knows up to schema 3"), msg);
        assertEquals(List.of(f), list(dir), "no WAL files were left beside it");
        String before = Files2.sha256(f);
        StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.openReadOnly(f));
        assertTrue(e.getMessage().contains("newer Rungs"), e.getMessage());
        assertEquals(before, Files2.sha256(f));
    }

    @Test
    void aFolderInsteadOfAFileIsRefused() throws IOException {
        Path f = Files.createDirectory(dir.resolve("folder.db"));
        StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(f));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aMissingFileIsNotCreatedByAReadOnlyOpen() {
        Path f = dir.resolve("missing.db");
        StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.openReadOnly(f));
        assertTrue(e.getMessage().contains("no Rungs database"), e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void anEmptyFileBecomesANewDatabase() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.db"));
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            assertEquals(List.of(), s.studies());
        }
    }

    @Test
    void aReadOnlyFileIsRefusedForWritingButCanBeRead() throws Exception {
        Path f = rungsDb("ro.db", 2);
        String before = Files2.sha256(f);
        try (ReadOnlyPath ro = ReadOnlyPath.of(f)) {
            StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(f));
            assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
            try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(f)) {
                assertEquals(2, s.trials(s.findStudy("s").orElseThrow().id()).size());
            }
        }
        assertEquals(before, Files2.sha256(f));
    }

    @Test
    void aReadOnlyFolderIsRefusedForANewFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path f = folder.resolve("rungs.db");
        try (ReadOnlyPath ro = ReadOnlyPath.of(folder)) {
            StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(f));
            assertTrue(e.getMessage().contains("is read-only"), e.getMessage());
            assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        }
        assertFalse(Files.exists(f));
    }

    @Test
    void aDatabaseInAReadOnlyFolderIsRefusedForWritingButCanBeRead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("archive"));
        Path f = folder.resolve("rungs.db");
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            StudyRecord study = s.createStudy("kept", Direction.MINIMIZE, "{}", Map.of());
            s.addTrial(study.id(), StoreFixtures.richTrial(0));
        }
        String before = Files2.sha256(f);
        try (ReadOnlyPath ro = ReadOnlyPath.of(folder)) {
            StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.open(f));
            assertTrue(e.getMessage().contains("folder " + folder + " is read-only"), e.getMessage());
            try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(f)) {
                assertEquals(List.of(StoreFixtures.richTrial(0)), s.trials(s.findStudy("kept").orElseThrow().id()));
            }
        }
        assertEquals(before, Files2.sha256(f));
    }

    /**
     * The disk fills up (simulated: the file may not grow past a few pages). The save that does
     * not fit is refused with a "disk is full" message; every save that returned before is
     * intact, in the same store and after reopening, and the file is not damaged.
     */
    @Test
    void aFullDiskRefusesTheChangeAndKeepsWhatWasSaved() throws Exception {
        Path f = dir.resolve("full.db");
        SqliteStudyStore.open(f).close();
        long pages = Files.size(f) / 4096;
        List<Trial> saved = new ArrayList<>();
        StoreException full = null;
        long studyId;
        try (SqliteStudyStore s = SqliteStudyStore.open(f, SqliteStudyStore.Options.defaults()
                .withMaxPages(pages + 8))) {
            studyId = s.createStudy("s", Direction.MINIMIZE, "{}", Map.of()).id();
            for (int n = 0; n < 1000 && full == null; n++) {
                Trial t = StoreFixtures.richTrial(n).withAttr("user_attrs_pad", "y".repeat(1500));
                try {
                    s.addTrial(studyId, t);
                    saved.add(t);
                } catch (StoreException e) {
                    full = e;
                }
            }
            assertTrue(full != null, "the size limit was reached");
            assertTrue(full.getMessage().contains("disk is full"), full.getMessage());
            assertTrue(full.getMessage().contains("what was saved before is intact"), full.getMessage());
            assertFalse(saved.isEmpty());
            assertEquals(saved, s.trials(studyId));
            // a checkpoint that does not fit fails the same way, and reading goes on
            assertThrows(StoreException.class, () -> s.saveCheckpoint(studyId, 0, new byte[1 << 20]));
            assertEquals(saved, s.trials(studyId));
        }
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            assertEquals(saved, s.trials(studyId));
            // with room again the store goes on
            s.addTrial(studyId, StoreFixtures.waiting(5000));
            assertEquals(saved.size() + 1, s.trials(studyId).size());
        }
        try (Connection c = FileCheck.connect(f, true, false, 1000); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            assertEquals("ok", rs.getString(1));
        }
    }

    private static List<Path> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

}
