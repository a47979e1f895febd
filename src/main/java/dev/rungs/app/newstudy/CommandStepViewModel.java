package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.objective.Objective;
import dev.rungs.objective.StandaloneContext;
import dev.rungs.objective.command.CommandFailedException;
import dev.rungs.spec.CommandOptions;
import dev.rungs.objective.command.CommandObjective;
import dev.rungs.objective.command.CommandObjective.ParamsAs;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The external-command part of the New study form: the command line, the folder it runs in,
 * its timeout and how it receives the parameters, and a test run.
 *
 * <p>The test run starts the command once, in the background, through the same
 * {@link CommandObjective} a study uses, with the middle configuration of the search space
 * (every parameter at the middle of its range, on its own scale), and shows what it reported
 * or why it failed. UI thread only.
 */
public final class CommandStepViewModel {
    /** The timeout a fresh form starts with, in seconds. */
    static final String DEFAULT_TIMEOUT = "600";
    /** Reports listed in a test run's result; the rest are counted. */
    private static final int REPORTS_SHOWN = 5;

    private final TaskExecutor tasks;
    private final StringProperty commandLine = new SimpleStringProperty(this, "commandLine", "");
    private final StringProperty workdir = new SimpleStringProperty(this, "workdir", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", DEFAULT_TIMEOUT);
    private final Map<ParamsAs, BooleanProperty> paramsAs = new EnumMap<>(ParamsAs.class);
    private final ReadOnlyBooleanWrapper testRunning = new ReadOnlyBooleanWrapper(this, "testRunning");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper(this, "testFailed");

    // Spec options the step has no field for; they come from a loaded spec and go back unchanged.
    private Object graceSeconds;
    private Object checkpointDir;
    private Runnable onChange = () -> { };

    /**
     * @param tasks runs the test run in the background and reports back on the UI thread
     * @param folder the working folder a fresh form starts with
     */
    public CommandStepViewModel(TaskExecutor tasks, Path folder) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        workdir.set(folder.toAbsolutePath().toString());
        for (ParamsAs p : ParamsAs.values()) {
            paramsAs.put(p, new SimpleBooleanProperty(this, "paramsAs" + p.name(), true));
        }
        List<ObservableValue<?>> fields = new ArrayList<>(List.of(commandLine, workdir, timeout));
        fields.addAll(paramsAs.values());
        for (ObservableValue<?> v : fields) {
            v.addListener((o, old, now) -> onChange.run());
        }
    }

    /** Called after every change of a field. */
    void setOnChange(Runnable callback) {
        this.onChange = Objects.requireNonNull(callback, "callback");
    }

    /** The command line as typed; split into words as a shell would, with quotes keeping spaces. */
    public StringProperty commandLineProperty() {
        return commandLine;
    }

    /** The folder the command runs in, as typed or chosen. */
    public StringProperty workdirProperty() {
        return workdir;
    }

    /** How long one run may take, in seconds, as typed; blank or 0 for no limit. */
    public StringProperty timeoutProperty() {
        return timeout;
    }

    /** Whether the parameters are handed over this way (arguments, environment, JSON file). */
    public BooleanProperty paramsAsProperty(ParamsAs way) {
        return paramsAs.get(way);
    }

    /** Whether a test run is going on. */
    public ReadOnlyBooleanProperty testRunningProperty() {
        return testRunning.getReadOnlyProperty();
    }

    /** What the last test run reported, or why it failed; empty before the first. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    /** Whether the last test run failed. */
    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    /** A label for the study's name: the script or program the command runs, without folder or extension. */
    String label() {
        List<String> words;
        try {
            words = split(commandLine.get());
        } catch (IllegalArgumentException e) {
            return "command";
        }
        // The script is the first argument that looks like a file ("python3 train.py --epochs 3");
        // without one, the program itself names the command.
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            boolean fileLike = w.contains(".") || w.contains("/") || w.contains("\\");
            if (!w.startsWith("-") && fileLike && ValueText.parseNumber(w) == null) {
                String name = baseName(w);
                if (name != null) {
                    return name;
                }
            }
        }
        String program = words.isEmpty() ? null : baseName(words.get(0));
        if (program != null) {
            return program;
        }
        return "command";
    }

    /**
     * A path's file name without its extension, or null when that would not do in a study's
     * name (an inline script such as {@code -c 'print(1)'} is not a file name).
     */
    private static String baseName(String path) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        boolean plain = !name.isBlank() && name.equals(name.strip())
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-. ".indexOf(c) >= 0);
        return plain ? name : null;
    }

    // ------------------------------------------------------------------ checks and spec

    /** The fields this step reports problems at. */
    static List<FormField> fields() {
        return List.of(FormField.COMMAND_LINE, FormField.COMMAND_WORKDIR, FormField.COMMAND_TIMEOUT,
                FormField.COMMAND_PARAMS_AS);
    }

    /**
     * Checks the step, puts each problem at its field in {@code errors}, and returns the spec
     * options it describes (absolute working folder), or null when anything is wrong.
     */
    Map<String, Object> check(Map<FormField, String> errors) {
        List<String> words = null;
        try {
            words = split(commandLine.get());
            if (words.isEmpty()) {
                errors.put(FormField.COMMAND_LINE, "type the command to run, such as python3 train.py");
                words = null;
            }
        } catch (IllegalArgumentException e) {
            errors.put(FormField.COMMAND_LINE, e.getMessage());
        }
        String folder = workdir.get() == null ? "" : workdir.get().trim();
        Path dir = null;
        if (folder.isEmpty()) {
            errors.put(FormField.COMMAND_WORKDIR, "choose the folder the command runs in");
        } else {
            try {
                dir = Path.of(folder);
            } catch (IllegalArgumentException e) {
                errors.put(FormField.COMMAND_WORKDIR, "not a valid path: " + e.getMessage());
            }
            if (dir != null && !dir.isAbsolute()) {
                errors.put(FormField.COMMAND_WORKDIR, "give the whole path, such as " + Path.of("").toAbsolutePath());
            } else if (dir != null && !Files.isDirectory(dir)) {
                errors.put(FormField.COMMAND_WORKDIR, Files.exists(dir) ? folder + " is a file, not a folder"
                        : "the folder " + folder + " does not exist");
            }
        }
        String t = timeout.get() == null ? "" : timeout.get().trim();
        Double seconds = t.isEmpty() ? Double.valueOf(0) : ValueText.parseNumber(t);
        if (seconds == null) {
            errors.put(FormField.COMMAND_TIMEOUT, "must be a number of seconds, got '" + t
                    + "' (leave it blank for none)");
        } else if (seconds < 0 || !Double.isFinite(seconds)) {
            errors.put(FormField.COMMAND_TIMEOUT, "must be a positive number of seconds (leave it blank for none)");
        }
        List<String> ways = new ArrayList<>();
        for (ParamsAs p : ParamsAs.values()) {
            if (paramsAs.get(p).get()) {
                ways.add(p.specName());
            }
        }
        if (ways.isEmpty()) {
            errors.put(FormField.COMMAND_PARAMS_AS, "choose at least one way to hand the parameters over");
        }
        for (FormField f : fields()) {
            if (errors.containsKey(f)) {
                return null;
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("command", words);
        o.put("workdir", dir.toAbsolutePath().normalize().toString());
        o.put("timeout_seconds", seconds);
        o.put("params_as", ways);
        if (graceSeconds != null) {
            o.put("grace_seconds", graceSeconds);
        }
        if (checkpointDir != null) {
            o.put("checkpoint_dir", checkpointDir);
        }
        return o;
    }

    /** Fills the step from a spec's options, as the spec reader leaves them. */
    void fill(Map<String, Object> options) {
        CommandOptions o = CommandOptions.from(options);
        commandLine.set(join(o.command()));
        workdir.set(o.workdir());
        timeout.set(o.timeoutSeconds() > 0 ? ValueText.formatNumber(o.timeoutSeconds()) : "");
        List<String> ways = o.paramsAs() == null ? List.of("args", "env", "json") : o.paramsAs();
        for (ParamsAs p : ParamsAs.values()) {
            paramsAs.get(p).set(ways.contains(p.specName()));
        }
        graceSeconds = o.graceSeconds();
        checkpointDir = o.checkpointDir();
        testResult.set("");
        testFailed.set(false);
    }

    // ------------------------------------------------------------------ test run

    /**
     * Runs the command of {@code spec} once in the background with the middle configuration of
     * its space, and shows the reports and the final value, or the failure with the end of the
     * command's standard error.
     */
    public void testRun(StudySpec spec) {
        Config config = middle(spec);
        testRunning.set(true);
        testFailed.set(false);
        testResult.set("Running with " + describe(config) + "…");
        tasks.execute(() -> runOnce(spec, config), result -> {
            testRunning.set(false);
            testResult.set(result);
        }, e -> {
            testRunning.set(false);
            testFailed.set(true);
            testResult.set("Failed with " + describe(config) + ": " + (e instanceof CommandFailedException
                    ? e.getMessage() : ErrorReport.reason(e)));
        });
    }

    /** Says that the test run needs a form without problems. */
    void cannotTestRun() {
        testFailed.set(true);
        testResult.set("Fix the problems listed below first; the test run uses the whole form.");
    }

    /** Every parameter at the middle of its range, on its own scale (a log range's geometric middle). */
    static Config middle(StudySpec spec) {
        double[] unit = new double[spec.space().size()];
        Arrays.fill(unit, 0.5);
        return spec.space().decode(unit);
    }

    private static String runOnce(StudySpec spec, Config config) throws Exception {
        Objective objective = StudyFactory.createObjective(spec);
        StandaloneContext ctx = StandaloneContext.of(config, spec.maxResource(), spec.seed());
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

    // ------------------------------------------------------------------ command lines

    /**
     * Splits a command line into words as a POSIX shell would: spaces separate words, single
     * quotes keep everything, double quotes keep spaces (a backslash escapes {@code "} and
     * {@code \} in them), and a backslash outside quotes keeps the next character.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a single quote (') is not closed");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < line.length()) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        d = line.charAt(++i);
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new IllegalArgumentException("a double quote (\") is not closed");
                }
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                if (c == '\\' && i + 1 < line.length()) {
                    c = line.charAt(++i);
                }
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The command line that {@link #split} turns back into {@code words}: words with spaces or quotes are quoted. */
    static String join(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            boolean plain = !w.isEmpty() && w.chars().noneMatch(ch -> Character.isWhitespace(ch) || ch == '\''
                    || ch == '"' || ch == '\\');
            out.add(plain ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", out);
    }
}
