package dev.rungs.cli;

import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs resume STUDY}: continues a stored study to its budget. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a stored study (stopped, or interrupted by a crash) to its budget.")
final class ResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "STUDY", description = "the study's name")
    String name;

    @Mixin
    StoreOption store;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "0",
            description = "run a trial interrupted by a crash again, up to N times (default: ${DEFAULT-VALUE})")
    int retries;

    @Mixin
    RunOverrides overrides;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        overrides.check();
        if (retries < 0) {
            throw new CliException("--retries must not be negative (got " + retries + ")");
        }
        try (StudyStore db = store.openFor(name, false)) {
            StudyRecord record = store.study(db, name);
            StudySpec spec = overrides.apply(SpecReader.parse(record.specJson()));
            StudyResult result;
            try (Tuner tuner = StudyFactory.resumeTuner(spec, db, retries, "rungs resume")) {
                result = StudyRunner.run(tuner, spec, overrides.quiet, System.err);
            }
            Output.summary(command.commandLine().getOut(), spec, result);
            return StudyRunner.exitStatus(result);
        }
    }
}
