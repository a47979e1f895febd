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

    /** Refuses values no study can run with, naming the option, before anything is opened. */
    void check() {
        if (workers != null && (workers < 1 || workers > StudySpec.MAX_WORKERS)) {
            throw new CliException("--workers must be between 1 and " + StudySpec.MAX_WORKERS + " (got " + workers
                    + ")");
        }
        if (trials != null && trials < 1) {
            throw new CliException("--trials must be at least 1 (got " + trials + ")");
        }
    }

    StudySpec apply(StudySpec s) {
        s = workers == null ? s : s.withWorkers(workers);
        return trials == null ? s : s.withBudget(s.budget().andTrials(trials));
    }
}
