package dev.rungs.app.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.charts.DensityChart;
import dev.rungs.engine.Budget;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The TPE view in a real (headless) window, driven by mouse and keyboard, computing in the background. */
class TpeViewTest {
    static final long TIMEOUT_S = 15;

    static StudySpec spec;
    static List<Trial> trials;

    final FxRobot robot = new FxRobot();
    DefaultTaskExecutor tasks;
    TpeViewModel vm;

    @BeforeAll
    static void study() throws Exception {
        FxToolkit.registerPrimaryStage();
        spec = SpecReader.parse(TpeViewModelTest.BRANIN_SPEC);
        BenchmarkProblem branin = BenchmarkProblems.byName("branin");
        try (Tuner tuner = Tuner.builder(branin.space()).minimize().sampler(new TpeSampler()).seed(1).build()) {
            trials = tuner.optimize(branin, Budget.trials(30)).trials();
        }
    }

    @BeforeEach
    void show() throws Exception {
        tasks = DefaultTaskExecutor.forJavaFx();
        FxToolkit.setupStage(stage -> {
            vm = new TpeViewModel(tasks);
            stage.setScene(new Scene(new TpeView(vm, new dev.rungs.app.ScriptedFilePicker()), 900, 560));
            stage.show();
            vm.setStudy(spec, trials);
        });
        waitUntil(() -> chart().data() != null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.shutdown();
    }

    DensityChart chart() {
        return robot.lookup("#tpeDensityChart").queryAs(DensityChart.class);
    }

    String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryLabeled().getText());
    }

    @Test
    void startsAtTheLatestTrialOfTheFirstParameter() throws Exception {
        assertEquals("Trial 29 of 30", text("#tpeTrialLabel"));
        assertEquals("x1", fx(() -> chart().data().parameter()));
        assertTrue(text("#tpeMessage").startsWith("Trial 29: TPE split the 29 trials before it"),
                text("#tpeMessage"));
        assertFalse(fx(() -> robot.lookup("#tpeExportPng").queryAs(Button.class).isDisabled()));
    }

    @Test
    void choosingAParameterInTheComboBoxRedrawsTheChartForIt() throws Exception {
        robot.clickOn("#tpeParamChoice").clickOn("x2");
        waitUntil(() -> chart().data() != null && "x2".equals(chart().data().parameter()));
        assertEquals("x2", fx(() -> vm.selectedParameterProperty().get()));
        assertEquals(trials.get(29).config().getDouble("x2"), fx(() -> chart().data().picked()));
        assertEquals("TPE's model of x2 when trial 29 was proposed", fx(() -> chart().titleProperty().get()));
    }

    @Test
    void theSliderMovesThroughTheTrialsWithTheKeyboard() throws Exception {
        robot.clickOn("#tpeTrialSlider");
        waitUntil(() -> fx(() -> robot.lookup("#tpeTrialSlider").query().isFocused()));
        robot.type(KeyCode.HOME);
        waitUntil(() -> "Trial 0 of 30".equals(text("#tpeTrialLabel")));
        robot.type(KeyCode.RIGHT, 3);
        waitUntil(() -> "Trial 3 of 30".equals(text("#tpeTrialLabel")));
        waitUntil(() -> text("#tpeMessage").startsWith("Trial 3 was proposed at random"));
        assertEquals(3, fx(() -> chart().data().goodObservations().length + chart().data().badObservations().length));

        robot.type(KeyCode.END);
        robot.type(KeyCode.LEFT);
        waitUntil(() -> "Trial 28 of 30".equals(text("#tpeTrialLabel")));
        waitUntil(() -> chart().data().goodObservations().length + chart().data().badObservations().length == 28);
        assertNotEquals(trials.get(28).config().getDouble("x1"), trials.get(29).config().getDouble("x1"));
        assertEquals(trials.get(28).config().getDouble("x1"), fx(() -> chart().data().picked()));
    }

    /**
     * Issue #11 item 4: the chart lagged its slider by one trial. While the thumb is dragged,
     * the slider's value lies between trials; the chart must show the trial the thumb is
     * nearest (it showed the one below), and after the release the slider rests on that trial.
     */
    @Test
    void draggingTheSliderShowsTheTrialUnderTheThumbWithoutLag() throws Exception {
        Slider slider = robot.lookup("#tpeTrialSlider").queryAs(Slider.class);
        Node thumb = fx(() -> slider.lookup(".thumb"));
        robot.drag(thumb, MouseButton.PRIMARY);
        try {
            // Left until the thumb rests past the middle between two trials.
            double value = fx(slider::getValue);
            for (int step = 0; step < 200 && !(frac(value) > 0.55 && frac(value) < 0.95 && value < 25); step++) {
                robot.moveBy(-1, 0);
                value = fx(slider::getValue);
            }
            assertTrue(frac(value) > 0.55 && frac(value) < 0.95, "the thumb stopped between trials: " + value);
            int nearest = (int) Math.round(value);
            waitUntil(() -> ("Trial " + nearest + " of 30").equals(text("#tpeTrialLabel")));
            waitUntil(() -> chart().data() != null
                    && chart().data().goodObservations().length + chart().data().badObservations().length == nearest);
            assertEquals(trials.get(nearest).config().getDouble("x1"), fx(() -> chart().data().picked()));
        } finally {
            robot.release(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
        double rest = fx(slider::getValue);
        assertEquals(Math.rint(rest), rest, "the slider snaps to a trial when let go");
        int shown = (int) rest;
        waitUntil(() -> ("Trial " + shown + " of 30").equals(text("#tpeTrialLabel")));
        waitUntil(() -> chart().data().goodObservations().length + chart().data().badObservations().length == shown);
    }

    static double frac(double v) {
        return v - Math.floor(v);
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
