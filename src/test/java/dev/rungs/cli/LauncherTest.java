package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.StoreLocation;
import dev.rungs.store.sqlite.ProcessSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code rungs} process: what it leaves in the temporary and data folders. */
@DisabledOnOs(OS.WINDOWS) // destroyForcibly is SIGKILL only on Unix
class LauncherTest {
    @TempDir
    Path dir;

    private Process rungs(Path tmp, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Djava.io.tmpdir=" + tmp,
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
                RungsCli.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        pb.environment().remove("APPDATA");
        return pb.start();
    }

    private Path dataFolder() {
        return StoreLocation.defaultFile(System.getProperty("os.name"), Map.of("XDG_DATA_HOME",
                dir.resolve("data").toString()), dir.resolve("home")).getParent();
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void killedRunsLeaveNoCopyOfTheNativeLibraryInTheTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path spec = dir.resolve("slow.json");
        Files.writeString(spec, """
                {"name": "slow", "objective": {"type": "command", "options": {"command": ["sh", "-c", "sleep 30"]}},
                 "space": [{"name": "x", "type": "float", "low": 0, "high": 1}], "budget": {"trials": 3}}""");
        for (int i = 0; i < 3; i++) {
            Path db = dir.resolve("s" + i + ".db");
            Process p = rungs(tmp, "run", spec.toString(), "--db", db.toString(), "-q");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(db) && System.nanoTime() < until && p.isAlive()) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // the first trial has started
            List<ProcessHandle> trials = p.descendants().toList();
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            trials.forEach(ProcessHandle::destroyForcibly); // the trial's sleep outlives a killed rungs
            assertTrue(Files.exists(db), "the run got as far as its database");
        }
        assertTrue(names(tmp).stream().noneMatch(n -> n.startsWith("sqlite-")), names(tmp).toString());
        try (Stream<Path> libs = Files.walk(dataFolder().resolve("native"))) {
            assertEquals(1, libs.filter(Files::isRegularFile).count(), "one copy, used by every start");
        }
    }

    @Test
    void aQuietRunPrintsOnlyItsSummaryAndAListCreatesNoDataFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path db = dir.resolve("elsewhere").resolve("s.db");
        Files.createDirectories(db.getParent());
        Process list = rungs(tmp, "list", "--db", db.toString());
        assertTrue(new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).startsWith("no studies"));
        assertTrue(list.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, list.exitValue());
        assertTrue(!Files.exists(dataFolder()), "a command that only reads creates no data folder");

        Path spec = dir.resolve("b.json");
        Files.writeString(spec, """
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 3}}""");
        Process run = rungs(tmp, "run", spec.toString(), "--db", db.toString(), "-q");
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, run.exitValue(), err);
        assertEquals("", err);
        assertTrue(out.contains("trials    3 (3 complete)"), out);
        assertTrue(Files.exists(dataFolder().resolve(ProcessSetup.LOG_FILE)), "the log file is in the data folder");
    }
}
