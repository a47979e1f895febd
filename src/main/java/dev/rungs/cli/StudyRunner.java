package dev.rungs.cli;

import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.PrintStream;

/** What {@code run} and {@code resume} share: run a tuner to its budget with a progress line; Ctrl+C stops cleanly. */
final class StudyRunner {
    private StudyRunner() {
    }

    static StudyResult run(Tuner tuner, StudySpec spec, boolean quiet, PrintStream progress) {
        if (!quiet) {
            tuner.subscribe(new ProgressLine(progress, spec.budget().maxTrials(), spec.direction(),
                    System.console() != null, tuner.trials()));
        }
        RunHandle run = tuner.start(StudyFactory.createObjective(spec), spec.budget());
        // Ctrl+C pauses running trials and lets the store commit before the JVM exits.
        Thread onCtrlC = new Thread(() -> {
            run.stop();
            run.await();
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        StudyResult result = run.await();
        try {
            Runtime.getRuntime().removeShutdownHook(onCtrlC);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running and will finish the stop
        }
        return result;
    }

    /**
     * The exit status of a finished run: 1 when it failed (trials failed and none has completed,
     * such as a command that cannot start), otherwise 0.
     */
    static int exitStatus(StudyResult result) {
        boolean anyFailed = result.trials().stream().anyMatch(t -> t.state() == TrialState.FAIL);
        return anyFailed && result.trials().stream().noneMatch(Trial::isComplete) ? 1 : 0;
    }
}
