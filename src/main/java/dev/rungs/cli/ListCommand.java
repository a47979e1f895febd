package dev.rungs.cli;

import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Trial;
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
                List<Trial> trials = db.trials(s.id());
                String best = trials.stream().filter(Trial::isComplete)
                        .min(java.util.Comparator.comparingDouble(t -> t.loss(s.direction())))
                        .map(t -> String.format(Locale.ROOT, "%.8g", t.value().getAsDouble())).orElse("-");
                out.printf(Locale.ROOT, "%-28s %-9s %-10s %7d %16s  %s%n", s.name(),
                        s.state().name().toLowerCase(Locale.ROOT), s.provenance().getOrDefault("sampler", "?")
                                .replace("Sampler", "").toLowerCase(Locale.ROOT),
                        trials.size(), best, s.created().toString().substring(0, 19).replace('T', ' '));
            }
        }
        out.flush();
        return 0;
    }
}
