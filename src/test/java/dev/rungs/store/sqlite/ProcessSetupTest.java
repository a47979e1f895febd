package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launchers set up: a log file for third-party lines and one stable copy of SQLite's library. */
class ProcessSetupTest {
    @TempDir
    Path dir;

    static List<Path> under(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void theLibraryIsCopiedOnceAndReusedAndTheUsersChoiceIsKept() throws IOException {
        String path = System.getProperty(ProcessSetup.LIB_PATH_PROPERTY);
        String name = System.getProperty(ProcessSetup.LIB_NAME_PROPERTY);
        try {
            System.clearProperty(ProcessSetup.LIB_PATH_PROPERTY);
            ProcessSetup.useNativeCopyIn(dir);
            List<Path> copies = under(dir);
            assertEquals(1, copies.size(), copies.toString());
            Path lib = copies.get(0);
            assertEquals(lib.getParent().toString(), System.getProperty(ProcessSetup.LIB_PATH_PROPERTY));
            Files.setLastModifiedTime(lib, FileTime.fromMillis(0));
            System.clearProperty(ProcessSetup.LIB_PATH_PROPERTY);
            ProcessSetup.useNativeCopyIn(dir);
            assertEquals(List.of(lib), under(dir), "no second copy");
            assertEquals(0, Files.getLastModifiedTime(lib).toMillis(), "an equal copy is not written again");

            Files.write(lib, new byte[] {1, 2, 3});
            System.clearProperty(ProcessSetup.LIB_PATH_PROPERTY);
            ProcessSetup.useNativeCopyIn(dir);
            assertTrue(Files.size(lib) > 3, "a damaged copy is replaced");

            System.setProperty(ProcessSetup.LIB_PATH_PROPERTY, "/the/users/choice");
            ProcessSetup.useNativeCopyIn(dir.resolve("other"));
            assertFalse(Files.exists(dir.resolve("other")));
        } finally {
            restore(ProcessSetup.LIB_PATH_PROPERTY, path);
            restore(ProcessSetup.LIB_NAME_PROPERTY, name);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aFolderThatMayNotBeCreatedChangesNothing() {
        Path missing = dir.resolve("data").resolve("rungs");
        assertEquals(Optional.empty(), ProcessSetup.prepare(missing, false));
        assertFalse(Files.exists(dir.resolve("data")));
    }

    @Test
    void thirdPartyLogLinesGoToTheLogFileNotTheTerminal() throws Exception {
        Path data = dir.resolve("data");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LogChild.class.getName(),
                data.toString()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("done", out.strip());
        assertEquals("", err, "nothing on the terminal");
        assertTrue(Files.readString(data.resolve(ProcessSetup.LOG_FILE)).contains("WARN smile.regression.Test - a"
                + " third-party warning"));
    }
}
