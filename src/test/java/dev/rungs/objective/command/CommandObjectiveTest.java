package dev.rungs.objective.command;

import dev.rungs.objective.StandaloneContext;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command objective with real child processes (Python scripts, standard library only). */
class CommandObjectiveTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        assumeTrue(onPath("python3"), "python3 is not on the PATH; the command objective tests need it");
    }

    static boolean onPath(String program) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(p, program))) {
                return true;
            }
        }
        return false;
    }

        /** Trial 4 with budget 9, answering each report with {@code decide}. */
    static StandaloneContext ctx(Config config, LongFunction<Decision> decide) {
        return new StandaloneContext(4, config, 9, new SplittableRandom(1), decide);
    }

    static StandaloneContext ctx(Config config) {
        return ctx(config, s -> Decision.CONTINUE);
    }

    CommandObjective objective(String script, Duration timeout, EnumSet<CommandObjective.ParamsAs> as)
            throws IOException {
        Path file = dir.resolve("script.py");
        Files.writeString(file, script);
        Path checkpoints = Files.createDirectories(dir.resolve("checkpoints"));
        return new CommandObjective(new CommandObjective.Settings(List.of("python3", file.toString()), dir, timeout,
                as, Duration.ofMillis(300), checkpoints));
    }

    CommandObjective objective(String script) throws IOException {
        return objective(script, Duration.ofSeconds(60), EnumSet.allOf(CommandObjective.ParamsAs.class));
    }

    static final Config X = new Config(Map.of("x", 0.5));

    @Test
    void reportsEveryStepAndReturnsTheLastValue() throws Exception {
        StandaloneContext ctx = ctx(X);
        double v = objective("""
                import json
                print("starting")
                for s in range(1, 4):
                    print(json.dumps({"step": s, "value": s / 10}), flush=True)
                """, Duration.ofSeconds(60), EnumSet.noneOf(CommandObjective.ParamsAs.class)).evaluate(X, ctx);
        assertEquals(List.of(1L, 2L, 3L), ctx.steps());
        assertEquals(List.of(0.1, 0.2, 0.3), ctx.values());
        assertEquals(0.3, v);
    }

    @Test
    void aFinalLineIsTheResult() throws Exception {
        StandaloneContext ctx = ctx(X);
        double v = objective("""
                print('{"step": 1, "value": 0.9}')
                print('{"value": 0.75}')
                """).evaluate(X, ctx);
        assertEquals(List.of(1L), ctx.steps());
        assertEquals(0.75, v);
    }

    @Test
    void parametersArriveAsArgumentsEnvironmentAndJson() throws Exception {
        Config c = new Config(Map.of("lr", 0.01, "layers", 3L, "opt-name", "adam"));
        StandaloneContext ctx = ctx(c);
        objective("""
                import json, os, sys
                seen = {"argv": sys.argv[1:],
                        "env": {k: v for k, v in os.environ.items() if k.startswith("RUNGS_")},
                        "file": json.load(open(os.environ["RUNGS_PARAMS_FILE"]))}
                json.dump(seen, open("seen.json", "w"))
                print(json.dumps({"value": 1}))
                """).evaluate(c, ctx);
        JsonNode seen = new ObjectMapper().readTree(dir.resolve("seen.json").toFile());
        List<String> argv = new ArrayList<>();
        seen.get("argv").forEach(a -> argv.add(a.asText()));
        assertEquals(List.of("--layers=3", "--lr=0.01", "--opt-name=adam"), argv);
        JsonNode env = seen.get("env");
        assertEquals("0.01", env.get("RUNGS_PARAM_LR").asText());
        assertEquals("3", env.get("RUNGS_PARAM_LAYERS").asText());
        assertEquals("adam", env.get("RUNGS_PARAM_OPT_NAME").asText());
        assertEquals("4", env.get("RUNGS_TRIAL").asText());
        assertEquals("9", env.get("RUNGS_BUDGET").asText());
        assertTrue(env.get("RUNGS_CHECKPOINT_DIR").asText().endsWith("trial-4"));
        JsonNode file = seen.get("file");
        assertEquals(0.01, file.get("lr").asDouble());
        assertEquals(3, file.get("layers").asInt());
        assertTrue(file.get("layers").isIntegralNumber());
        assertEquals("adam", file.get("opt-name").asText());
    }

    @Test
    void stopEndsTheWholeTreeEvenIfItIgnoresSigterm() throws Exception {
        StandaloneContext ctx = ctx(X, s -> s == 2 ? Decision.STOP : Decision.CONTINUE);
        long t0 = System.nanoTime();
        double v = objective("""
                import json, signal, subprocess, sys, time
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                child = subprocess.Popen([sys.executable, "-c",
                    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"])
                open("pids.txt", "w").write("%d %d" % (__import__("os").getpid(), child.pid))
                for s in range(1, 100):
                    print(json.dumps({"step": s, "value": s}), flush=True)
                    time.sleep(0.05)
                """).evaluate(X, ctx);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(2.0, v);
        assertEquals(List.of(1L, 2L), ctx.steps());
        assertTrue(seconds < 20, "returned after " + seconds + " s");
        String[] pids = Files.readString(dir.resolve("pids.txt")).trim().split(" ");
        for (String pid : pids) {
            assertFalse(alive(Long.parseLong(pid)), "process " + pid + " should be gone");
        }
    }

    /** Alive and not a zombie (a killed grandchild may wait to be reaped by init). */
    static boolean alive(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 50; i++) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return false;
            }
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (Files.exists(stat)) {
                String s = Files.readString(stat);
                if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                    return false;
                }
            }
            Thread.sleep(100);
        }
        return true;
    }

    @Test
    void aTrialPastItsTimeoutFails() throws Exception {
        StandaloneContext ctx = ctx(X);
        long t0 = System.nanoTime();
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> objective("""
                import time
                print('{"step": 1, "value": 0.5}', flush=True)
                time.sleep(60)
                """, Duration.ofSeconds(1), EnumSet.noneOf(CommandObjective.ParamsAs.class)).evaluate(X, ctx));
        assertEquals("timed out after 1 s", e.getMessage());
        assertEquals(List.of(1L), ctx.steps());
        assertTrue((System.nanoTime() - t0) / 1e9 < 20);
    }

    @Test
    void aCrashFailsWithTheTailOfStderr() throws Exception {
        StandaloneContext ctx = ctx(X);
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> objective("""
                import sys
                for i in range(30):
                    print("log line %d" % i, file=sys.stderr)
                print("ValueError: bad learning rate", file=sys.stderr)
                sys.exit(3)
                """).evaluate(X, ctx));
        assertTrue(e.getMessage().startsWith("command exited with status 3"), e.getMessage());
        assertTrue(e.getMessage().endsWith("ValueError: bad learning rate"), e.getMessage());
        String tail = ctx.userAttrs().get(CommandObjective.STDERR_TAIL);
        assertTrue(tail.contains("log line 29") && !tail.contains("log line 5\n"), tail);
    }

    @Test
    void noValueIsAFailure() throws Exception {
        CommandFailedException e = assertThrows(CommandFailedException.class,
                () -> objective("print('hello')").evaluate(X, ctx(X)));
        assertTrue(e.getMessage().contains("printed no value"), e.getMessage());
    }

    @Test
    void aMissingProgramIsAFailure() throws Exception {
        CommandObjective o = new CommandObjective(new CommandObjective.Settings(List.of("no-such-program-rungs"), dir,
                null, EnumSet.noneOf(CommandObjective.ParamsAs.class), Duration.ofMillis(100), dir));
        CommandFailedException e = assertThrows(CommandFailedException.class, () -> o.evaluate(X, ctx(X)));
        assertTrue(e.getMessage().startsWith("cannot start no-such-program-rungs"), e.getMessage());
    }

    static final String RESUMABLE = """
            import json, os, time
            state = os.path.join(os.environ["RUNGS_CHECKPOINT_DIR"], "state.txt")
            start = int(open(state).read()) if os.path.exists(state) else 0
            for s in range(start + 1, int(os.environ["RUNGS_BUDGET"]) + 1):
                with open(state + ".tmp", "w") as f:
                    f.write(str(s))
                os.replace(state + ".tmp", state)
                print(json.dumps({"step": s, "value": s * float(os.environ["RUNGS_PARAM_X"])}), flush=True)
                time.sleep(0.2)
            """;

    @Test
    void thePausedCheckpointFolderComesBackOnResume() throws Exception {
        CommandObjective o = objective(RESUMABLE);
        StandaloneContext first = ctx(X, s -> s == 3 ? Decision.PAUSE : Decision.CONTINUE);
        o.evaluate(X, first);
        assertEquals(List.of(1L, 2L, 3L), first.steps());

        StandaloneContext resumed = ctx(X);
        resumed.setCheckpoint(first.checkpoint().orElseThrow());
        double v = o.evaluate(X, resumed);
        assertEquals(List.of(4L, 5L, 6L, 7L, 8L, 9L), resumed.steps());
        assertEquals(4.5, v);
    }

    @Test
    void anExploitRestartsWithTheNewParametersOnTheDonorsFolder() throws Exception {
        CommandObjective o = objective(RESUMABLE);
        StandaloneContext donor = ctx(X, s -> s == 6 ? Decision.PAUSE : Decision.CONTINUE);
        o.evaluate(X, donor);

        Config doubled = new Config(Map.of("x", 1.0));
        StandaloneContext[] self = new StandaloneContext[1];
        self[0] = ctx(X, s -> {
            if (s == 2 && self[0].config() == X) {
                self[0].setConfig(doubled);
                self[0].setCheckpoint(donor.checkpoint().orElseThrow());
                return new Decision.Exploit(0, doubled);
            }
            return Decision.CONTINUE;
        });
        double v = o.evaluate(X, self[0]);
        assertArrayEquals(new Object[] {1L, 2L, 7L, 8L, 9L}, self[0].steps().toArray());
        assertEquals(List.of(0.5, 1.0, 7.0, 8.0, 9.0), self[0].values());
        assertEquals(9.0, v);
    }

    @Test
    void outputLinesAreParsed() {
        assertEquals(3L, CommandObjective.parse("{\"step\": 3, \"value\": 0.91}").step());
        assertEquals(0.91, CommandObjective.parse(" {\"step\": 3, \"value\": 0.91} ").value());
        assertEquals(null, CommandObjective.parse("{\"value\": 2}").step());
        assertEquals(null, CommandObjective.parse("epoch 3 loss 0.2"));
        assertEquals(null, CommandObjective.parse("{\"loss\": 0.2}"));
        assertEquals(null, CommandObjective.parse("{\"value\": \"high\"}"));
        assertEquals(null, CommandObjective.parse("{broken"));
        assertEquals("RUNGS_PARAM_OPT_NAME", CommandObjective.envName("opt-name"));
    }
}
