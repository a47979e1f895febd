package dev.rungs.cli;

import dev.rungs.store.StoreException;
import dev.rungs.store.StoreLocation;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option every command that touches stored studies shares. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "the study database (default: ${DEFAULT-VALUE})")
    Path db = StoreLocation.defaultFile();

    /** Opens the database for writing, creating it (and its folders) when it does not exist. */
    StudyStore open() {
        return opened(SqliteStudyStore::open);
    }

    /**
     * Opens the existing database that should hold study {@code name}, read-only or for
     * writing; a missing file is reported as "no study named …" and nothing is created.
     */
    StudyStore openFor(String name, boolean readOnly) {
        if (!Files.exists(db)) {
            throw new CliException("no study named '" + name + "': " + missing());
        }
        return readOnly ? openReadOnly() : open();
    }

    /** What to say about a database file that does not exist. */
    String missing() {
        return "there is no Rungs database at " + db + (isDefault() ? " (no study has been run yet)" : "");
    }

    /**
     * Opens an existing database for reading only: nothing is created or written, and a
     * read-only file, folder or mount will do.
     */
    StudyStore openReadOnly() {
        return opened(SqliteStudyStore::openReadOnly);
    }

    /** Whether {@code --db} names the default database, which may well not exist yet. */
    boolean isDefault() {
        return db.toAbsolutePath().normalize().equals(StoreLocation.defaultFile().toAbsolutePath().normalize());
    }

    /**
     * A database that cannot be opened (missing, not a Rungs database, from a newer Rungs, in a
     * read-only folder) is the user's file to fix: bad input, exit status 2. Failures later, while
     * a study runs, stay {@link StoreException}s (status 1).
     */
    private StudyStore opened(Function<Path, StudyStore> how) {
        try {
            return how.apply(db);
        } catch (StoreException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The named study, or a {@link CliException} that says which studies there are. */
    StudyRecord study(StudyStore store, String name) {
        return store.findStudy(name).orElseThrow(() -> new CliException("no study named '" + name + "' in " + db
                + (store.studies().isEmpty() ? " (it has no studies)" : "; `rungs list` shows the studies")));
    }
}
