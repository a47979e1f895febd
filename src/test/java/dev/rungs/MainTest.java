package dev.rungs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's one entry point, as a process: the version it prints and where it sends its arguments. */
class MainTest {
    @TempDir
    Path dir;

    @Test
    void versionAndCliVersionPrintThePomsVersion() throws Exception {
        String expected = "rungs " + pomVersion();
        assertEquals(expected, run(classPath(), "--version").out.strip());
        assertEquals(expected, run(classPath(), "cli", "--version").out.strip());
    }

    @Test
    void withoutJavaFxTheWorkbenchSaysWhatIsMissingInOneLineAndTheCliStillRuns() throws Exception {
        String noFx = Arrays.stream(classPath().split(File.pathSeparator))
                .filter(e -> !e.contains("javafx") && !e.contains("openjfx")).collect(Collectors.joining(File.pathSeparator));
        Result app = run(noFx);
        assertEquals(1, app.exit);
        assertTrue(app.err.strip().startsWith("rungs: the workbench needs JavaFX"), app.err);
        assertEquals(1, app.err.strip().lines().count(), app.err);
        assertEquals("rungs " + pomVersion(), run(noFx, "cli", "--version").out.strip());
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(String classPath, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-Djava.awt.headless=true", "-cp", classPath, Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ended");
        return new Result(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    static String pomVersion() throws Exception {
        Matcher m = Pattern.compile("<artifactId>rungs</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the pom names its version");
        return m.group(1);
    }
}
