package dev.rungs.cli;

import dev.rungs.spec.StudySpec;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code resume} share: what to change in a spec for this run. */
final class RunOverrides {
    @Option(names = "--workers", paramLabel = "N", description = "parallel workers (overrides the spec)")
    Integer workers;

    @Option(names = "--trials", paramLabel = "N", description = "trials in the whole study (overrides the spec)")
    Integer trials;

    @Option(names = {"-q", "--quiet"}, description = "no progress line")
    boolean quiet;

    StudySpec apply(StudySpec s) {
        s = workers == null ? s : s.withWorkers(workers);
        return trials == null ? s : s.withBudget(s.budget().andTrials(trials));
    }
}
