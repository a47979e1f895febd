package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.scheduler.hyperband.RungAttrs;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11, item 1: a BOHB study made in the form with the budget the form proposes ends with
 * trials at the largest resource (it used to end "0 of 40 trials", every trial paused inside the
 * first bracket). Headless, in the real window, with real clicks.
 */
class BohbStudyAppTest {
    static final long TIMEOUT_S = 90;

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final ScriptedFilePicker files = new ScriptedFilePicker();
    Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void aBohbStudyWithTheProposedBudgetEndsWithTrialsAtTheLargestResource() throws Exception {
        Path db = dir.resolve("studies.db");
        Path samples = Files.createDirectories(dir.resolve("samples"));
        app = FxToolkit.setupApplication(() -> new RungsApp(samples, db, AppPreferences.inMemory(), files));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        assertEquals("100", text("#trialsField"), "without a scheduler, the usual budget");

        robot.clickOn("#objectiveChoice");
        robot.clickOn(listCell("mf-hartmann6"));
        reveal("#samplerChoice");
        robot.clickOn("#samplerChoice");
        robot.clickOn(listCell("bohb  –  "));
        waitUntil(() -> "hyperband".equals(robot.lookup("#schedulerChoice").queryComboBox().getValue()));

        // Hyperband over 1..81 with η = 3: brackets of 81, 34, 15, 8 and 5 new configurations.
        reveal("#rungPlanTable");
        TableView<?> plan = robot.lookup("#rungPlanTable").queryTableView();
        waitUntil(() -> plan.getItems().size() == 5);
        assertEquals("143", text("#trialsField"), "the budget of one full iteration");
        assertTrue(text("#rungPlanResources").startsWith("r = 1, R = 81"), text("#rungPlanResources"));
        assertTrue(text("#rungPlanIteration").startsWith("One full iteration: 143 configurations in 5 brackets"),
                text("#rungPlanIteration"));

        // A smaller R keeps the test quick: 9, 5 and 3 new configurations, and the form proposes 17.
        reveal("#schedulerSettings-max_resource");
        replaceText("#schedulerSettings-max_resource", "9");
        waitUntil(() -> plan.getItems().size() == 3);
        waitUntil(() -> "17".equals(text("#trialsField")));
        assertTrue(text("#rungPlanBudget").startsWith("17 trials complete one full iteration."),
                text("#rungPlanBudget"));

        waitUntil(() -> !robot.lookup("#createStudy").queryButton().isDisabled());
        robot.clickOn("#createStudy");
        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "finished".equals(text("#runState")));

        try (StudyStore store = SqliteStudyStore.openReadOnly(db)) {
            List<Trial> trials = store.trials(store.studies().get(0).id());
            long atLargest = trials.stream().filter(t -> t.state() == TrialState.COMPLETE
                    && "9".equals(t.attrs().get(TrialFact.BUDGET.key()))).count();
            // One iteration ends with 1 + 1 + 3 configurations evaluated at R.
            assertEquals(5, atLargest, trials.toString());
            assertEquals(17, trials.size(), "one iteration's configurations, each a trial");
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Scrolls the form so that the node is in view, as a person would before using it. */
    void reveal(String query) throws Exception {
        Node node = robot.lookup(query).query();
        fx(() -> {
            Parent p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The shown cell of an open drop-down list whose text starts with {@code text}. */
    Node listCell(String text) throws Exception {
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text)));
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text))
                .findFirst().orElseThrow();
    }

    void replaceText(String field, String text) throws Exception {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(f);
        fx(() -> {
            f.selectAll();
            return null;
        });
        robot.write(text);
        waitUntil(() -> text.equals(f.getText()));
    }

    String text(String query) throws Exception {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof TextField f ? f.getText() : ((Labeled) n).getText();
        });
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
