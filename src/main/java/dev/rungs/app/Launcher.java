package dev.rungs.app;

import dev.rungs.store.StoreLocation;
import dev.rungs.store.sqlite.ProcessSetup;
import javafx.application.Application;

/**
 * Starts the workbench.
 *
 * <p>Deliberately not an {@link Application}: when the main class extends it, the Java
 * launcher insists on JavaFX being on the module path and {@code java -jar rungs.jar} fails
 * with "JavaFX runtime components are missing". A plain class keeps the jar runnable from the
 * classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * Opens the main window.
     *
     * @param args optional {@code --samples=DIR}: the folder whose {@code *}/spec.json files are
     *     offered as samples (default {@code sample-projects} in the working directory)
     */
    public static void main(String[] args) {
        // before anything logs or opens a database: log file and SQLite's native library in the data folder
        ProcessSetup.prepare(StoreLocation.defaultFile().getParent(), true);
        Application.launch(RungsApp.class, args);
    }
}
