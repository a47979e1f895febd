package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle): real clicks on real controls, a real run on the engine
 * threads, and the table read back from the cells the person would see.
 */
class RungsAppTest {
    static final long TIMEOUT_S = 15;

    @TempDir
    Path samples;

    final FxRobot robot = new FxRobot();
    Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    void start(String... sampleNames) throws Exception {
        TestSamples.copy(samples, sampleNames);
        app = FxToolkit.setupApplication(() -> new RungsApp(samples));
        // The samples are read in the background; Run is enabled once one is chosen.
        waitUntil(() -> !robot.lookup("#runButton").queryButton().isDisabled());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void theWindowIsTheRungsWorkbench() throws Exception {
        start("branin-random");
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals("Rungs", stage.getTitle());
        assertEquals(1000, stage.getScene().getWidth(), 1);
        assertEquals(640, stage.getScene().getHeight(), 1);
        assertTrue(text("#statusLabel").startsWith("1 sample in "), text("#statusLabel"));
    }

    @Test
    void runButtonRunsTheSampleAndTheRowShowsTwentyTrialsAndTheBest() throws Exception {
        start("branin-random");
        robot.clickOn("#runButton");

        waitUntil(() -> "20".equals(cell("trialsColumn")) && isNumber(cell("bestColumn")));
        assertEquals("branin-random-1", cell("nameColumn"));
        assertEquals("random", cell("samplerColumn"));
        assertEquals("20", cell("trialsColumn"));
        double best = Double.parseDouble(cell("bestColumn"));
        assertTrue(Double.isFinite(best) && best >= 0.397887 - 1e-6, "Branin's minimum is 0.397887, got " + best);
        waitUntil(() -> "finished".equals(cell("stateColumn")));
        assertTrue(text("#statusLabel").startsWith("branin-random-1 finished: 20 trials"), text("#statusLabel"));
    }

    @Test
    void aBadSpecShowsItsErrorAndTheAppStaysUp() throws Exception {
        start("bad-sampler", "branin-random");
        // bad-sampler comes first and is selected; run it with the keyboard shortcut.
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);

        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals("$.sampler.type: unknown sampler \"annealing\"; known: random, grid, sobol, tpe",
                fx(dialog::getContentText));
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isEmpty());
        assertEquals(0, fx(() -> robot.lookup("#studiesTable").queryTableView().getItems().size()));

        robot.clickOn("#sampleChoice").clickOn("branin-random");
        robot.clickOn("#runButton");
        waitUntil(() -> "20".equals(cell("trialsColumn")));
        assertEquals("branin-random-1", cell("nameColumn"));
    }

    // ------------------------------------------------------------------ helpers

    /** The text the first row shows in the column with this id. */
    String cell(String columnId) throws Exception {
        TableView<?> table = robot.lookup("#studiesTable").queryTableView();
        return fx(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getIndex() == 0 && !c.isEmpty() && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId())) {
                    return c.getText();
                }
            }
            return null;
        });
    }

    String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryLabeled().getText());
    }

    static boolean isNumber(String s) {
        try {
            return s != null && Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
