package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a project that depends on Rungs as a library gets: the class path without the optional
 * dependencies (JavaFX, ControlsFX, JFreeChart, Smile and its natives, SLF4J) still runs the
 * engine, the CLI and the README's example, and a dataset objective says in one line what is
 * missing.
 */
class WithoutOptionalDependenciesTest {
    /** Jars a library user does not get: the pom marks them, or what brings them, optional. */
    private static final Pattern OPTIONAL = Pattern.compile(
            "openjfx|javafx|controlsfx|jfree|haifengl|smile|bytedeco|parso|slf4j|"
                    // test-only jars, which no user gets either
                    + "junit|opentest4j|apiguardian|archunit|testfx|monocle|hamcrest|assertj|osgi");

    @TempDir
    Path dir;

    private record Ran(int exit, String out, List<String> err) {
    }

    private Ran run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!OPTIONAL.matcher(Path.of(entry).getFileName().toString()).find()) {
                kept.add(entry);
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", String.join(File.pathSeparator, kept), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process ended");
        return new Ran(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readAllLines(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static Path sample(String name) {
        return Path.of("sample-projects", name, "spec.json").toAbsolutePath();
    }

    @Test
    void theCliRunsABenchmarkStudy() throws Exception {
        Ran r = run("dev.rungs.cli.RungsCli", "run", sample("branin-tpe").toString(), "--db",
                dir.resolve("s.db").toString(), "--trials", "5");
        assertEquals(0, r.exit(), r.err().toString());
        assertTrue(r.out().contains("5 complete"), r.out());
    }

    @Test
    void aDatasetObjectiveSaysInOneLineThatSmileIsMissing() throws Exception {
        Ran r = run("dev.rungs.cli.RungsCli", "run", sample("iris-random-forest-hyperband").toString(), "--db",
                dir.resolve("s.db").toString());
        assertEquals(2, r.exit(), "bad input: " + r.err());
        assertEquals(1, r.err().size(), r.err().toString());
        assertTrue(r.err().get(0).startsWith("rungs: bad spec: "), r.err().get(0));
        assertTrue(r.err().get(0).contains("need Smile") && r.err().get(0).contains("smile-core"), r.err().get(0));
        assertFalse(Files.exists(dir.resolve("s.db")), "nothing was created");
    }

    @Test
    void theReadmeExampleRuns() throws Exception {
        Ran r = run("dev.rungs.TuneExample", dir.resolve("t.db").toString());
        assertEquals(0, r.exit(), r.err().toString());
        assertTrue(r.out().startsWith("best "), r.out());
    }
}
