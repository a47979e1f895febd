package dev.rungs.objective.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rungs.objective.Objective;
import dev.rungs.objective.TrialContext;
import dev.rungs.objective.TrialStoppedException;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an external command per trial. The trial's parameters reach it as arguments
 * ({@code --name=value}), environment variables ({@code RUNGS_PARAM_NAME}) and a JSON file
 * (path in {@code RUNGS_PARAMS_FILE}), as chosen. It also gets {@code RUNGS_TRIAL},
 * {@code RUNGS_BUDGET} and {@code RUNGS_CHECKPOINT_DIR}, a folder of its own that is kept with
 * the trial (packed into its checkpoint) and copied when PBT clones the trial.
 *
 * <p>The command reports by printing JSON lines: {@code {"step": 3, "value": 0.91}} is an
 * intermediate report, {@code {"value": 0.93}} without a step is the final result; otherwise the
 * last reported value is the result. Other output is ignored. A PBT exploit restarts the command
 * with the new parameters on the donor's checkpoint folder. The folder is packed each time a
 * report is read, while the command keeps running, so a command should write its checkpoint
 * before it prints the report, and atomically (a temporary file, then a rename). A trial fails
 * if the command exits with a non-zero status (the tail of its standard error is kept in the
 * trial's {@code stderr_tail} attribute and the failure reason), runs past its timeout, or
 * prints no value; a program that is missing or not executable fails it before it starts.
 *
 * <p><b>Ending a command.</b> On Linux and macOS each command runs in a process group of its own
 * ({@link ProcessGroups}). A STOP or PAUSE decision, a timeout, a stop of the run
 * ({@link TrialContext#stopRequested()}: Ctrl+C, SIGTERM, the workbench's Stop) and the end of the
 * trial all end the whole group and every descendant: SIGTERM, then SIGKILL after the grace
 * period. A stop does not wait for the command's next report: the folder is packed once the
 * processes are gone and the objective throws {@link TrialStoppedException}, so the trial is
 * paused and the next run resumes it from there. If Rungs itself dies, even by SIGKILL, a
 * watchdog process per command ends the group within the grace period. On Windows there are no
 * process groups or signals: the command and the descendants it still has are ended through
 * {@link ProcessHandle#destroy()} (a forced kill there), and nothing watches for Rungs' death.
 */
public final class CommandObjective implements Objective {
    /** The user attribute holding the last lines of a failed command's standard error. */
    public static final String STDERR_TAIL = "stderr_tail";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a waiting trial looks at its process and its deadline (a stop wakes it at once). */
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long output may stay open after the command exited before what holds it is ended. */
    private static final Duration QUIET_AFTER_EXIT = Duration.ofMillis(500);

    /** How parameters are handed to the command. */
    public enum ParamsAs {
        /** {@code --name=value} after the command. */
        ARGS,
        /** {@code RUNGS_PARAM_NAME=value} in the environment. */
        ENV,
        /** A JSON object in a file whose path is {@code RUNGS_PARAMS_FILE}. */
        JSON;

        /** The name used in specs. */
        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The way a spec names, or {@code null}. */
        public static ParamsAs bySpecName(String s) {
            for (ParamsAs p : values()) {
                if (p.specName().equals(s)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * What to run and how.
     *
     * @param command the program and its arguments
     * @param workdir the folder it runs in
     * @param timeout how long one run of a trial may take; {@code null} for no limit
     * @param paramsAs how parameters are handed over
     * @param grace how long a terminated process may take to exit before it is killed
     * @param checkpointRoot where the trials' checkpoint folders are made and kept; {@code null}
     *     for a temporary folder per run of a trial, removed when that run ends
     */
    public record Settings(List<String> command, Path workdir, Duration timeout, Set<ParamsAs> paramsAs,
            Duration grace, Path checkpointRoot) {
        public Settings {
            command = List.copyOf(command);
            paramsAs = paramsAs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(paramsAs));
            if (command.isEmpty()) {
                throw new IllegalArgumentException("the command is empty");
            }
        }
    }

    private final Settings settings;

    /** An objective that runs {@code settings.command()} once per trial run. */
    public CommandObjective(Settings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** One parsed line of the command's output, or the end of it. */
    record Line(Long step, double value, boolean end) {
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) throws Exception {
        if (ctx.stopRequested()) {
            throw new TrialStoppedException(ctx.trialNumber());
        }
        try (TrialFolder folder = TrialFolder.open(settings.checkpointRoot(), ctx.trialNumber())) {
            return evaluateIn(folder, config, ctx);
        }
    }

    private double evaluateIn(TrialFolder folder, Config config, TrialContext ctx) throws Exception {
        Path dir = folder.checkpoints();
        CheckpointFolder.unpack(ctx.restoreCheckpoint().orElse(null), dir);
        long deadline = settings.timeout() == null ? 0 : System.nanoTime() + settings.timeout().toNanos();
        AtomicReference<CommandProcess> current = new AtomicReference<>(start(config, ctx, folder));
        ctx.stopSignal().whenRequested(() -> current.get().wake());
        Double last = null;
        Double result = null;
        long lastStep = Long.MIN_VALUE;
        long exitSeen = 0;
        try {
            while (true) {
                CommandProcess run = current.get();
                stopIfAsked(run, dir, ctx);
                long wait = untilDeadline(deadline);
                if (wait <= 0) {
                    throw timedOut(run);
                }
                Line line = run.lines.poll(Math.min(wait, POLL.toNanos()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    // Exited, but its output is held open by something it left running: that is
                    // ended with its group below, rather than waited for.
                    if (run.process.isAlive()) {
                        exitSeen = 0;
                    } else if (exitSeen == 0) {
                        exitSeen = System.nanoTime();
                    } else if (System.nanoTime() - exitSeen > QUIET_AFTER_EXIT.toNanos()) {
                        break;
                    }
                    continue;
                }
                if (line == CommandProcess.WAKE) {
                    continue;
                }
                if (line.end()) {
                    break;
                }
                if (line.step() == null) {
                    result = line.value();
                    continue;
                }
                if (line.step() <= lastStep) {
                    run.terminate();
                    throw new CommandFailedException("reported step " + line.step() + " after step " + lastStep
                            + "; steps must grow");
                }
                lastStep = line.step();
                last = line.value();
                saveFolder(dir, ctx);
                Decision d = ctx.report(line.step(), line.value());
                if (d instanceof Decision.Exploit) {
                    // PBT: carry on from the donor's folder with the new parameters.
                    run.terminate();
                    CheckpointFolder.unpack(ctx.restoreCheckpoint().orElse(null), dir);
                    current.set(start(ctx.config(), ctx, folder));
                    lastStep = Long.MIN_VALUE;
                    continue;
                }
                if (!d.shouldContinue()) {
                    run.terminate();
                    if (d instanceof Decision.Pause) {
                        // Packed again now that the process is gone, so the folder is complete.
                        saveFolder(dir, ctx);
                    }
                    return last;
                }
            }
            CommandProcess run = current.get();
            while (!run.process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                stopIfAsked(run, dir, ctx);
                if (untilDeadline(deadline) <= 0) {
                    throw timedOut(run);
                }
            }
            run.stderrDone();
            int status = run.process.exitValue();
            if (status != 0) {
                String tail = run.stderrTail();
                ctx.setUserAttr(STDERR_TAIL, tail);
                throw new CommandFailedException("command exited with status " + status
                        + (tail.isEmpty() ? " and printed nothing on stderr" : "; stderr ends with:\n" + tail));
            }
            saveFolder(dir, ctx);
            Double value = result != null ? result : last;
            if (value == null) {
                throw new CommandFailedException("the command printed no value; print a line such as "
                        + "{\"step\": 1, \"value\": 0.5} or {\"value\": 0.5}");
            }
            return value;
        } finally {
            // Also ends what a command that exited left running in its group.
            current.get().terminate();
        }
    }

    /** If the run was asked to stop: ends the command, keeps its folder and throws. */
    private static void stopIfAsked(CommandProcess run, Path dir, TrialContext ctx) throws Exception {
        if (ctx.stopRequested()) {
            run.terminate();
            saveFolder(dir, ctx);
            throw new TrialStoppedException(ctx.trialNumber());
        }
    }

    /** Nanoseconds left before {@code deadline}; a run without a timeout always has time left. */
    private long untilDeadline(long deadline) {
        return settings.timeout() == null ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    private CommandFailedException timedOut(CommandProcess run) throws InterruptedException {
        run.terminate();
        return new CommandFailedException("timed out after " + seconds(settings.timeout()) + " s");
    }

    private static void saveFolder(Path dir, TrialContext ctx) throws IOException {
        byte[] packed = CheckpointFolder.pack(dir);
        if (packed != null) {
            ctx.saveCheckpoint(packed);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    private CommandProcess start(Config config, TrialContext ctx, TrialFolder folder)
            throws IOException, CommandFailedException, InterruptedException {
        List<String> cmd = new ArrayList<>(settings.command());
        Map<String, Object> params = new TreeMap<>(config.values());
        if (settings.paramsAs().contains(ParamsAs.ARGS)) {
            params.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(settings.workdir().toFile());
        Map<String, String> env = pb.environment();
        env.put("RUNGS_TRIAL", Integer.toString(ctx.trialNumber()));
        env.put("RUNGS_BUDGET", Long.toString(ctx.budget()));
        env.put("RUNGS_CHECKPOINT_DIR", folder.checkpoints().toAbsolutePath().toString());
        if (settings.paramsAs().contains(ParamsAs.ENV)) {
            params.forEach((k, v) -> env.put(envName(k), String.valueOf(v)));
        }
        if (settings.paramsAs().contains(ParamsAs.JSON)) {
            ObjectNode o = JSON.createObjectNode();
            params.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
            Files.writeString(folder.paramsFile(), JSON.writeValueAsString(o), StandardCharsets.UTF_8);
            env.put("RUNGS_PARAMS_FILE", folder.paramsFile().toAbsolutePath().toString());
        }
        return CommandProcess.start(pb, settings.grace(), folder.temporaryRoot());
    }

    /** {@code RUNGS_PARAM_} and the name in capitals, other characters as underscores. */
    static String envName(String param) {
        return "RUNGS_PARAM_" + param.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A report line, a final-value line, or {@code null} for any other output. */
    static Line parse(String s) {
        String t = s.trim();
        if (!t.startsWith("{")) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(t);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !n.isObject() || !n.has("value") || !n.get("value").isNumber()) {
            return null;
        }
        double v = n.get("value").asDouble();
        if (n.has("step") && n.get("step").isNumber()) {
            return new Line(n.get("step").asLong(), v, false);
        }
        return new Line(null, v, false);
    }
}
