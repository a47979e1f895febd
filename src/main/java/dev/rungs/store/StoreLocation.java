package dev.rungs.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the study database lives when the user names no file: the per-user data folder the
 * operating system has for applications (DESIGN.md, Storage).
 *
 * <ul>
 *   <li>Linux and other Unixes: {@code $XDG_DATA_HOME/rungs/rungs.db}, or
 *       {@code ~/.local/share/rungs/rungs.db} when {@code XDG_DATA_HOME} is unset or not an
 *       absolute path (the XDG spec says to ignore relative values).</li>
 *   <li>macOS: {@code ~/Library/Application Support/Rungs/rungs.db}.</li>
 *   <li>Windows: {@code %APPDATA%\Rungs\rungs.db}, or {@code ~\AppData\Roaming\Rungs\rungs.db}
 *       when {@code APPDATA} is unset.</li>
 * </ul>
 *
 * The folder is not created here; the store creates it when it opens the file.
 */
public final class StoreLocation {
    /** File name of the database inside the data folder. */
    public static final String FILE_NAME = "rungs.db";

    private StoreLocation() {
    }

    /** The default database file for the current user on this operating system. */
    public static Path defaultFile() {
        return defaultFile(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /**
     * The default database file for a given operating system name (as in the
     * {@code os.name} property), environment and home folder; separate so that every
     * platform's rule can be tested on any machine.
     */
    public static Path defaultFile(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData)
                    : home.resolve("AppData").resolve("Roaming");
            return base.resolve("Rungs").resolve(FILE_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Rungs").resolve(FILE_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : home.resolve(".local").resolve("share");
        return base.resolve("rungs").resolve(FILE_NAME);
    }
}
