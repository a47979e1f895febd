package dev.rungs.app;

import dev.rungs.app.studies.StudiesView;
import dev.rungs.app.studies.StudiesViewModel;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyStore;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Rungs workbench window. For now it holds the study list; features join as tabs later.
 *
 * <p>The samples folder comes from, in order: the constructor (tests), the argument
 * {@code --samples=DIR}, the system property {@code rungs.samples}, and else
 * {@code sample-projects} in the working directory.
 */
public final class RungsApp extends Application {
    /** The samples folder used when none is given. */
    public static final String DEFAULT_SAMPLES = "sample-projects";

    private final Path samplesOverride;
    private StudyStore store;
    private TaskExecutor tasks;
    private StudiesViewModel studies;

    /** The constructor {@link Application#launch} uses. */
    public RungsApp() {
        this.samplesOverride = null;
    }

    /** An app that offers the samples in {@code samplesFolder}; for tests. */
    RungsApp(Path samplesFolder) {
        this.samplesOverride = Objects.requireNonNull(samplesFolder);
    }

    @Override
    public void start(Stage stage) {
        // In memory until the SQLite store lands: studies last as long as the window.
        store = new InMemoryStudyStore();
        tasks = DefaultTaskExecutor.forJavaFx();
        studies = new StudiesViewModel(store, samplesFolder(), tasks);
        StudiesView view = new StudiesView(studies);

        Scene scene = new Scene(view, 1000, 640);
        scene.getStylesheets().add(Objects.requireNonNull(RungsApp.class.getResource("rungs.css")).toExternalForm());
        stage.setTitle("Rungs");
        stage.setMinWidth(640);
        stage.setMinHeight(400);
        stage.setScene(scene);
        stage.show();
        studies.refresh();
    }

    private Path samplesFolder() {
        if (samplesOverride != null) {
            return samplesOverride;
        }
        String named = getParameters() == null ? null : getParameters().getNamed().get("samples");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        return Path.of(System.getProperty("rungs.samples", DEFAULT_SAMPLES));
    }

    @Override
    public void stop() {
        if (studies != null) {
            studies.shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        if (store != null) {
            store.close();
        }
    }
}
