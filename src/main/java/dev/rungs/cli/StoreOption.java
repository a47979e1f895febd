package dev.rungs.cli;

import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.store.StoreLocation;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option every command that touches stored studies shares. */
final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "the study database (default: ${DEFAULT-VALUE})")
    Path db = StoreLocation.defaultFile();

    StudyStore open() {
        return SqliteStudyStore.open(db);
    }

    /** The named study, or a {@link CliException} that says which studies there are. */
    static StudyRecord study(StudyStore store, String name) {
        return store.findStudy(name).orElseThrow(() -> new CliException("no study named '" + name + "' in the database"
                + (store.studies().isEmpty() ? " (it has no studies)" : "; `rungs list` shows the studies")));
    }
}
