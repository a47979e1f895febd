package dev.rungs.objective.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The processes of this machine as the tests see them: read from /proc on Linux, from
 * {@code ps} on macOS. Zombies (dead, waiting to be reaped) do not count as alive.
 */
public final class Processes {
    /** One live process; {@code started} tells a pid's new owner from the old one (0 where unknown). */
    public record Proc(long pid, long ppid, long pgid, long started) {
    }

    private Processes() {
    }

    /** Every live process. */
    public static List<Proc> all() {
        return Files.isDirectory(Path.of("/proc/self")) ? fromProc() : fromPs();
    }

    /** The live processes in group {@code pgid}. */
    public static List<Proc> inGroup(long pgid) {
        return all().stream().filter(p -> p.pgid() == pgid).toList();
    }

    /** The live processes whose chain of parents leads to {@code ancestor}. */
    public static Set<Proc> descendantsOf(long ancestor) {
        List<Proc> all = all();
        Map<Long, Proc> byPid = new HashMap<>();
        all.forEach(p -> byPid.put(p.pid(), p));
        Set<Proc> found = new HashSet<>();
        for (Proc p : all) {
            for (Proc up = byPid.get(p.ppid()); up != null; up = byPid.get(up.ppid())) {
                if (up.pid() == ancestor) {
                    found.add(p);
                    break;
                }
                if (up.pid() == up.ppid()) {
                    break;
                }
            }
        }
        return found;
    }

    /** Which of {@code seen} still run (the same pid started at the same time). */
    public static List<Proc> stillAlive(Set<Proc> seen) {
        Set<Proc> now = new HashSet<>(all());
        return seen.stream().filter(now::contains).toList();
    }

    private static List<Proc> fromProc() {
        List<Proc> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(d.resolve("stat"), StandardCharsets.UTF_8);
                } catch (IOException gone) {
                    continue;
                }
                // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
                // utime stime cutime cstime priority nice threads itrealvalue starttime ...
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (f[0].equals("Z") || f[0].equals("X")) {
                    continue;
                }
                out.add(new Proc(Long.parseLong(name), Long.parseLong(f[1]), Long.parseLong(f[2]),
                        Long.parseLong(f[19])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<Proc> fromPs() {
        List<Proc> out = new ArrayList<>();
        try {
            Process ps = new ProcessBuilder("ps", "-A", "-o", "pid=,ppid=,pgid=,stat=").start();
            for (String line : new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 4 || f[3].startsWith("Z")) {
                    continue;
                }
                out.add(new Proc(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), 0));
            }
            ps.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }
}
