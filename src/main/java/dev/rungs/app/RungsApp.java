package dev.rungs.app;

import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.workbench.WorkbenchView;
import dev.rungs.app.workbench.WorkbenchViewModel;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StoreLocation;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Rungs workbench window.
 *
 * <p>The database comes from, in order: the constructor (tests), the argument
 * {@code --db=FILE}, the system property {@code rungs.db}, the last database opened, and else
 * the default file in the user's data folder ({@link StoreLocation#defaultFile()}). The samples
 * folder likewise from {@code --samples=DIR}, {@code rungs.samples}, {@code sample-projects}
 * in the working directory, or the {@code sample-projects} installed beside the app's jar.
 */
public final class RungsApp extends Application {
    /** The samples folder used when none is given. */
    public static final String DEFAULT_SAMPLES = "sample-projects";
    /** The window's size when none is remembered: fits a 1280 × 800 screen. */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 760;

    private final Path samplesOverride;
    private final Path databaseOverride;
    private final AppPreferences preferences;
    private final FilePicker files;
    private TaskExecutor tasks;
    private WorkbenchViewModel workbench;

    /** The constructor {@link Application#launch} uses. */
    public RungsApp() {
        this.samplesOverride = null;
        this.databaseOverride = null;
        this.preferences = AppPreferences.user();
        this.files = FilePicker.system();
    }

    /** An app on {@code database} offering the samples in {@code samplesFolder}; for tests. */
    RungsApp(Path samplesFolder, Path database, AppPreferences preferences, FilePicker files) {
        this.samplesOverride = Objects.requireNonNull(samplesFolder);
        this.databaseOverride = Objects.requireNonNull(database);
        this.preferences = Objects.requireNonNull(preferences);
        this.files = Objects.requireNonNull(files);
    }

    @Override
    public void start(Stage stage) {
        tasks = DefaultTaskExecutor.forJavaFx();
        Path dbFile = databaseFile();
        StudyStore store;
        ErrorReport openFailed = null;
        try {
            store = SqliteStudyStore.open(dbFile);
            preferences.put(AppPreferences.LAST_DATABASE, dbFile.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            // The window still opens, so the person can pick another database; nothing is saved meanwhile.
            store = new InMemoryStudyStore();
            openFailed = new ErrorReport("Cannot open the database " + dbFile,
                    e.getMessage() + "\n\nStudies of this session are kept in memory only. Use File > Open database "
                            + "or File > New database to choose another file.");
            dbFile = null;
        }
        workbench = new WorkbenchViewModel(store, dbFile, SqliteStudyStore::open, samplesFolder(), preferences, tasks);
        WorkbenchView view = new WorkbenchView(workbench, files);

        Scene scene = new Scene(view, preferences.getDouble(AppPreferences.WINDOW_WIDTH, DEFAULT_WIDTH),
                preferences.getDouble(AppPreferences.WINDOW_HEIGHT, DEFAULT_HEIGHT));
        scene.getStylesheets().add(Objects.requireNonNull(RungsApp.class.getResource("rungs.css")).toExternalForm());
        stage.setTitle("Rungs");
        AppIcon.set(stage);
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            preferences.put(AppPreferences.WINDOW_WIDTH, format(scene.getWidth()));
            preferences.put(AppPreferences.WINDOW_HEIGHT, format(scene.getHeight()));
        });
        stage.show();
        workbench.refresh();
        workbench.restoreOpenStudies();
        if (openFailed != null) {
            ErrorReport report = openFailed;
            Dialogs.showError(view, report, () -> { });
        }
    }

    private static String format(double size) {
        return String.format(Locale.ROOT, "%.0f", size);
    }

    private Path databaseFile() {
        if (databaseOverride != null) {
            return databaseOverride;
        }
        String named = getParameters() == null ? null : getParameters().getNamed().get("db");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String property = System.getProperty("rungs.db");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return preferences.get(AppPreferences.LAST_DATABASE).map(Path::of).orElseGet(StoreLocation::defaultFile);
    }

    private Path samplesFolder() {
        if (samplesOverride != null) {
            return samplesOverride;
        }
        String named = getParameters() == null ? null : getParameters().getNamed().get("samples");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        String property = System.getProperty("rungs.samples");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path here = Path.of(DEFAULT_SAMPLES);
        return Files.isDirectory(here) ? here : besideTheJar().filter(Files::isDirectory).orElse(here);
    }

    /** The samples an installed app carries: next to its jar (jpackage puts both in lib/app). */
    private static Optional<Path> besideTheJar() {
        try {
            Path code = Path.of(RungsApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent()).map(p -> p.resolve(DEFAULT_SAMPLES));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
