package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.RungsApp;
import dev.rungs.app.ScriptedFilePicker;
import dev.rungs.space.FloatParam;
import dev.rungs.spec.Methods;
import dev.rungs.spec.SpecReader;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
    final ScriptedFilePicker files = new ScriptedFilePicker();
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
            Scene scene = new Scene(new NewStudyView(vm, files), 1280, 800);
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
    void anInvalidLowBoundIsMarkedWithItsMessageAndBlocksCreateUntilFixed() throws Exception {
        TextField low = editor("paramLow", 0);
        retype(low, "abc");

        waitUntil(() -> problemsText().contains("Parameter 1 (x1): low is not a number: 'abc'"));
        assertTrue(fx(() -> button("#createStudy").isDisabled()));
        waitUntil(() -> "low is not a number: 'abc'".equals(decorationTip(low)));
        assertTrue(fx(() -> low.getStyleClass().contains(FieldDecorations.INVALID)));
        assertEquals("low is not a number: 'abc'", fx(() -> low.getTooltip().getText()),
                "the field's own tooltip says it too");
        assertEquals(null, fx(() -> decorationTip(editor("paramHigh", 0))), "only the cell at fault is marked");

        retype(low, "-2");
        waitUntil(() -> !button("#createStudy").isDisabled());
        assertEquals("Ready: the study can be created.", problemsText());
        waitUntil(() -> decorationTip(low) == null);
        assertFalse(fx(() -> low.getStyleClass().contains(FieldDecorations.INVALID)));
        assertEquals("Smallest value", fx(() -> low.getTooltip().getText()), "and then its usual one again");

        robot.clickOn("#createStudy");
        waitUntil(() -> created.size() == 1);
        StudySpec spec = created.get(0);
        assertEquals(new FloatParam("x1", -2, 10), spec.space().param("x1"));
        assertEquals("branin-tpe", spec.name());
    }

    @Test
    void aFieldOfTheFormIsMarkedWithTheMessageItsLineShows() throws Exception {
        TextField trials = robot.lookup("#trialsField").queryAs(TextField.class);
        retype(trials, "many");

        waitUntil(() -> "must be a whole number, got 'many'".equals(decorationTip(trials)));
        assertTrue(problemsText().contains("Trials: must be a whole number, got 'many'"), problemsText());
        assertTrue(robot.lookup(".field-error").queryAllAs(Label.class).stream()
                .anyMatch(l -> "must be a whole number, got 'many'".equals(l.getText()) && l.isVisible()));

        // The trials are judged with the time limit: setting one changes the trials' message.
        retype(trials, "0");
        waitUntil(() -> "must be at least 1 (or set a time limit)".equals(decorationTip(trials)));
        retype(robot.lookup("#timeField").queryAs(TextField.class), "30");
        waitUntil(() -> decorationTip(trials) == null);
    }

    @Test
    void choosingASamplerShowsItsSettingsWithTheirDescriptions() throws Exception {
        robot.clickOn("#samplerChoice");
        robot.clickOn("grid  –  " + title("grid"));

        waitUntil(() -> robot.lookup("#samplerSettings-points_per_param").tryQuery().isPresent());
        assertEquals("5", fx(() -> robot.lookup("#samplerSettings-points_per_param").queryAs(TextField.class).getText()));
        assertTrue(fx(() -> robot.lookup("#samplerSettings").queryAs(Node.class) != null
                && robot.lookup("#samplerSettings .property-sheet").tryQuery().isPresent()));
        assertTrue(fx(() -> robot.from(robot.lookup("#samplerSettings").queryAs(Node.class)).lookup(".label")
                .queryAllAs(Label.class).stream().anyMatch(l -> ("values per continuous parameter (and per large "
                        + "integer range) (default 5)").equals(l.getText()))));
        assertEquals("branin-grid", fx(() -> robot.lookup("#studyName").queryAs(TextField.class).getText()));
        assertTrue(robot.lookup("#samplerSettings-n_startup_trials").tryQuery().isEmpty());
    }

    @Test
    void aBadSettingIsMarkedBesideIt() throws Exception {
        TextField startup = robot.lookup("#samplerSettings-n_startup_trials").queryAs(TextField.class);
        retype(startup, "ten");

        waitUntil(() -> "must be a whole number, got 'ten'".equals(decorationTip(startup)));
        assertTrue(problemsText().contains("Sampler tpe, n_startup_trials: must be a whole number, got 'ten'"),
                problemsText());
        assertTrue(fx(() -> button("#createStudy").isDisabled()));

        // A value of the right kind that the method refuses is marked with the method's message.
        TextField candidates = robot.lookup("#samplerSettings-n_ei_candidates").queryAs(TextField.class);
        retype(startup, "10");
        retype(candidates, "0");
        waitUntil(() -> decorationTip(candidates) != null && decorationTip(startup) == null);
        assertTrue(problemsText().contains("Sampler tpe, n_ei_candidates: " + decorationTip(candidates)), problemsText());
    }

    /** The check: a setting edited in the property sheet's own editor is in the spec Save spec… writes. */
    @Test
    void editingSettingsInThePropertySheetChangesTheSavedSpec() throws Exception {
        retype(robot.lookup("#samplerSettings-n_startup_trials").queryAs(TextField.class), "20");
        robot.clickOn("#samplerSettings-multivariate");
        waitUntil(() -> Boolean.TRUE.equals(vm.sampler().setting("multivariate").value()));

        Path file = dir.resolve("edited.json");
        files.answer(file);
        robot.clickOn("#saveSpec");
        waitUntil(() -> Files.exists(file));
        StudySpec saved = SpecReader.read(file);
        assertEquals(20L, saved.sampler().settings().get("n_startup_trials"));
        assertEquals(true, saved.sampler().settings().get("multivariate"));
        assertEquals("Saved " + file, fx(() -> robot.lookup("#newStudyStatus").queryAs(Label.class).getText()));
    }

    /** Issue item 3: the closed box showed the method's long description, cut to an ellipsis. */
    @Test
    void theMethodBoxesShowTheChosenNameWhateverItsDescription() throws Exception {
        robot.clickOn("#samplerChoice");
        robot.clickOn("bohb  –  " + title("bohb"));
        waitUntil(() -> "bohb".equals(vm.sampler().typeProperty().get()));
        robot.clickOn("#schedulerChoice");
        robot.clickOn("successive_halving  –  " + fx(() -> vm.scheduler().titleOf("successive_halving")));
        waitUntil(() -> "successive_halving".equals(vm.scheduler().typeProperty().get()));

        assertEquals("bohb", shownText("#samplerChoice"));
        assertEquals("successive_halving", shownText("#schedulerChoice"));
        assertEquals(title("bohb"), fx(() -> robot.lookup("#samplerChoice").queryComboBox().getTooltip().getText()));
        // and they have the room for it: the long description beside them does not squeeze them.
        for (String id : List.of("#samplerChoice", "#schedulerChoice")) {
            ComboBox<?> box = robot.lookup(id).queryComboBox();
            assertTrue(fx(() -> box.getWidth() >= box.prefWidth(-1) - 0.5), id + " is " + fx(box::getWidth) + " wide");
        }
    }

    /** Issue 11, item 1, in the form: BOHB shows its plan and proposes a budget that reaches the largest resource. */
    @Test
    void bohbShowsItsBracketPlanAndADefaultBudgetThatReachesTheLargestResource() throws Exception {
        robot.clickOn("#objectiveChoice");
        robot.clickOn("mf-hartmann6");
        waitUntil(() -> "mf-hartmann6".equals(vm.objectiveProperty().get()));
        robot.clickOn("#samplerChoice");
        robot.clickOn("bohb  –  " + title("bohb"));
        waitUntil(() -> "hyperband".equals(vm.scheduler().typeProperty().get()));

        TableView<?> plan = robot.lookup("#rungPlanTable").queryTableView();
        waitUntil(() -> plan.getItems().size() == 5);
        RungPlanViewModel.BracketLine first = (RungPlanViewModel.BracketLine) fx(() -> plan.getItems().get(0));
        assertEquals(new RungPlanViewModel.BracketLine("s = 4", "81 at 1 → 27 at 3 → 9 at 9 → 3 at 27 → 1 at 81", 81,
                81 + 27 * 3 + 9 * 9 + 3 * 27 + 81), first, "a benchmark function is run afresh at each rung");
        assertEquals("r = 1, R = 81 (max_resource 0: the objective's largest resource per trial), η = 3",
                labelText("#rungPlanResources"));
        assertTrue(labelText("#rungPlanIteration").startsWith("One full iteration: 143 configurations in 5 brackets"),
                labelText("#rungPlanIteration"));
        assertEquals("143", fx(() -> robot.lookup("#trialsField").queryAs(TextField.class).getText()),
                "the default budget is one full Hyperband iteration");
        assertEquals("143 trials complete one full iteration.", labelText("#rungPlanBudget"));

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

        // A budget the person typed stays theirs when the method changes, and the plan says what it means.
        retype(robot.lookup("#trialsField").queryAs(TextField.class), "40");
        waitUntil(() -> labelText("#rungPlanBudget").startsWith("40 trials start fewer configurations than one full "
                + "iteration needs (143)."));
        robot.clickOn("#schedulerChoice");
        robot.clickOn("asha  –  " + fx(() -> vm.scheduler().titleOf("asha")));
        waitUntil(() -> "asha".equals(vm.scheduler().typeProperty().get()));
        assertEquals("40", fx(() -> robot.lookup("#trialsField").queryAs(TextField.class).getText()));
        assertEquals(List.of(), fx(() -> List.copyOf(vm.problems())));
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
        assertEquals(null, fx(() -> vm.specFiles().errorProperty().get()));
    }

    // ------------------------------------------------------------------ helpers

    /** The tooltip of the decoration ValidationSupport put on {@code control}, or null without one. */
    static String decorationTip(Control control) {
        for (Node n : control.getChildrenUnmodifiable()) {
            if (n instanceof Label l && l.getTooltip() != null && l.isVisible()) {
                return l.getTooltip().getText();
            }
        }
        return null;
    }

    /** The text a combo box's closed button shows, as drawn (an ellipsis where it is cut). */
    String shownText(String query) throws Exception {
        return fx(() -> {
            ComboBox<?> box = robot.lookup(query).queryComboBox();
            ListCell<?> cell = (ListCell<?>) box.lookup(".list-cell");
            return ((Text) cell.lookup(".text")).getText();
        });
    }

    static String title(String sampler) {
        return Methods.samplers().stream().filter(m -> m.type().equals(sampler)).findFirst().orElseThrow().title();
    }

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

    String labelText(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
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
