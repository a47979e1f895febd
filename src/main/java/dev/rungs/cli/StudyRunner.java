package dev.rungs.cli;

import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.objective.ml.MlObjective;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.PrintStream;

/** What {@code run} and {@code resume} share: run a tuner to its budget with a progress line; Ctrl+C stops cleanly. */
final class StudyRunner {
    /** The longest the JVM's exit waits for a stopping run: trials' grace periods and the store's last commits. */
    private static final java.time.Duration HOOK_WAIT = java.time.Duration.ofSeconds(60);

    private StudyRunner() {
    }

    static StudyResult run(Tuner tuner, StudySpec spec, boolean quiet, PrintStream progress) {
        if (!quiet) {
            tuner.subscribe(new ProgressLine(progress, spec.budget().maxTrials(), spec.direction(),
                    System.console() != null, tuner.trials()));
        }
        Objective objective = StudyFactory.createObjective(spec);
        printNotes(objective, progress);
        RunHandle run = tuner.start(objective, spec.budget());
        // Ctrl+C or SIGTERM: running trials are paused (command trials at once, their processes
        // ended within grace_seconds) and committed to the store before the JVM exits.
        Thread onCtrlC = new Thread(() -> {
            run.stop();
            try {
                // Bounded, so that an exit can never hang on a run that cannot end.
                run.await(HOOK_WAIT);
            } catch (RuntimeException failed) {
                // the run's failure was reported where it happened
            }
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return run.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running and will finish the stop
            }
        }
    }

    /** What the dataset reader decided on its own (a column left out, say), one line each; even when quiet. */
    private static void printNotes(Objective objective, PrintStream err) {
        if (objective instanceof MlObjective ml) {
            ml.data().notes().forEach(note -> err.println(ml.data().name() + ": " + note));
        }
    }

    /**
     * The exit status of a finished run: 1 when it failed (its first trials all failed alike,
     * or trials failed and none has completed, such as a command that cannot start), otherwise 0.
     */
    static int exitStatus(StudyResult result) {
        if (result.failed()) {
            return 1;
        }
        boolean anyFailed = result.trials().stream()
                .anyMatch(t -> t.state() == TrialState.FAIL && !Tuner.isInterrupted(t));
        return anyFailed && result.trials().stream().noneMatch(Trial::isComplete) ? 1 : 0;
    }
}
