package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.RungsApp;
import dev.rungs.space.FloatParam;
import dev.rungs.spec.Methods;
import dev.rungs.spec.StudySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The New study screen headless (Monocle): real clicks and typing on the real form. */
class NewStudyViewTest {
    static final long TIMEOUT_S = 15;

    final FxRobot robot = new FxRobot();
    final List<StudySpec> created = new CopyOnWriteArrayList<>();
    NewStudyViewModel vm;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void show() throws Exception {
        FxToolkit.setupStage(stage -> {
            vm = new NewStudyViewModel(new ImmediateTaskExecutor());
            vm.setOnCreate(created::add);
            Scene scene = new Scene(new NewStudyView(vm, new dev.rungs.app.ScriptedFilePicker()), 1280, 800);
            scene.getStylesheets().add(Objects.requireNonNull(RungsApp.class.getResource("rungs.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anInvalidLowBoundIsNamedAndBlocksCreateUntilFixed() throws Exception {
        TextField low = editor("paramLow", 0);
        retype(low, "abc");

        waitUntil(() -> problemsText().contains("Parameter 1 (x1): low is not a number: 'abc'"));
        assertTrue(fx(() -> button("#createStudy").isDisabled()));
        assertTrue(fx(() -> low.getStyleClass().contains("invalid")));
        assertEquals("low is not a number: 'abc'", fx(() -> low.getTooltip().getText()));
        assertTrue(fx(() -> tableRow(0).getPseudoClassStates().contains(ParamTable.INVALID)));
        assertEquals("low is not a number: 'abc'", fx(() -> tableRow(0).getTooltip().getText()));

        retype(low, "-2");
        waitUntil(() -> !button("#createStudy").isDisabled());
        assertEquals("Ready: the study can be created.", problemsText());
        assertFalse(fx(() -> low.getStyleClass().contains("invalid")));
        assertFalse(fx(() -> tableRow(0).getPseudoClassStates().contains(ParamTable.INVALID)));

        robot.clickOn("#createStudy");
        waitUntil(() -> created.size() == 1);
        StudySpec spec = created.get(0);
        assertEquals(new FloatParam("x1", -2, 10), spec.space().param("x1"));
        assertEquals("branin-tpe", spec.name());
    }

    @Test
    void choosingASamplerShowsItsSettingsSheet() throws Exception {
        String title = Methods.samplers().stream().filter(m -> m.type().equals("grid")).findFirst().orElseThrow()
                .title();
        robot.clickOn("#samplerChoice");
        robot.clickOn("grid  –  " + title);

        waitUntil(() -> robot.lookup("#samplerSettings-points_per_param").tryQuery().isPresent());
        assertEquals("5", fx(() -> robot.lookup("#samplerSettings-points_per_param").queryAs(TextField.class).getText()));
        assertEquals("branin-grid", fx(() -> robot.lookup("#studyName").queryAs(TextField.class).getText()));
        assertTrue(robot.lookup("#samplerSettings-n_startup_trials").tryQuery().isEmpty());
    }

    @Test
    void aMethodWithALongDescriptionKeepsItsNameInTheClosedBox() throws Exception {
        String title = NewStudyViewModel.schedulerTitle("hyperband");
        assertTrue(title.length() > 40, "a long description: " + title);
        robot.clickOn("#schedulerChoice");
        robot.clickOn("hyperband  –  " + title);
        ComboBox<?> choice = robot.lookup("#schedulerChoice").queryAs(ComboBox.class);
        waitUntil(() -> "hyperband".equals(choice.getValue()));
        javafx.scene.control.ListCell<?> shown = fx(() -> (javafx.scene.control.ListCell<?>) choice.getButtonCell());
        assertEquals("hyperband", fx(shown::getText), "the closed box names the method, not its description");
        // and has the room to show it: the long description beside it does not squeeze the box.
        robot.clickOn("#samplerChoice");
        robot.clickOn("bohb  –  " + NewStudyViewModel.samplerTitle("bohb"));
        for (String id : List.of("#samplerChoice", "#schedulerChoice")) {
            ComboBox<?> box = robot.lookup(id).queryAs(ComboBox.class);
            assertTrue(fx(() -> box.getWidth() >= box.prefWidth(-1) - 0.5), id + " is " + fx(box::getWidth) + " wide");
        }
    }

    @Test
    void bohbShowsItsBracketPlanAndADefaultBudgetThatReachesTheMaximumResource() throws Exception {
        robot.clickOn("#objectiveChoice");
        robot.clickOn("mf-hartmann6");
        waitUntil(() -> "mf-hartmann6".equals(vm.objectiveProperty().get()));
        robot.clickOn("#samplerChoice");
        robot.clickOn("bohb  –  " + NewStudyViewModel.samplerTitle("bohb"));
        waitUntil(() -> "hyperband".equals(vm.schedulerTypeProperty().get()));

        String plan = fx(() -> robot.lookup("#rungPlan").queryAs(Label.class).getText());
        assertTrue(plan.startsWith("Bracket s = 4: 81 at 1 → 27 at 3 → 9 at 9 → 3 at 27 → 1 at 81"), plan);
        assertTrue(plan.contains("One full iteration: 143 configurations"), plan);
        assertEquals("143", fx(() -> robot.lookup("#trialsField").queryAs(TextField.class).getText()),
                "the default budget is one full Hyperband iteration");

        robot.clickOn("#createStudy");
        waitUntil(() -> created.size() == 1);
        StudySpec spec = created.get(0);
        assertEquals(143, spec.budget().maxTrials());
        // Run it as the app does: the study ends with configurations at the largest resource.
        dev.rungs.engine.StudyResult r;
        try (var store = dev.rungs.store.sqlite.SqliteStudyStore.open(dir.resolve("bohb.db"));
                var tuner = dev.rungs.spec.StudyFactory.createTuner(spec, store, "test")) {
            r = tuner.optimize(dev.rungs.spec.StudyFactory.createObjective(spec), spec.budget());
        }
        assertEquals(143, r.trials().size());
        assertTrue(r.trials().stream().anyMatch(t -> t.state() == dev.rungs.study.TrialState.COMPLETE
                && "81".equals(t.attrs().get("budget"))), "a trial completed at the maximum resource, 81");

        // A budget the person typed stays theirs when the method changes.
        retype(robot.lookup("#trialsField").queryAs(TextField.class), "40");
        robot.clickOn("#schedulerChoice");
        robot.clickOn("asha  –  " + NewStudyViewModel.schedulerTitle("asha"));
        waitUntil(() -> "asha".equals(vm.schedulerTypeProperty().get()));
        assertEquals("40", fx(() -> robot.lookup("#trialsField").queryAs(TextField.class).getText()));
    }

    @Test
    void aBadSettingIsExplainedBesideIt() throws Exception {
        TextField startup = robot.lookup("#samplerSettings-n_startup_trials").queryAs(TextField.class);
        retype(startup, "ten");

        waitUntil(() -> startup.getStyleClass().contains("invalid"));
        assertEquals("must be a whole number, got 'ten'",
                fx(() -> robot.lookup(".error-text").queryAs(Label.class).getText()));
        assertTrue(problemsText().contains("Sampler tpe, n_startup_trials: must be a whole number, got 'ten'"),
                problemsText());
        assertTrue(fx(() -> button("#createStudy").isDisabled()));
    }

    @Test
    void aBadSpecFileIsReportedInADialog() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"x\", \"objective\": {\"type\": \"benchmark\", \"name\": \"branin\"}, "
                + "\"sampler\": {\"type\": \"annealing\"}, \"budget\": {\"trials\": 5}}");

        fx(() -> {
            vm.loadFrom(file);
            return null;
        });

        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(fx(dialog::getContentText).startsWith("$.sampler.type: unknown sampler \"annealing\""),
                fx(dialog::getContentText));
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isEmpty());
        assertEquals(null, fx(() -> vm.errorProperty().get()));
    }

    // ------------------------------------------------------------------ helpers

    /** Clicks into a field, selects what it holds and types {@code text} over it. */
    void retype(TextField field, String text) {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /** The editor in the parameter table's cell of this column and row. */
    TextField editor(String columnId, int rowIndex) throws Exception {
        TableView<?> table = robot.lookup("#paramsTable").queryTableView();
        return fx(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getIndex() == rowIndex && !c.isEmpty()
                        && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId())
                        && c.getGraphic() instanceof TextField f) {
                    return f;
                }
            }
            throw new AssertionError("no editor in column " + columnId + ", row " + rowIndex);
        });
    }

    /** The table's row showing the parameter at this index; call on the FX thread. */
    TableRow<?> tableRow(int index) {
        for (Node n : robot.lookup("#paramsTable").queryTableView().lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && r.getIndex() == index) {
                return r;
            }
        }
        throw new AssertionError("no table row " + index);
    }

    String problemsText() throws Exception {
        return fx(() -> robot.lookup("#problemsLabel").queryAs(Label.class).getText());
    }

    Button button(String query) {
        return robot.lookup(query).queryButton();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
