package dev.rungs.app;

import static dev.rungs.app.RungsAppTest.fx;
import static dev.rungs.app.RungsAppTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.spec.SpecReader;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The window's shell, headless with real clicks (issue 11): File > Open database opens an
 * existing file with no replace prompt, the status bar counts what the list shows, a finished
 * study and an export are notified, and the trials table's state filter is a set of check boxes.
 */
class WorkbenchShellAppTest extends AppWindowTest {

    @Test
    void openDatabaseOnAnExistingFileOpensItWithoutAReplacePrompt() throws Exception {
        Path existing = dir.resolve("existing.db");
        RungsAppTest.stoppedStudy(existing);
        start(dir.resolve("first.db"));
        waitUntil(() -> "0 studies".equals(window.text("#studyCountLabel")));

        files.answer(existing);
        robot.clickOn("#fileMenu");
        robot.clickOn("#openDatabaseItem");
        waitUntil(() -> ("Database: " + existing.toAbsolutePath()).equals(window.text("#databaseLabel")));
        assertEquals("open", files.lastDialog(), "an open dialog, not a save dialog");
        waitUntil(() -> "branin-sobol".equals(window.cell("#studiesTable", "nameColumn")));
        assertEquals("1 study", window.text("#studyCountLabel"));
        assertTrue(robot.lookup("#confirmDialog").tryQuery().isEmpty(), "nobody asked to replace it");
        assertTrue(robot.lookup("#errorDialog").tryQuery().isEmpty());
    }

    @Test
    void helpAboutShowsTheVersionTheLicenceAndTheLibraries() throws Exception {
        start(dir.resolve("studies.db"));
        robot.clickOn("#helpMenu");
        robot.clickOn("#aboutItem");
        waitUntil(() -> robot.lookup("#aboutTitle").tryQuery().isPresent());
        assertEquals("Rungs " + dev.rungs.study.RungsVersion.VERSION, window.text("#aboutTitle"));
        List<String> names = fx(() -> robot.lookup("#aboutLibraries").<TableView<dev.rungs.app.about.AboutViewModel.Library>>query()
                .getItems().stream().map(dev.rungs.app.about.AboutViewModel.Library::name).toList());
        assertTrue(names.contains("ControlsFX") && names.contains("JFreeSVG") && names.contains("SQLite JDBC (with SQLite, public domain)"),
                names.toString());
        assertTrue(fx(() -> org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage().getIcons().size()) >= 5, "the window carries the icon at several sizes");
    }

    @Test
    void newDatabaseIsASaveDialogAndCreatesTheFile() throws Exception {
        start(dir.resolve("first.db"));
        Path fresh = dir.resolve("fresh.db");
        files.answer(fresh);
        robot.clickOn("#fileMenu");
        robot.clickOn("#newDatabaseItem");
        waitUntil(() -> ("Database: " + fresh.toAbsolutePath()).equals(window.text("#databaseLabel")));
        assertEquals("save", files.lastDialog());
        assertTrue(java.nio.file.Files.exists(fresh));
    }

    /** A study made in the form runs to its end out of sight: a notification says how it ended. */
    @Test
    void aFinishedStudyAndACsvExportShowANotification() throws Exception {
        start(dir.resolve("studies.db"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        window.replaceText("#trialsField", "25");
        robot.clickOn("#createStudy");

        waitUntil(() -> notification("branin-tpe-1 finished").isPresent());
        String text = notification("branin-tpe-1 finished").orElseThrow();
        assertTrue(text.contains("25 of 25 trials · best "), text);
        assertTrue(text.contains("trial budget reached (25)"), text);
        assertEquals("1 study", window.text("#studyCountLabel"), "the count follows the list");

        Path csv = dir.resolve("out.csv");
        files.answer(csv);
        robot.clickOn("#exportCsv");
        waitUntil(() -> notification("Exported the trials of branin-tpe-1").isPresent());
        assertEquals(csv.toString(), notification("Exported the trials of branin-tpe-1").orElseThrow());
    }

    /** While a long study runs, the status bar shows its progress; a click there brings its tab to the front. */
    @Test
    void theStatusBarShowsTheRunningStudysProgress() throws Exception {
        start(dir.resolve("studies.db"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        robot.clickOn("#samplerChoice");
        robot.clickOn(window.listCell("random  –  "));
        window.replaceText("#trialsField", "1000000");
        robot.clickOn("#createStudy");
        waitUntil(() -> robot.lookup("#statusRun").query().isVisible()
                && window.text("#statusRunText").contains(" of 1000000 trials"));
        assertTrue(window.text("#statusRunText").contains(" of 1000000 trials"), window.text("#statusRunText"));
        robot.clickOn("#studiesTab");
        robot.clickOn("#statusRunText");
        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "running".equals(window.text("#runState")));
        robot.clickOn("#runStop");
        waitUntil(() -> !robot.lookup("#statusRun").query().isVisible());
    }

    /** Issue 11: the state filter is a CheckComboBox; the person checks any set of states. */
    @Test
    void theTrialsTableShowsTheStatesCheckedInTheFilter() throws Exception {
        Path db = dir.resolve("studies.db");
        try (StudyStore store = SqliteStudyStore.open(db)) {
            mixedStudy(store);
        }
        start(db);
        openFirstStudy("stopped");
        robot.clickOn("#trialsTab");
        TableView<?> table = robot.lookup("#trialsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 9);
        assertEquals("All states", fx(() -> ((org.controlsfx.control.CheckComboBox<?>) robot.lookup("#trialStateFilter")
                .query()).getTitle()));

        robot.clickOn("#trialStateFilter");
        clickCheckBox("complete");
        waitUntil(() -> table.getItems().size() == 5);
        clickCheckBox("pruned");
        waitUntil(() -> table.getItems().size() == 3);
        assertEquals("3 of 9", window.text("#trialCount"));
        assertTrue(fx(() -> table.getItems().stream().map(t -> ((Trial) t).state()).toList())
                .stream().noneMatch(s -> s == TrialState.COMPLETE || s == TrialState.PRUNED));
        clickCheckBox("complete");
        waitUntil(() -> table.getItems().size() == 7);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertEquals("All but pruned", fx(() -> ((org.controlsfx.control.CheckComboBox<?>)
                robot.lookup("#trialStateFilter").query()).getTitle()));
    }

    // ------------------------------------------------------------------ helpers

    /** Clicks the check box of the open filter's item {@code label}. */
    void clickCheckBox(String label) throws Exception {
        waitUntil(() -> checkBox(label).isPresent());
        robot.clickOn(checkBox(label).orElseThrow());
    }

    Optional<Node> checkBox(String label) {
        return robot.lookup(".check-box").queryAll().stream()
                .filter(n -> n instanceof CheckBox && n.isVisible() && n.getScene() != null
                        && n.getScene().getWindow() instanceof PopupWindow)
                .filter(n -> {
                    Node cell = n.getParent();
                    return cell instanceof Labeled l && label.equals(l.getText());
                })
                .findFirst();
    }

    /** The text under the notification titled {@code title}, if one shows now. */
    static Optional<String> notification(String title) {
        try {
            return fx(() -> {
                for (Window w : Window.getWindows()) {
                    if (!(w instanceof PopupWindow) || !w.isShowing() || w.getScene() == null) {
                        continue;
                    }
                    List<String> texts = w.getScene().getRoot().lookupAll(".label").stream()
                            .filter(n -> n instanceof Labeled).map(n -> ((Labeled) n).getText())
                            .filter(t -> t != null && !t.isEmpty()).toList();
                    int at = texts.indexOf(title);
                    if (at >= 0 && at + 1 < texts.size()) {
                        return Optional.of(texts.get(at + 1));
                    }
                }
                return Optional.empty();
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stopped study of nine trials: 4 complete, 2 pruned, 1 failed, 1 running, 1 paused. */
    static void mixedStudy(StudyStore store) {
        StudyRecord s = store.createStudy("mixed", Direction.MINIMIZE, """
                {"name": "mixed", "objective": {"type": "benchmark", "name": "branin"},
                 "sampler": {"type": "random"}, "budget": {"trials": 20}, "seed": 1}""", Map.of());
        List<TrialState> states = List.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.COMPLETE, TrialState.FAIL,
                TrialState.PAUSED, TrialState.RUNNING, TrialState.PRUNED, TrialState.COMPLETE, TrialState.COMPLETE);
        for (int i = 0; i < states.size(); i++) {
            Trial t = Trial.running(i, new Config(Map.of("x1", 1.0 + i, "x2", 2.0)), Map.of(), Instant.now());
            if (states.get(i) == TrialState.COMPLETE || states.get(i) == TrialState.PRUNED) {
                t = t.withValue(10.0 - i);
            }
            store.addTrial(s.id(), t.withState(states.get(i), Instant.now()));
        }
        store.setStudyState(s.id(), dev.rungs.store.StudyState.STOPPED);
        assertFalse(SpecReader.parse(s.specJson()).name().isEmpty());
    }
}
