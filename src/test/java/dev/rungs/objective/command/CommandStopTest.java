package dev.rungs.objective.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.engine.TunerBuilder;
import dev.rungs.objective.StandaloneContext;
import dev.rungs.objective.TrialStoppedException;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyState;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a run ends its command trials at once, whole process group and all, and leaves
 * nothing behind; the commands are {@code sh} scripts.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CommandStopTest {
    static final Duration GRACE = Duration.ofMillis(500);
    static final Config X = new Config(Map.of("x", 0.5));

    @TempDir
    Path dir;

    CommandObjective objective(String script, Path checkpointRoot) throws IOException {
        Path file = dir.resolve("trial.sh");
        Files.writeString(file, script);
        return new CommandObjective(new CommandObjective.Settings(List.of("sh", file.toString()), dir, null,
                EnumSet.noneOf(CommandObjective.ParamsAs.class), GRACE, checkpointRoot));
    }

    static StandaloneContext ctx() {
        return new StandaloneContext(4, X, 9, new SplittableRandom(1), s -> Decision.CONTINUE);
    }

    static long pgidOf(long pid) {
        return Processes.all().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow().pgid();
    }

    @Test
    void aStopEndsASilentCommandAndItsGroupAtOnceEvenIfTheyIgnoreSigterm() throws Exception {
        StandaloneContext ctx = ctx();
        CommandObjective o = objective(StopScript.SILENT_UNTIL_RESUMED, Files.createDirectories(dir.resolve("checkpoints")));
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(() -> evaluate(o, ctx));
        StopScript.Started started = StopScript.Started.await(dir, 4);
        long pgid = pgidOf(started.pid());
        assertEquals(started.pid(), pgid, "the command leads a process group of its own");
        assertNotEquals(pgidOf(ProcessHandle.current().pid()), pgid);
        waitFor(() -> ctx.steps().size() == 1 && Processes.inGroup(pgid).size() == 3); // sh and two sleeps

        long t0 = System.nanoTime();
        ctx.requestStop();
        ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(20, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.getCause() instanceof TrialStoppedException, e.toString());
        assertTrue(seconds >= GRACE.toMillis() / 1000.0 * 0.9, "SIGKILL came only after the grace period: "
                + seconds + " s");
        assertTrue(seconds < GRACE.toMillis() / 1000.0 + 1.5, "ended " + seconds + " s after the stop");
        assertEquals(List.of(), Processes.inGroup(pgid), "nothing of the group is left");
        Path back = dir.resolve("restored");
        CheckpointFolder.unpack(ctx.checkpoint().orElseThrow(), back);
        assertEquals("1", Files.readString(back.resolve("state")).trim(), "the folder was kept with the trial");
    }

    @Test
    void aStopBeforeTheStartStartsNothing() throws Exception {
        StandaloneContext ctx = ctx();
        ctx.requestStop();
        CommandObjective o = objective(StopScript.SILENT_UNTIL_RESUMED, null);
        assertThrows(TrialStoppedException.class, () -> o.evaluate(X, ctx));
        assertFalse(Files.exists(dir.resolve("started-4")));
    }

    @Test
    void theTemporaryCheckpointFolderIsRemovedWhenTheRunOfTheTrialEnds() throws Exception {
        CommandObjective o = objective(StopScript.SILENT_UNTIL_RESUMED, null);
        StandaloneContext stopped = ctx();
        CompletableFuture<Double> run = CompletableFuture.supplyAsync(() -> evaluate(o, stopped));
        StopScript.Started first = StopScript.Started.await(dir, 4);
        assertTrue(Files.isDirectory(first.checkpoints()));
        stopped.requestStop();
        assertThrows(ExecutionException.class, () -> run.get(20, TimeUnit.SECONDS));
        assertFalse(Files.exists(first.checkpoints().getParent()), "removed after a stop");

        StandaloneContext resumed = ctx();
        resumed.setCheckpoint(stopped.checkpoint().orElseThrow());
        Files.writeString(dir.resolve("trial.sh"), "echo \"$RUNGS_CHECKPOINT_DIR\" > seen\n" + StopScript.SILENT_UNTIL_RESUMED);
        assertEquals(0.5, o.evaluate(X, resumed));
        assertEquals(List.of(2L), resumed.steps(), "it went on from the checkpoint");
        Path second = Path.of(Files.readString(dir.resolve("seen")).trim());
        assertNotEquals(first.checkpoints(), second);
        assertFalse(Files.exists(second.getParent()), "removed after a normal end");
    }

    @Test
    void whatACommandLeavesRunningIsEndedWithIt() throws Exception {
        CommandObjective o = objective("""
                sleep 60 &
                echo $! > left
                echo '{"value": 1}'
                """, null);
        long t0 = System.nanoTime();
        assertEquals(1.0, o.evaluate(X, ctx()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 5, "the sleep holding its output was not waited for: " + seconds + " s");
        long left = Long.parseLong(Files.readString(dir.resolve("left")).trim());
        assertFalse(CommandObjectiveTest.alive(left), "the sleep it left is gone");
    }

    @Test
    void aProgramThatCannotStartFailsWithTheReasonInOneLine() throws Exception {
        Path script = Files.writeString(dir.resolve("train.sh"), "echo '{\"value\": 1}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("cannot start " + script + ": not executable", startFailure(script.toString()));
        Path missing = dir.resolve("missing.sh");
        assertEquals("cannot start " + missing + ": no such file", startFailure(missing.toString()));
        assertEquals("cannot start no-such-program-rungs: no such file on the PATH",
                startFailure("no-such-program-rungs"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(1.0, new CommandObjective(settings(script.toString())).evaluate(X, ctx()));
    }

    private String startFailure(String program) {
        CommandObjective o = new CommandObjective(settings(program));
        return assertThrows(CommandFailedException.class, () -> o.evaluate(X, ctx())).getMessage();
    }

    private CommandObjective.Settings settings(String program) {
        return new CommandObjective.Settings(List.of(program), dir, null, EnumSet.noneOf(CommandObjective.ParamsAs.class),
                GRACE, null);
    }

    @Test
    void aStoppedRunPausesTheTrialAtOnceAndTheNextRunResumesItFromItsCheckpoint() throws Exception {
        InMemoryStudyStore store = new InMemoryStudyStore();
        CommandObjective o = objective(StopScript.SILENT_UNTIL_RESUMED, null);
        SearchSpace space = SearchSpace.builder().floatParam("x", 0, 1).build();
        java.util.function.Supplier<TunerBuilder> study = () -> Tuner.builder(space).name("stop")
                .sampler(new RandomSampler()).seed(3).store(store);
        try (Tuner tuner = study.get().build()) {
            CountDownLatch reported = new CountDownLatch(1);
            tuner.subscribe(ev -> {
                if (ev instanceof TrialEvent.Reported) {
                    reported.countDown();
                }
            });
            RunHandle run = tuner.start(o, Budget.trials(1));
            assertTrue(reported.await(20, TimeUnit.SECONDS));
            StopScript.Started started = StopScript.Started.await(dir, 0);
            long t0 = System.nanoTime();
            run.stop();
            StudyResult r = run.await(Duration.ofSeconds(20));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds < GRACE.toMillis() / 1000.0 + 2, "the run ended " + seconds + " s after the stop");
            Trial t = r.trials().get(0);
            assertEquals(TrialState.PAUSED, t.state(), "stopped, not failed: " + t.attrs());
            assertTrue(t.attrs().containsKey(TrialFact.PAUSED_BY_STOP.key()));
            assertEquals(List.of(), Processes.inGroup(started.pid()));
        }
        assertEquals(StudyState.STOPPED, store.findStudy("stop").orElseThrow().state());
        try (Tuner tuner = study.get().resume().build()) {
            StudyResult r = tuner.optimize(o, Budget.trials(1));
            Trial t = r.trials().get(0);
            assertEquals(TrialState.COMPLETE, t.state(), t.attrs().toString());
            assertEquals(List.of(1L, 2L), List.copyOf(t.intermediate().keySet()), "resumed, not started again");
            assertEquals(0.5, t.value().getAsDouble());
        }
    }

    private static double evaluate(CommandObjective o, StandaloneContext ctx) {
        try {
            return o.evaluate(X, ctx);
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertTrue(condition.getAsBoolean());
    }
}
