package dev.rungs.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a program is on the PATH, for tests that run one. */
final class CommandOnPath {
    private CommandOnPath() {
    }

    static boolean has(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
