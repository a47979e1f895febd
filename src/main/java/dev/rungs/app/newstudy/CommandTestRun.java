package dev.rungs.app.newstudy;

import dev.rungs.app.BackgroundTask;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.objective.Objective;
import dev.rungs.objective.StandaloneContext;
import dev.rungs.objective.command.CommandFailedException;
import dev.rungs.objective.command.CommandObjective;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The test run of the command step: the command started once, in the background, through the
 * same {@link CommandObjective} a study uses, with the middle configuration of the search space
 * (every parameter at the middle of its range, on its own scale); it shows what the command
 * reported or why it failed.
 *
 * <p>While it runs, its last report is its progress; Cancel stops it as the workbench's Stop
 * stops a trial: the command and everything it started are ended (SIGTERM to its process group,
 * SIGKILL after the grace period), and its result is not shown. UI thread only.
 */
public final class CommandTestRun {
    /** Reports listed in a test run's result; the rest are counted. */
    private static final int REPORTS_SHOWN = 5;

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    /** The context of the run going on, set and cleared on the background thread, so a cancel can stop it. */
    private final AtomicReference<StandaloneContext> stopping = new AtomicReference<>();
    private TaskHandle handle;
    private Config config;

    CommandTestRun(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Whether a test run is going on. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What the last test run reported, or why it failed; while one runs, what it does. Empty before the first. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether the last test run failed. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /**
     * Runs the command of {@code spec} once in the background with the middle configuration of
     * its space, and shows the reports and the final value, or the failure with the end of the
     * command's standard error.
     */
    void start(StudySpec spec) {
        cancel();
        Config middle = middle(spec);
        config = middle;
        running.set(true);
        failed.set(false);
        result.unbind();
        result.set("Running with " + describe(middle) + "…");
        TaskHandle started = tasks.start("Test run of " + spec.name(), p -> runOnce(spec, middle, p), text -> {
            ended();
            result.set(text);
        }, e -> {
            ended();
            failed.set(true);
            result.set("Failed with " + describe(middle) + ": " + (e instanceof CommandFailedException
                    ? e.getMessage() : ErrorReport.reason(e)));
        });
        if (running.get()) {
            handle = started;
            // The last report, while the command runs; the outcome replaces it.
            started.messageProperty().addListener((o, old, now) -> {
                if (handle == started && now != null && !now.isEmpty()) {
                    result.set(now);
                }
            });
        }
    }

    /** Stops the test run going on: its command is ended and its outcome never shown. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        StandaloneContext ctx = stopping.get();
        if (ctx != null) {
            ctx.requestStop();
        }
        if (handle != null) {
            handle.cancel();
        }
        ended();
        result.set("Test run with " + describe(config) + " cancelled.");
    }

    /** Says that the test run needs a form without problems. */
    void cannotStart() {
        failed.set(true);
        result.set("Fix the problems listed below first; the test run uses the whole form.");
    }

    /** Forgets the last outcome, as when another spec fills the form. */
    void clear() {
        result.set("");
        failed.set(false);
    }

    private void ended() {
        running.set(false);
        handle = null;
    }

    /** Every parameter at the middle of its range, on its own scale (a log range's geometric middle). */
    static Config middle(StudySpec spec) {
        double[] unit = new double[spec.space().size()];
        Arrays.fill(unit, 0.5);
        return spec.space().decode(unit);
    }

    /**
     * Runs the objective once on this (background) thread; each report is shown as progress,
     * and a cancel asks the command to stop, which ends its whole process group.
     */
    private String runOnce(StudySpec spec, Config config, BackgroundTask.Progress progress) throws Exception {
        Objective objective = StudyFactory.createObjective(spec);
        StandaloneContext ctx = StandaloneContext.deciding(config, spec.maxResource(), spec.seed(), step -> {
            progress.update(-1, "Running with " + describe(config) + "… reported step " + step);
            return Decision.CONTINUE;
        });
        stopping.set(ctx);
        // A cancel that came before the context existed had nothing to stop.
        progress.checkCancelled();
        long start = System.nanoTime();
        try {
            double value = objective.evaluate(config, ctx);
            double seconds = (System.nanoTime() - start) / 1e9;
            StringBuilder s = new StringBuilder();
            s.append("Value ").append(brief(value)).append(" after ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", seconds)).append(" s with ")
                    .append(describe(config)).append('.');
            List<String> reports = new ArrayList<>();
            List<Long> steps = ctx.steps();
            List<Double> values = ctx.values();
            for (int k = 0; k < steps.size(); k++) {
                reports.add("step " + steps.get(k) + " → " + brief(values.get(k)));
            }
            if (reports.isEmpty()) {
                s.append(" No intermediate reports.");
            } else {
                s.append(' ').append(reports.size()).append(reports.size() == 1 ? " report: " : " reports: ");
                s.append(String.join(", ", reports.subList(0, Math.min(REPORTS_SHOWN, reports.size()))));
                if (reports.size() > REPORTS_SHOWN) {
                    s.append(", … ").append(reports.get(reports.size() - 1));
                }
                s.append('.');
            }
            return s.toString();
        } finally {
            stopping.set(null);
            if (objective instanceof CommandObjective c) {
                deleteQuietly(c.settings().checkpointRoot());
            }
        }
    }

    private static String describe(Config config) {
        List<String> parts = new ArrayList<>();
        config.values().forEach((k, v) -> parts.add(k + "=" + (v instanceof Double d ? brief(d)
                : ValueText.formatValue(v))));
        return parts.isEmpty() ? "no parameters" : String.join(", ", parts);
    }

    /** A number to six significant digits, enough to read a result at a glance. */
    static String brief(double d) {
        if (!Double.isFinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal r = new BigDecimal(d).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(d) >= 1e-4 && Math.abs(d) < 1e9 ? r.toPlainString() : r.toString();
    }

    /** Removes the test run's checkpoint folder; what cannot be removed stays in the temporary folder. */
    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the system's temporary-file cleanup
                }
            });
        } catch (IOException e) {
            // as above
        }
    }
}
