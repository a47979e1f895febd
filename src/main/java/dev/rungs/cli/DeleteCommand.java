package dev.rungs.cli;

import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs delete STUDY}: removes a study with its trials. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a study and all its trials.")
final class DeleteCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "the study's name")
    String name;

    @Mixin
    StoreOption store;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        try (StudyStore db = store.openFor(name, false)) {
            StudyRecord s = store.study(db, name);
            int trials = db.trials(s.id()).size();
            db.deleteStudy(s.id());
            command.commandLine().getOut().println("deleted study " + name + " (" + trials + " trials)");
        }
        command.commandLine().getOut().flush();
        return 0;
    }
}
