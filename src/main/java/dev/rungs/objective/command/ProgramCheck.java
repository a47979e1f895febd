package dev.rungs.objective.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a program can be started, looked up the way the JDK's launcher does on Linux and
 * macOS: a name with a slash from the working folder, a bare name on Rungs' own PATH. A command
 * started through a wrapper ({@link ProcessGroups}) would otherwise fail inside the wrapper,
 * and the trial would report the wrapper's exit status rather than the reason.
 */
final class ProgramCheck {
    private ProgramCheck() {
    }

    /** Why {@code program} cannot be started from {@code workdir}, or {@code null} if it can. */
    static String whyNotRunnable(String program, Path workdir) {
        if (program.contains("/")) {
            Path p = workdir.resolve(program);
            if (!Files.exists(p)) {
                return "no such file";
            }
            return Files.isDirectory(p) ? "it is a folder" : Files.isExecutable(p) ? null : "not executable";
        }
        boolean seen = false;
        for (String dir : pathFolders()) {
            // An empty or relative entry is relative to the folder the program starts in.
            Path p = workdir.resolve(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(p)) {
                if (Files.isExecutable(p)) {
                    return null;
                }
                seen = true;
            }
        }
        return seen ? "not executable" : "no such file on the PATH";
    }

    /** The executable {@code name} in an absolute folder of the PATH, or {@code null}. */
    static Path onPath(String name) {
        for (String dir : pathFolders()) {
            Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
            if (p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static String[] pathFolders() {
        return System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1);
    }
}
