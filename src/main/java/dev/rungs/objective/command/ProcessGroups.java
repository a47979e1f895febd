package dev.rungs.objective.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Process groups for commands, on Linux and macOS: each command runs in a group of its own, so
 * that everything it starts can be signalled at once, and a watchdog ends the group if Rungs dies.
 *
 * <p>Java cannot create a process group, so the command is started through perl (part of both
 * systems, unlike {@code setsid}, which macOS lacks): {@code setpgrp(0, 0)}, then {@code exec}
 * of the command, which keeps the pid, so the group's id is the command's pid. It stays in Rungs'
 * session, so a Ctrl+C in the terminal reaches Rungs, and Rungs ends the group itself.
 *
 * <p>The watchdog is a shell started beside the command, in Rungs' group, that ignores INT,
 * TERM and HUP and reads a pipe whose writing end only the Rungs process holds (Java closes every
 * other descriptor in its children). A line ({@link Watchdog#endGroup}) or the end of the pipe,
 * which is what the death of Rungs looks like (even by SIGKILL), makes it send SIGTERM to the
 * group, wait until the group is empty or the grace period is over, and send SIGKILL. When Rungs
 * died it also removes the trial's temporary folder, which nobody else will.
 *
 * <p>On Windows, which has neither, and where perl is missing, commands run as they are and are
 * ended through {@link ProcessHandle} (the process and the descendants it still has; on Windows
 * that is a kill at once). Nothing watches for Rungs' death there: a command it leaves running
 * goes on until it ends.
 */
final class ProcessGroups {
    private static final String START_IN_OWN_GROUP = "setpgrp(0, 0) or die \"rungs: setpgrp: $!\\n\"; "
            + "exec {$ARGV[0]} @ARGV or do { print STDERR \"cannot start $ARGV[0]: $!\\n\"; exit 127 }";

    // $1 the group, $2 the grace period in seconds, $3 a folder to remove if Rungs died. The grace
    // is timed by a sleep of its own, so that a slow machine's slower polling does not stretch it.
    private static final String WATCHDOG = """
            trap '' INT TERM HUP
            IFS= read -r order
            kill -TERM -$1 2>/dev/null
            sleep "$2" &
            timer=$!
            while kill -0 $timer 2>/dev/null && kill -0 -$1 2>/dev/null; do sleep 0.05; done
            kill -KILL -$1 2>/dev/null
            kill -KILL $timer 2>/dev/null
            if [ "$order" != stop ] && [ -n "$3" ]; then rm -rf -- "$3"; fi
            """;

    private static final Path PERL = findPerl();

    private ProcessGroups() {
    }

    /** Whether commands get a process group and a watchdog here. */
    static boolean supported() {
        return PERL != null;
    }

    /** {@code command} as started in a group of its own; only where {@link #supported()}. */
    static List<String> inOwnGroup(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(PERL.toString(), "-e", START_IN_OWN_GROUP, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * Starts the watchdog of group {@code pgid}.
     *
     * @param grace how long the group may take to exit after SIGTERM
     * @param litter a folder to remove if Rungs dies, or {@code null}
     */
    static Watchdog watch(long pgid, Duration grace, Path litter) throws IOException {
        String seconds = String.format(Locale.ROOT, "%.3f", grace.toMillis() / 1000.0);
        Process p = new ProcessBuilder("/bin/sh", "-c", WATCHDOG, "rungs-watchdog", Long.toString(pgid), seconds,
                litter == null ? "" : litter.toAbsolutePath().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new Watchdog(p);
    }

    /** The watchdog of one command's group. */
    static final class Watchdog {
        private final Process process;

        private Watchdog(Process process) {
            this.process = process;
        }

        /** Tells it to end the group now (SIGTERM, SIGKILL after the grace period); it exits after that. */
        void endGroup() {
            try (OutputStream out = process.getOutputStream()) {
                out.write("stop\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException gone) {
                // it has exited already, and so has the group it watched
            }
        }

        /** Waits until it has exited (after {@link #endGroup}: the group is gone) or {@code timeout} is over. */
        void awaitExit(Duration timeout) throws InterruptedException {
            process.waitFor(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        }

        /** Waits at most {@code timeout} for it to exit, then kills it. */
        void close(Duration timeout) throws InterruptedException {
            awaitExit(timeout);
            process.destroyForcibly();
        }
    }

    private static Path findPerl() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                || !Files.isExecutable(Path.of("/bin/sh"))) {
            return null;
        }
        Path usual = Path.of("/usr/bin/perl");
        return Files.isExecutable(usual) ? usual : ProgramCheck.onPath("perl");
    }
}
