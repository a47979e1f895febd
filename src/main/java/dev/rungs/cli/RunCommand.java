package dev.rungs.cli;

import dev.rungs.engine.Budget;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs run SPEC}: runs a study from its spec file with a live progress line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a study from a JSON spec file and print a summary.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "the study spec (JSON)")
    Path specFile;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the trials table to FILE")
    Path csv;

    @Option(names = "--workers", paramLabel = "N", description = "parallel workers (overrides the spec)")
    Integer workers;

    @Option(names = "--seed", paramLabel = "SEED", description = "study seed (overrides the spec)")
    Long seed;

    @Option(names = "--trials", paramLabel = "N", description = "trial budget (overrides the spec)")
    Integer trials;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter err = command.commandLine().getErr();
        PrintWriter out = command.commandLine().getOut();
        StudySpec spec;
        try {
            spec = overridden(SpecReader.read(specFile));
        } catch (SpecException e) {
            err.println("rungs: bad spec " + specFile + ": " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("rungs: cannot read " + specFile + ": " + e.getMessage());
            return 2;
        }
        if (csv != null && csv.getParent() != null && !Files.isDirectory(csv.getParent())) {
            err.println("rungs: cannot write " + csv + ": folder " + csv.getParent() + " does not exist");
            return 2;
        }
        StudyResult result;
        try (Tuner tuner = StudyFactory.createTuner(spec, new InMemoryStudyStore())) {
            if (!quiet) {
                tuner.subscribe(new ProgressLine(System.err, spec.budget().maxTrials(), spec.direction(),
                        System.console() != null));
            }
            RunHandle run = tuner.start(StudyFactory.createObjective(spec), spec.budget());
            Thread onCtrlC = new Thread(run::stop);
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            result = run.await();
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
            if (csv != null) {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    TrialsCsv.write(w, spec.space(), result.trials());
                } catch (IOException e) {
                    err.println("rungs: cannot write " + csv + ": " + e.getMessage());
                    return 1;
                }
            }
        }
        printSummary(out, spec, result);
        return 0;
    }

    private StudySpec overridden(StudySpec s) {
        Budget budget = trials == null ? s.budget() : s.budget().andTrials(trials);
        return new StudySpec(s.name(), s.objective(), s.direction(), s.space(), s.sampler(), s.scheduler(), budget,
                s.maxResource(), workers == null ? s.workers() : workers, seed == null ? s.seed() : seed, s.json());
    }

    private void printSummary(PrintWriter out, StudySpec spec, StudyResult r) {
        out.printf(Locale.ROOT, "study     %s (%s, %s)%n", spec.name(), spec.sampler().type(),
                spec.direction().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "stopped   %s after %.2f s%n", r.stopReason(), r.elapsed().toNanos() / 1e9);
        StringBuilder counts = new StringBuilder();
        for (TrialState s : TrialState.values()) {
            long n = r.count(s);
            if (n > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ').append(s.name().toLowerCase(Locale.ROOT));
            }
        }
        out.printf(Locale.ROOT, "trials    %d (%s)%n", r.trials().size(), counts);
        if (r.best().isPresent()) {
            Trial b = r.best().get();
            out.printf(Locale.ROOT, "best      %.10g (trial %d)%n", b.value().getAsDouble(), b.number());
            out.printf(Locale.ROOT, "params    %s%n", b.config());
        } else {
            out.println("best      none (no trial completed)");
        }
        if (csv != null) {
            out.printf(Locale.ROOT, "csv       %s%n", csv);
        }
        out.flush();
    }
}
