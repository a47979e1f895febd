package dev.rungs.store.sqlite;

import dev.rungs.store.StudyStore;
import dev.rungs.store.StudyStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against a SQLite file. */
class SqliteStudyStoreContractTest extends StudyStoreContract {
    @TempDir
    Path dir;

    @Override
    protected StudyStore newStore() {
        return SqliteStudyStore.open(dir.resolve("contract.db"));
    }
}
