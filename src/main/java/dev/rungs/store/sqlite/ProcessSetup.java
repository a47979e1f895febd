package dev.rungs.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * What a launcher (the CLI's and the app's main) sets up before anything else runs, in the data
 * folder (the default database's folder):
 *
 * <ul>
 *   <li>Third-party log lines (Smile's warnings, through slf4j-simple) go to {@value #LOG_FILE}
 *       there instead of the terminal. slf4j-simple reads its settings once, when the first
 *       logger is made, hence before anything else.</li>
 *   <li>SQLite's native library is loaded from one copy in {@code native/} there. Left alone,
 *       sqlite-jdbc extracts a fresh copy with a random name into the temporary folder on every
 *       start and deletes it at a normal exit only, so each killed process leaves a megabyte
 *       behind (with a lock file that stops sqlite-jdbc's own clean-up).</li>
 * </ul>
 *
 * A data folder that does not exist and may not be created, or cannot be written, changes
 * nothing: the libraries keep their defaults.
 */
public final class ProcessSetup {
    /**
     * The log file's name in the data folder. slf4j-simple empties it when a process makes its
     * first logger, so it holds the lines of the last process that logged.
     */
    public static final String LOG_FILE = "rungs.log";
    /** Where the launchers append the details of internal errors, which outlive the next start. */
    public static final String ERROR_LOG = "rungs-errors.log";
    static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    static final String LIB_PATH_PROPERTY = "org.sqlite.lib.path";
    static final String LIB_NAME_PROPERTY = "org.sqlite.lib.name";

    private ProcessSetup() {
    }

    /**
     * Sets the process up in {@code dataFolder}.
     *
     * @param mayCreate whether the folder may be created (not by commands that only read)
     * @return the data folder, when it is usable
     */
    public static Optional<Path> prepare(Path dataFolder, boolean mayCreate) {
        try {
            if (mayCreate) {
                Files.createDirectories(dataFolder);
            }
        } catch (IOException e) {
            return Optional.empty(); // the store reports an unusable folder when it opens there
        }
        if (!Files.isDirectory(dataFolder) || !Files.isWritable(dataFolder)) {
            return Optional.empty();
        }
        Path log = dataFolder.resolve(LOG_FILE);
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, log.toString());
        }
        useNativeCopyIn(dataFolder.resolve("native"));
        return Optional.of(dataFolder);
    }

    /**
     * Points sqlite-jdbc at a copy of its native library in {@code folder}, written there (whole,
     * by rename) when it is missing or differs from the one in the driver's jar.
     */
    static void useNativeCopyIn(Path folder) {
        if (System.getProperty(LIB_PATH_PROPERTY) != null) {
            return; // the user chose a library
        }
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return; // a platform the jar has no library for: sqlite-jdbc explains that itself
            }
            byte[] lib = in.readAllBytes();
            Path dir = folder.resolve("sqlite-" + SQLiteJDBCLoader.getVersion());
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || !Arrays.equals(lib, Files.readAllBytes(file))) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, name, ".part");
                try {
                    Files.write(tmp, lib);
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            System.setProperty(LIB_PATH_PROPERTY, dir.toString());
            System.setProperty(LIB_NAME_PROPERTY, name);
        } catch (IOException e) {
            // sqlite-jdbc falls back to its own extraction into the temporary folder
        }
    }
}
