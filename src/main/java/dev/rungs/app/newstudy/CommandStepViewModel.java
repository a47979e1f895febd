package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.objective.command.CommandObjective.ParamsAs;
import dev.rungs.spec.CommandOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The external-command part of the New study form: the command line, the folder it runs in,
 * its timeout and how it receives the parameters, and a test run.
 *
 * <p>The test run ({@link CommandTestRun}) starts the command once with the spec the form
 * describes. UI thread only.
 */
public final class CommandStepViewModel {
    /** The timeout a fresh form starts with, in seconds. */
    static final String DEFAULT_TIMEOUT = "600";
    private final CommandTestRun testRun;
    private final StringProperty commandLine = new SimpleStringProperty(this, "commandLine", "");
    private final StringProperty workdir = new SimpleStringProperty(this, "workdir", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", DEFAULT_TIMEOUT);
    private final Map<ParamsAs, BooleanProperty> paramsAs = new EnumMap<>(ParamsAs.class);

    // Spec options the step has no field for; they come from a loaded spec and go back unchanged.
    private Object graceSeconds;
    private Object checkpointDir;
    private Runnable onChange = () -> { };

    /**
     * @param tasks runs the test run in the background and reports back on the UI thread
     * @param folder the working folder a fresh form starts with
     */
    public CommandStepViewModel(TaskExecutor tasks, Path folder) {
        this.testRun = new CommandTestRun(tasks);
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

    /** The test run: the command once with the middle of the space, its outcome, and Cancel. */
    public CommandTestRun testRun() {
        return testRun;
    }

    /** A label for the study's name: the script or program the command runs, without folder or extension. */
    String label() {
        return CommandLines.label(commandLine.get());
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
            words = CommandLines.split(commandLine.get());
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
        commandLine.set(CommandLines.join(o.command()));
        workdir.set(o.workdir());
        timeout.set(o.timeoutSeconds() > 0 ? ValueText.formatNumber(o.timeoutSeconds()) : "");
        List<String> ways = o.paramsAs() == null ? List.of("args", "env", "json") : o.paramsAs();
        for (ParamsAs p : ParamsAs.values()) {
            paramsAs.get(p).set(ways.contains(p.specName()));
        }
        graceSeconds = o.graceSeconds();
        checkpointDir = o.checkpointDir();
        testRun.clear();
    }
}
