package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.StoreException;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database in a read-only folder whose last commits are still in its -wal file (no -shm beside
 * it, as after a crash and a copy): SQLite could read it only as immutable, without those
 * commits, so it is refused rather than shown older than it is.
 */
class ReadOnlyWalTest {
    @TempDir
    Path dir;

    @Test
    void recentCommitsThatCannotBeReadAreNotSilentlyLeftOut() throws Exception {
        Path live = Files.createDirectories(dir.resolve("live")).resolve("s.db");
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("s.db");
        try (StudyStore store = SqliteStudyStore.open(live)) {
            store.createStudy("recent", Direction.MINIMIZE, "{}", Map.of());
            Path wal = FileCheck.sibling(live, "-wal");
            assertTrue(Files.size(wal) > 0, "the commit is in the -wal file while the store is open");
            Files.copy(live, copy);
            Files.copy(wal, FileCheck.sibling(copy, "-wal"));
        }
        try (ReadOnlyPath ro = ReadOnlyPath.of(copy.getParent())) {
            StoreException e = assertThrows(StoreException.class, () -> SqliteStudyStore.openReadOnly(copy).close());
            assertTrue(e.getMessage().contains("s.db-wal") && e.getMessage().contains("read-only"), e.getMessage());
        }
        try (StudyStore store = SqliteStudyStore.openReadOnly(copy)) {
            assertEquals(1, store.studies().size(), "in a writable folder the copy reads whole");
        }
    }
}
