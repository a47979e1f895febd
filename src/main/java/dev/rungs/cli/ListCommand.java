package dev.rungs.cli;

import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.StudySummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code rungs list}: the stored studies, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the studies in the database.")
final class ListCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (!Files.exists(store.db)) { // a command that only reads creates nothing
            out.println("no studies in " + store.db + ": there is no Rungs database there");
            out.flush();
            return 0;
        }
        try (StudyStore db = store.openReadOnly()) {
            List<StudyRecord> studies = db.studies();
            if (studies.isEmpty()) {
                out.println("no studies in " + store.db);
                return 0;
            }
            out.printf(Locale.ROOT, "%-28s %-9s %-10s %7s %16s  %s%n", "NAME", "STATE", "SAMPLER", "TRIALS", "BEST",
                    "CREATED");
            for (StudyRecord s : studies) {
                // Trials as the workbench and the budget count them (StudySummary).
                StudySummary summary = StudySummary.of(db.trials(s.id()), s.direction());
                String best = summary.best().isPresent()
                        ? String.format(Locale.ROOT, "%.8g", summary.best().getAsDouble()) : "-";
                out.printf(Locale.ROOT, "%-28s %-9s %-10s %7d %16s  %s%n", s.name(),
                        s.state().name().toLowerCase(Locale.ROOT), s.provenance().getOrDefault("sampler", "?")
                                .replace("Sampler", "").toLowerCase(Locale.ROOT),
                        summary.trials(), best, s.created().toString().substring(0, 19).replace('T', ' '));
            }
        }
        out.flush();
        return 0;
    }
}
