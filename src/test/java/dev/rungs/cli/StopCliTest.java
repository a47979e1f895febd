package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.command.Processes;
import dev.rungs.objective.command.StopScript;
import dev.rungs.engine.Tuner;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@code rungs run} in a child JVM, with two command trials that are silent and ignore
 * SIGTERM, is signalled: Ctrl+C and SIGTERM end it within the grace period plus 2 s with nothing
 * left running, and {@code resume} finishes the study; after a SIGKILL the trials' process
 * groups are gone within the grace period plus 5 s.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class StopCliTest {
    static final double GRACE_SECONDS = 1;
    static final int TRIALS = 2;

    @TempDir
    Path dir;

    private Process cli;
    private final List<Long> groups = new ArrayList<>();
    private final Set<Processes.Proc> seen = new HashSet<>();

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (cli != null) {
            cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        // Whatever the outcome, nothing the test started may stay.
        Set<Processes.Proc> left = new HashSet<>(Processes.stillAlive(seen));
        groups.forEach(g -> left.addAll(Processes.inGroup(g)));
        left.forEach(p -> ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalEndsTheRunAtOncePausingItsTrialsAndResumeFinishesThem(String signal) throws Exception {
        Path db = dir.resolve("rungs.db");
        List<StopScript.Started> started = startCli(db);
        Set<Processes.Proc> descendants = descendantsOfCli(started);

        long t0 = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(cli.waitFor((long) GRACE_SECONDS + 10, TimeUnit.SECONDS), "the CLI should exit: " + cliErr());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SIG%s: the CLI exited %.2f s after the signal (grace %.0f s), status %d%n", signal,
                seconds, GRACE_SECONDS, cli.exitValue());
        assertTrue(seconds <= GRACE_SECONDS + 2, "exited " + seconds + " s after SIG" + signal);
        assertEquals(List.of(), Processes.stillAlive(descendants), "no process of the CLI's is left");
        for (StopScript.Started s : started) {
            assertEquals(List.of(), Processes.inGroup(s.pid()), "nothing of trial group " + s.pid() + " is left");
            assertFalse(Files.exists(s.checkpoints().getParent()), "its temporary folder is removed");
        }
        try (StudyStore store = SqliteStudyStore.open(db)) {
            StudyRecord study = store.findStudy("stop").orElseThrow();
            assertEquals(StudyState.STOPPED, study.state());
            for (Trial t : store.trials(study.id())) {
                assertEquals(TrialState.PAUSED, t.state(), "trial " + t.number() + " " + t.attrs());
                assertTrue(t.attrs().containsKey(TrialFact.PAUSED_BY_STOP.key()));
            }
        }

        assertEquals(0, RungsCli.execute("resume", "stop", "--db", db.toString(), "--quiet"));
        try (StudyStore store = SqliteStudyStore.open(db)) {
            StudyRecord study = store.findStudy("stop").orElseThrow();
            assertEquals(StudyState.FINISHED, study.state());
            List<Trial> trials = store.trials(study.id());
            assertEquals(TRIALS, trials.size());
            for (Trial t : trials) {
                assertEquals(TrialState.COMPLETE, t.state(), "trial " + t.number() + " " + t.attrs());
                assertEquals(List.of(1L, 2L), List.copyOf(t.intermediate().keySet()), "resumed from its checkpoint");
            }
        }
    }

    @Test
    void afterSigkillOfTheCliTheTrialsGroupsAreGoneWithinTheGracePeriodAndFiveSeconds() throws Exception {
        List<StopScript.Started> started = startCli(dir.resolve("rungs.db"));
        Set<Processes.Proc> descendants = descendantsOfCli(started);

        long t0 = System.nanoTime();
        cli.destroyForcibly();
        assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
        double limit = GRACE_SECONDS + 5;
        while (!leftOf(started, descendants).isEmpty() && (System.nanoTime() - t0) / 1e9 < limit + 5) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SIGKILL: the trials' groups were gone %.2f s after it (grace %.0f s)%n", seconds,
                GRACE_SECONDS);
        assertEquals(Set.of(), leftOf(started, descendants));
        assertTrue(seconds <= limit, "gone " + seconds + " s after the kill");
        for (StopScript.Started s : started) {
            assertFalse(Files.exists(s.checkpoints().getParent()), "the watchdog removed the temporary folder");
        }
    }

    /** Starts {@code rungs run} on a study of two silent command trials and waits until both run. */
    private List<StopScript.Started> startCli(Path db) throws Exception {
        Files.writeString(dir.resolve("trial.sh"), StopScript.SILENT_UNTIL_RESUMED);
        Path spec = Files.writeString(dir.resolve("spec.json"), """
                {"name": "stop",
                 "objective": {"type": "command", "options": {"command": ["sh", "trial.sh"],
                   "params_as": ["env"], "grace_seconds": %s}},
                 "space": [{"name": "x", "type": "float", "low": 0, "high": 1}],
                 "sampler": {"type": "random"}, "budget": {"trials": %d}, "workers": %d, "seed": 1}
                """.formatted(GRACE_SECONDS, TRIALS, TRIALS));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Through perl, which makes INT and TERM take their default action: a process started in
        // the background of a shell without job control ignores them, and so would the JVM.
        cli = new ProcessBuilder("perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die",
                "--", java, "-cp", System.getProperty("java.class.path"), RungsCli.class.getName(), "run",
                spec.toString(), "--db", db.toString())
                .redirectOutput(dir.resolve("cli.out").toFile())
                .redirectError(dir.resolve("cli.err").toFile())
                .start();
        List<StopScript.Started> started = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            assertTrue(Files.exists(StopScript.Started.awaitFile(dir, trial, 15)), "trial " + trial + " never ran: "
                    + cliErr());
            StopScript.Started s = StopScript.Started.await(dir, trial);
            started.add(s);
            groups.add(s.pid());
        }
        for (StopScript.Started s : started) {
            // sh, the child it left in the background and the sleep it waits for
            for (int i = 0; i < 200 && Processes.inGroup(s.pid()).size() < 3; i++) {
                Thread.sleep(25);
            }
            assertEquals(3, Processes.inGroup(s.pid()).size(), "trial group " + s.pid());
        }
        awaitFirstReports(db);
        return started;
    }

    /**
     * Waits until every trial's step 1 is stored: the script writes its "started" file just before
     * it prints that report, so a signal sent at once could otherwise come before the report is read.
     */
    private void awaitFirstReports(Path db) throws Exception {
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); System.nanoTime() < end;) {
            try (StudyStore store = SqliteStudyStore.openReadOnly(db)) {
                List<Trial> trials = store.findStudy("stop").map(s -> store.trials(s.id())).orElse(List.of());
                if (trials.size() == TRIALS && trials.stream().allMatch(t -> t.intermediate().containsKey(1L))) {
                    return;
                }
            } catch (dev.rungs.store.StoreException stillBeingMade) {
                // the CLI is still creating the file
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the trials' first reports were not stored in time: " + cliErr());
    }

    /** Every process the CLI started, directly or not; the trials' scripts among them. */
    private Set<Processes.Proc> descendantsOfCli(List<StopScript.Started> started) {
        Set<Processes.Proc> d = Processes.descendantsOf(cli.pid());
        seen.addAll(d);
        for (StopScript.Started s : started) {
            assertTrue(d.stream().anyMatch(p -> p.pid() == s.pid()), "trial " + s.pid() + " runs under the CLI");
        }
        return d;
    }

    private static Set<Processes.Proc> leftOf(List<StopScript.Started> started, Set<Processes.Proc> descendants) {
        Set<Processes.Proc> left = new HashSet<>(Processes.stillAlive(descendants));
        for (StopScript.Started s : started) {
            left.addAll(Processes.inGroup(s.pid()));
        }
        return left;
    }

    /** What the CLI printed on standard error, for a failure's message. */
    private String cliErr() throws IOException {
        Path f = dir.resolve("cli.err");
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
