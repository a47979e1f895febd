package dev.rungs.app;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What a test of the real window (headless, Monocle) starts from: the app on a database of its own. */
abstract class AppWindowTest {
    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final ScriptedFilePicker files = new ScriptedFilePicker();
    /** Reads the window as RungsAppTest does: cells, labels, the progress line. */
    final RungsAppTest window = new RungsAppTest();
    private Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Opens the window on {@code db}. */
    void start(Path db) throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        app = FxToolkit.setupApplication(() -> new RungsApp(samples, db, AppPreferences.inMemory(), files));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    /** Selects the list's first study once it shows {@code state}, and opens it in a run view. */
    void openFirstStudy(String state) throws Exception {
        RungsAppTest.waitUntil(() -> state.equals(window.cell("#studiesTable", "stateColumn")));
        robot.clickOn(robot.lookup("#studiesTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#openStudy");
        RungsAppTest.waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent()
                && state.equals(window.text("#runState")));
    }

    boolean disabled(String query) throws Exception {
        return RungsAppTest.fx(() -> robot.lookup(query).query().isDisabled());
    }
}
