package dev.rungs.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The process that runs a study, described well enough for a person to find it: host, process
 * id, when that process started (so a reused process id is not mistaken for the holder) and
 * what kind of runner it is.
 *
 * @param host the host name of the machine
 * @param pid the operating system's process id
 * @param processStart when the process started, if the operating system says; null otherwise
 * @param runner what runs the study, e.g. {@code rungs run}, {@code workbench}, {@code library}
 */
public record LeaseHolder(String host, long pid, Instant processStart, String runner) {
    public LeaseHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runner, "runner");
    }

    /** This process, running studies as {@code runner}. */
    public static LeaseHolder thisProcess(String runner) {
        ProcessHandle me = ProcessHandle.current();
        return new LeaseHolder(hostName(), me.pid(), me.info().startInstant().orElse(null), runner);
    }

    /** The name of this machine, as leases record it. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null && !env.isBlank() ? env : "unknown-host";
        }
    }

    /**
     * Whether the holder is known to be gone: it ran on this machine and no process with its id
     * and start time exists any more. A holder on another machine is never known to be gone;
     * only its heartbeat can tell.
     */
    public boolean isGoneFromThisHost() {
        if (!host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Instant> start = p.get().info().startInstant();
        // Same id, other start time: the id was reused by an unrelated process.
        return processStart != null && start.isPresent() && !start.get().equals(processStart);
    }

    /** For messages: {@code process 1234 on host lab-3 (rungs run)}. */
    public String describe() {
        return "process " + pid + " on host " + host + " (" + runner + ")";
    }
}
