package dev.rungs.objective.command;

import dev.rungs.objective.command.CommandObjective.Line;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One started command: its process, its standard output read into {@link Line}s, the tail of
 * its standard error, and, where {@link ProcessGroups#supported()}, its process group and the
 * group's watchdog.
 */
final class CommandProcess {
    private static final int TAIL_LINES = 20;
    /** Put on the queue to wake its reader: not output, the reader checks why it woke. */
    static final Line WAKE = new Line(null, Double.NaN, false);

    final Process process;
    final BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread errReader;
    private final Duration grace;
    private final ProcessGroups.Watchdog watchdog;
    private boolean ended;

    private CommandProcess(Process process, Duration grace, ProcessGroups.Watchdog watchdog) {
        this.process = process;
        this.grace = grace;
        this.watchdog = watchdog;
        Thread out = new Thread(() -> readStdout(process.getInputStream()), "rungs-command-stdout");
        out.setDaemon(true);
        out.start();
        errReader = new Thread(() -> readStderr(process.getErrorStream()), "rungs-command-stderr");
        errReader.setDaemon(true);
        errReader.start();
    }

    /**
     * Starts {@code pb}'s command, in a group of its own where that is supported.
     *
     * @param grace how long it may take to exit once asked to
     * @param litter a folder the watchdog removes if Rungs dies, or {@code null}
     */
    static CommandProcess start(ProcessBuilder pb, Duration grace, Path litter)
            throws IOException, CommandFailedException, InterruptedException {
        List<String> cmd = pb.command();
        String program = cmd.get(0);
        boolean grouped = ProcessGroups.supported();
        if (grouped) {
            String why = ProgramCheck.whyNotRunnable(program, pb.directory().toPath());
            if (why != null) {
                throw new CommandFailedException("cannot start " + program + ": " + why);
            }
            pb.command(ProcessGroups.inOwnGroup(cmd));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new CommandFailedException("cannot start " + program + " in " + pb.directory() + ": "
                    + e.getMessage());
        }
        p.getOutputStream().close();
        ProcessGroups.Watchdog watchdog = null;
        if (grouped) {
            try {
                watchdog = ProcessGroups.watch(p.pid(), grace, litter);
            } catch (IOException e) {
                new CommandProcess(p, grace, null).terminate();
                throw new CommandFailedException("cannot start the watchdog of " + program + ": " + e.getMessage());
            }
        }
        return new CommandProcess(p, grace, watchdog);
    }

    /** Makes a reader waiting on {@link #lines} return {@link #WAKE}. */
    void wake() {
        lines.add(WAKE);
    }

    private void readStdout(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                Line l = CommandObjective.parse(s);
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
     * Ends the command and everything it started, at once: SIGTERM to its process group and to
     * every descendant (some may have left the group), SIGKILL to all that are left after the
     * grace period. The descendants are listed first, since children of a dead parent can no
     * longer be found through it. Later calls do nothing.
     */
    void terminate() throws InterruptedException {
        if (ended) {
            return;
        }
        ended = true;
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        if (watchdog != null) {
            watchdog.endGroup();
        }
        tree.forEach(ProcessHandle::destroy);
        long end = System.nanoTime() + grace.toNanos();
        if (watchdog != null) {
            // It exits once the group is empty, or after killing it when the grace is over.
            watchdog.awaitExit(Duration.ofNanos(end - System.nanoTime()));
        }
        while (System.nanoTime() < end && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(5);
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        if (watchdog != null) {
            watchdog.close(Duration.ofSeconds(2));
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
