package dev.rungs.objective.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rungs.objective.Objective;
import dev.rungs.objective.TrialContext;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command per trial. The trial's parameters reach it as arguments
 * ({@code --name=value}), environment variables ({@code RUNGS_PARAM_NAME}) and a JSON file
 * (path in {@code RUNGS_PARAMS_FILE}), as chosen. It also gets {@code RUNGS_TRIAL},
 * {@code RUNGS_BUDGET} and {@code RUNGS_CHECKPOINT_DIR}, a folder of its own that is kept with
 * the trial (packed into its checkpoint) and copied when PBT clones the trial.
 *
 * <p>The command reports by printing JSON lines: {@code {"step": 3, "value": 0.91}} is an
 * intermediate report, {@code {"value": 0.93}} without a step is the final result; otherwise the
 * last reported value is the result. Other output is ignored. A STOP or PAUSE decision ends the
 * whole process tree (terminate, then kill after a grace period); a PBT exploit restarts it with
 * the new parameters on the donor's checkpoint folder. The folder is packed each time a report
 * is read, while the command keeps running, so a command should write its checkpoint before it
 * prints the report, and atomically (a temporary file, then a rename). A trial fails if the command exits with a
 * non-zero status (the tail of its standard error is kept in the trial's {@code stderr_tail}
 * attribute and the failure reason), runs past its timeout, or prints no value.
 */
public final class CommandObjective implements Objective {
    /** The user attribute holding the last lines of a failed command's standard error. */
    public static final String STDERR_TAIL = "stderr_tail";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TAIL_LINES = 20;

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
     * @param checkpointRoot where the trials' checkpoint folders are made
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
        Path dir = settings.checkpointRoot().resolve("trial-" + ctx.trialNumber());
        CheckpointFolder.unpack(ctx.restoreCheckpoint().orElse(null), dir);
        long deadline = settings.timeout() == null ? Long.MAX_VALUE
                : System.nanoTime() + settings.timeout().toNanos();
        Run run = start(config, ctx, dir);
        Double last = null;
        Double result = null;
        long lastStep = Long.MIN_VALUE;
        try {
            while (true) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0) {
                    run.terminate();
                    throw new CommandFailedException("timed out after " + seconds(settings.timeout()) + " s");
                }
                Line line = run.lines.poll(Math.min(wait, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                if (line == null) {
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
                byte[] packed = CheckpointFolder.pack(dir);
                if (packed != null) {
                    ctx.saveCheckpoint(packed);
                }
                Decision d = ctx.report(line.step(), line.value());
                if (d instanceof Decision.Exploit) {
                    // PBT: carry on from the donor's folder with the new parameters.
                    run.terminate();
                    CheckpointFolder.unpack(ctx.restoreCheckpoint().orElse(null), dir);
                    run = start(ctx.config(), ctx, dir);
                    lastStep = Long.MIN_VALUE;
                    continue;
                }
                if (!d.shouldContinue()) {
                    run.terminate();
                    if (d instanceof Decision.Pause) {
                        // Packed again now that the process is gone, so the folder is complete.
                        packed = CheckpointFolder.pack(dir);
                        if (packed != null) {
                            ctx.saveCheckpoint(packed);
                        }
                    }
                    return last;
                }
            }
            long wait = Math.max(0, deadline - System.nanoTime());
            if (!run.process.waitFor(Math.min(wait, TimeUnit.DAYS.toNanos(365)), TimeUnit.NANOSECONDS)) {
                run.terminate();
                throw new CommandFailedException("timed out after " + seconds(settings.timeout()) + " s");
            }
            run.stderrDone();
            int status = run.process.exitValue();
            if (status != 0) {
                String tail = run.stderrTail();
                ctx.setUserAttr(STDERR_TAIL, tail);
                throw new CommandFailedException("command exited with status " + status
                        + (tail.isEmpty() ? " and printed nothing on stderr" : "; stderr ends with:\n" + tail));
            }
            byte[] packed = CheckpointFolder.pack(dir);
            if (packed != null) {
                ctx.saveCheckpoint(packed);
            }
            Double value = result != null ? result : last;
            if (value == null) {
                throw new CommandFailedException("the command printed no value; print a line such as "
                        + "{\"step\": 1, \"value\": 0.5} or {\"value\": 0.5}");
            }
            return value;
        } catch (InterruptedException e) {
            run.terminate();
            throw e;
        } finally {
            if (run.process.isAlive()) {
                run.terminate();
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    private Run start(Config config, TrialContext ctx, Path dir) throws IOException, CommandFailedException {
        List<String> cmd = new ArrayList<>(settings.command());
        Map<String, Object> params = new TreeMap<>(config.values());
        if (settings.paramsAs().contains(ParamsAs.ARGS)) {
            params.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(settings.workdir().toFile());
        Map<String, String> env = pb.environment();
        env.put("RUNGS_TRIAL", Integer.toString(ctx.trialNumber()));
        env.put("RUNGS_BUDGET", Long.toString(ctx.budget()));
        env.put("RUNGS_CHECKPOINT_DIR", dir.toAbsolutePath().toString());
        if (settings.paramsAs().contains(ParamsAs.ENV)) {
            params.forEach((k, v) -> env.put(envName(k), String.valueOf(v)));
        }
        if (settings.paramsAs().contains(ParamsAs.JSON)) {
            Path file = settings.checkpointRoot().resolve("trial-" + ctx.trialNumber() + "-params.json");
            ObjectNode o = JSON.createObjectNode();
            params.forEach((k, v) -> o.set(k, JSON.valueToTree(v)));
            Files.writeString(file, JSON.writeValueAsString(o), StandardCharsets.UTF_8);
            env.put("RUNGS_PARAMS_FILE", file.toAbsolutePath().toString());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot start " + cmd.get(0) + " in " + settings.workdir() + ": "
                    + e.getMessage());
        }
        p.getOutputStream().close();
        return new Run(p, settings.grace());
    }

    /** {@code RUNGS_PARAM_} and the name in capitals, other characters as underscores. */
    static String envName(String param) {
        return "RUNGS_PARAM_" + param.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** One running process with its output readers. */
    private static final class Run {
        final Process process;
        final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        private final Deque<String> stderr = new ArrayDeque<>();
        private final Thread errReader;
        private final Duration grace;

        Run(Process process, Duration grace) {
            this.process = process;
            this.grace = grace;
            Thread out = new Thread(() -> readStdout(process.getInputStream()), "rungs-command-stdout");
            out.setDaemon(true);
            out.start();
            errReader = new Thread(() -> readStderr(process.getErrorStream()), "rungs-command-stderr");
            errReader.setDaemon(true);
            errReader.start();
        }

        private void readStdout(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String s = r.readLine(); s != null; s = r.readLine()) {
                    Line l = parse(s);
                    if (l != null) {
                        lines.add(l);
                    }
                }
            } catch (IOException e) {
                // The stream closes when the process is killed; what was read counts.
            } finally {
                lines.add(new Line(null, 0, true));
            }
        }

        private void readStderr(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String s = r.readLine(); s != null; s = r.readLine()) {
                    synchronized (stderr) {
                        stderr.addLast(s);
                        if (stderr.size() > TAIL_LINES) {
                            stderr.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // as above
            }
        }

        void stderrDone() throws InterruptedException {
            errReader.join(2000);
        }

        String stderrTail() {
            synchronized (stderr) {
                return String.join("\n", stderr);
            }
        }

        /**
         * Ends the process and everything it started: SIGTERM to all, then a kill to any still
         * alive after the grace period. The descendants are listed first, since children of a
         * dead parent can no longer be found through it.
         */
        void terminate() throws InterruptedException {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(0, process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            long end = System.nanoTime() + grace.toNanos();
            while (System.nanoTime() < end && tree.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(20);
            }
            for (ProcessHandle h : tree) {
                if (h.isAlive()) {
                    h.destroyForcibly();
                }
            }
            process.waitFor(5, TimeUnit.SECONDS);
        }
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
