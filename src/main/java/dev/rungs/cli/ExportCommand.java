package dev.rungs.cli;

import dev.rungs.spec.SpecReader;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs export STUDY --csv FILE}: the trials table of a stored study. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a study's trials to a CSV file.")
final class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "the study's name")
    String name;

    @Option(names = "--csv", paramLabel = "FILE", required = true, description = "where to write the trials table")
    Path csv;

    @Option(names = "--force", description = "replace FILE if it exists")
    boolean force;

    @Mixin
    StoreOption store;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        OutputFile out = new OutputFile(csv, force);
        out.check(store.db);
        try (StudyStore db = store.openFor(name, true)) {
            StudyRecord s = store.study(db, name);
            Output.writeCsv(out, SpecReader.parse(s.specJson()).space(), db.trials(s.id()),
                    command.commandLine().getOut());
        }
        return 0;
    }
}
