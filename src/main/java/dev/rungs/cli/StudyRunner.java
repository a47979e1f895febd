package dev.rungs.cli;

import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import java.io.PrintStream;

/** What {@code run} and {@code resume} share: run a tuner to its budget with a progress line; Ctrl+C stops cleanly. */
final class StudyRunner {
    private StudyRunner() {
    }

    static StudyResult run(Tuner tuner, StudySpec spec, boolean quiet, PrintStream progress) {
        if (!quiet) {
            tuner.subscribe(new ProgressLine(progress, spec.budget().maxTrials(), spec.direction(),
                    System.console() != null));
        }
        RunHandle run = tuner.start(StudyFactory.createObjective(spec), spec.budget());
        // Ctrl+C or SIGTERM: running trials are paused (command trials at once, their processes
        // ended within grace_seconds) and committed to the store before the JVM exits.
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
}
