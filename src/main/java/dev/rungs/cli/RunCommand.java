package dev.rungs.cli;

import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyExistsException;
import dev.rungs.store.StudyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rungs run SPEC}: creates a study from its spec file and runs it with a live progress line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Create a study from a JSON spec file, run it to its budget and print a summary.")
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SPEC", description = "the study spec (JSON)")
    Path specFile;

    @Mixin
    StoreOption store;

    @Option(names = "--name", paramLabel = "NAME", description = "study name (overrides the spec)")
    String name;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the trials table to FILE")
    Path csv;

    @Option(names = "--force", description = "replace the --csv FILE if it exists")
    boolean force;

    @Option(names = "--seed", paramLabel = "SEED", description = "study seed (overrides the spec)")
    Long seed;

    @Mixin
    RunOverrides overrides;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        overrides.check();
        StudySpec spec = overridden(readSpec());
        OutputFile out = csv == null ? null : new OutputFile(csv, force);
        if (out != null) {
            out.check(store.db);
        }
        try (StudyStore db = store.open()) {
            StudyResult result;
            try (Tuner tuner = create(spec, db)) {
                result = StudyRunner.run(tuner, spec, overrides.quiet, System.err);
            }
            Output.summary(command.commandLine().getOut(), spec, result);
            try {
                Output.writeCsv(out, spec.space(), result.trials(), command.commandLine().getOut());
            } catch (IOException e) {
                throw new IOException(e.getMessage() + "; the study is saved in " + store.db + ", `rungs export "
                        + spec.name() + " --csv FILE` writes it again", e);
            }
            return StudyRunner.exitStatus(result);
        }
    }

    /** The spec file, read and checked; a file that cannot be read is bad input like a wrong spec. */
    private StudySpec readSpec() {
        if (!Files.exists(specFile)) {
            throw new CliException("spec file not found: " + specFile);
        }
        if (!Files.isReadable(specFile)) {
            throw new CliException("cannot read spec file " + specFile + ": permission denied");
        }
        try {
            return SpecReader.read(specFile); // folders and text that is not UTF-8 are SpecReader's to refuse
        } catch (IOException e) {
            throw new CliException("cannot read spec file " + specFile + ": " + OutputFile.reason(e));
        }
    }

    /** The study's tuner; a taken name is refused here, where creating it decides, so a race has one loser message too. */
    private Tuner create(StudySpec spec, StudyStore db) {
        try {
            return StudyFactory.createTuner(spec, db, "rungs run");
        } catch (StudyExistsException e) {
            throw new CliException("a study named '" + spec.name() + "' already exists in " + store.db
                    + "; continue it with `rungs resume " + spec.name() + "` or pick another --name");
        }
    }

    private StudySpec overridden(StudySpec s) {
        s = name == null ? s : s.withName(name);
        s = seed == null ? s : s.withSeed(seed);
        return overrides.apply(s);
    }
}
