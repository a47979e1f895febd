package dev.rungs.cli;

import dev.rungs.spec.Methods;
import dev.rungs.spec.SpecException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs show STUDY}: summary, best trial, state counts and provenance of one study. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one study: its summary and best trial.")
final class ShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "the study's name")
    String name;

    @Mixin
    StoreOption store;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        try (StudyStore db = store.openFor(name, true)) {
            StudyRecord s = store.study(db, name);
            List<Trial> trials = db.trials(s.id());
            StudySummary summary = StudySummary.of(trials, s.direction());
            out.printf(Locale.ROOT, "study     %s%n", s.name());
            out.printf(Locale.ROOT, "state     %s, created %s%n", s.state().name().toLowerCase(Locale.ROOT), s.created());
            out.printf(Locale.ROOT, "direction %s%n", s.direction().name().toLowerCase(Locale.ROOT));
            out.printf(Locale.ROOT, "method    %s%n", method(s));
            Output.trials(out, summary);
            Output.failures(out, trials);
            Output.best(out, trials.stream().filter(t -> summary.bestTrial().equals(java.util.OptionalInt.of(t.number())))
                    .findFirst().orElse(null));
            // the sampler and scheduler are the method line above, read from the spec
            s.provenance().forEach((k, v) -> {
                if (!k.startsWith("sampler") && !k.startsWith("scheduler")) {
                    out.printf(Locale.ROOT, "%-9s %s%n", k.equals("rungs_version") ? "version" : k, v);
                }
            });
        }
        out.flush();
        return 0;
    }

    /** The stored spec's sampler and scheduler as a person reads them. */
    private static String method(StudyRecord s) {
        try {
            return Methods.describe(s.specJson());
        } catch (SpecException unreadable) { // a spec this version cannot read: what was recorded
            return s.provenance().getOrDefault("sampler", "?") + " + " + s.provenance().getOrDefault("scheduler", "?");
        }
    }
}
