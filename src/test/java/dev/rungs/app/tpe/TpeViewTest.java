package dev.rungs.app.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.ScriptedFilePicker;
import dev.rungs.app.charts.ChartTheme;
import dev.rungs.app.charts.DensityChart;
import dev.rungs.app.charts.DensityData;
import dev.rungs.engine.Budget;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import javax.xml.parsers.DocumentBuilderFactory;

/** The TPE view in a real (headless) window, driven by mouse and keyboard, computing in the background. */
class TpeViewTest {
    static final long TIMEOUT_S = 15;

    static StudySpec spec;
    static List<Trial> trials;

    final FxRobot robot = new FxRobot();
    DefaultTaskExecutor tasks;
    TpeViewModel vm;
    ScriptedFilePicker files;
    TpeView view;

    @TempDir
    Path dir;

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
        files = new ScriptedFilePicker();
        FxToolkit.setupStage(stage -> {
            vm = new TpeViewModel(tasks);
            view = new TpeView(vm, files);
            stage.setScene(new Scene(view, 900, 560));
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
     * Export… with a name ending in .svg writes a drawing that parses as SVG (without fetching
     * its DTD from the web) and holds the chart's two densities: their legend entries with the
     * trials' counts, and each curve as a path in its colour. (The chart's right-click menu
     * offers the same, but headless Monocle sends no context-menu events.)
     */
    @Test
    void exportWritesTheChartAsSvgWithBothDensities() throws Exception {
        Path svg = dir.resolve("tpe.svg");
        files.answer(svg);
        robot.clickOn("#tpeExportPng");
        waitUntil(() -> Files.isRegularFile(svg));

        Document doc = parseSvg(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        DensityData data = fx(() -> chart().data());
        List<String> texts = new ArrayList<>();
        NodeList textNodes = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < textNodes.getLength(); i++) {
            texts.add(textNodes.item(i).getTextContent());
        }
        assertTrue(texts.contains("l(x): good trials (" + data.goodObservations().length + ")"), texts.toString());
        assertTrue(texts.contains("g(x): bad trials (" + data.badObservations().length + ")"), texts.toString());
        assertTrue(texts.contains("TPE's model of x1 when trial 29 was proposed"), "the title: " + texts);
        // (The value axis's label is drawn rotated, which JFreeSVG writes as outlines, not text.)
        assertEquals("Density", data.valueLabel(), "the value axis says what it measures");
        assertTrue(curvePaths(doc, ChartTheme.GOOD) >= 1, "l(x) is a path in blue");
        assertTrue(curvePaths(doc, ChartTheme.BAD) >= 1, "g(x) is a path in orange");
        assertEquals(java.util.Optional.of(chart()), fx(() -> view.chartInFront()), "the holder offers this chart");
    }

    /**
     * Paths stroked in {@code color} (JFreeSVG puts the stroke on the enclosing group) with at
     * least 50 segments: a density curve, not a rug tick or a legend line.
     */
    static int curvePaths(Document doc, java.awt.Color color) {
        String rgb = "rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")";
        NodeList paths = doc.getElementsByTagNameNS("*", "path");
        int n = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            org.w3c.dom.Element p = (org.w3c.dom.Element) paths.item(i);
            String stroke = p.getAttribute("style") + ((org.w3c.dom.Element) p.getParentNode()).getAttribute("style");
            if (stroke.contains("stroke:" + rgb) && p.getAttribute("d").split("L").length > 50) {
                n++;
            }
        }
        return n;
    }

    /** Parses an SVG file without fetching the DTD it names from the web. */
    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
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
