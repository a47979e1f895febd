package dev.rungs.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file or folder read-only for the duration of a test. Permission bits do not stop
 * root (and CI runs as root), so as root the path is made immutable with {@code chattr +i},
 * which stops root too; the test is skipped where neither works.
 */
public final class ReadOnlyPath implements AutoCloseable {
    private final Path path;
    private final boolean immutable;
    private final Set<PosixFilePermission> before;

    private ReadOnlyPath(Path path, boolean immutable, Set<PosixFilePermission> before) {
        this.path = path;
        this.immutable = immutable;
        this.before = before;
    }

    public static ReadOnlyPath of(Path p) throws IOException, InterruptedException {
        if ("root".equals(System.getProperty("user.name"))) {
            Assumptions.assumeTrue(run("chattr", "+i", p.toString()), "chattr +i is not available");
            return new ReadOnlyPath(p, true, null);
        }
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
        return new ReadOnlyPath(p, false, before);
    }

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        try {
            Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            pr.getInputStream().readAllBytes();
            return pr.waitFor(30, TimeUnit.SECONDS) && pr.exitValue() == 0;
        } catch (IOException e) {
            return false; // no chattr on this system
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            run("chattr", "-i", path.toString());
        } else {
            Files.setPosixFilePermissions(path, before);
        }
    }
}
