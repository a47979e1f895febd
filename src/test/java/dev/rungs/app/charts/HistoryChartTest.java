package dev.rungs.app.charts;

import static dev.rungs.app.charts.ChartsTest.completed;
import static dev.rungs.app.charts.ChartsTest.fx;
import static dev.rungs.app.charts.ChartsTest.show;
import static dev.rungs.app.charts.ChartsTest.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The history and curve charts in a real (headless) window: what they draw, zoom, click and export. */
public class HistoryChartTest {
    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theBestSoFarLineStepsAtEachImprovementInTheStudysDirection() {
        List<Trial> trials = new ArrayList<>(completed(5, 3, 4, 1, 2));
        trials.add(trial(5, TrialState.PRUNED, 0.5));
        trials.add(trial(6, TrialState.FAIL, Double.NaN));
        trials.add(trial(7, TrialState.RUNNING, Double.NaN));
        HistoryData min = HistoryData.of(trials, Direction.MINIMIZE);
        assertEquals(5, min.completeNumbers().length, "pruned, failed and running trials are not completed dots");
        assertEquals(3, min.improvements(), "5, then 3, then 1; the pruned 0.5 does not count");
        assertEquals(List.of(true, true, false, true, false), bools(min.improved()));
        assertEquals(1, min.prunedNumbers().length);
        assertEquals(1, min.failedNumbers().length);
        assertEquals(6, min.lastNumber(), "the line runs to the last trial shown (the running one is not)");
        assertEquals(1, HistoryData.of(trials, Direction.MAXIMIZE).improvements(), "the first trial, 5, is never beaten");
    }

    @Test
    void aLogScaleLeavesOutValuesOfZeroOrLess() throws Exception {
        HistoryChart chart = show(new HistoryChart(new dev.rungs.app.ScriptedFilePicker()));
        fx(() -> {
            chart.setData(HistoryData.of(completed(-1, 0, 1e-3, 10, 1e4), Direction.MINIMIZE));
            chart.logScaleProperty().set(true);
            return null;
        });
        assertEquals(3, chart.plottedPoints());
        assertTrue(chart.chart().getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);

        fx(() -> {
            chart.setData(HistoryData.of(completed(-1, 0), Direction.MINIMIZE));
            return null;
        });
        assertTrue(chart.chartInFront().isEmpty(), "nothing to draw: the placeholder shows");
        assertEquals("No values above zero to show on a log scale", chart.placeholder());
        assertEquals(0, chart.plottedPoints());
    }

    @Test
    void tenThousandTrialsAreAllPlottedAndExportToAPngOfTheChartsSize() throws Exception {
        HistoryChart chart = show(new HistoryChart(new dev.rungs.app.ScriptedFilePicker()));
        SplittableRandom rng = new SplittableRandom(7);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            trials.add(trial(i, TrialState.COMPLETE, 0.4 + 10 * rng.nextDouble() * rng.nextDouble()));
        }
        fx(() -> {
            chart.setData(HistoryData.of(trials, Direction.MINIMIZE));
            return null;
        });
        assertEquals(10_000, chart.plottedPoints());
        assertTrue(chart.bestLinePoints() >= 1 && chart.bestLinePoints() < 10_000, "" + chart.bestLinePoints());
        Path png = dir.resolve("exports/history.png");
        fx(() -> {
            chart.write(png, ChartBox.Format.PNG, ChartsTest.WIDTH, ChartsTest.HEIGHT);
            return null;
        });
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads the PNG back");
        assertEquals(ChartsTest.WIDTH, image.getWidth());
        assertEquals(ChartsTest.HEIGHT, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(1, 1), "white background in the corner");
    }

    @Test
    void dragZoomsIntoTheTrialsAndADoubleClickShowsThemAllAgain() throws Exception {
        HistoryChart chart = show(new HistoryChart(new dev.rungs.app.ScriptedFilePicker()));
        fx(() -> {
            chart.setData(HistoryData.of(completed(9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5, 0.2), Direction.MINIMIZE));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot plot = chart.chart().getXYPlot();
        Range before = plot.getDomainAxis().getRange();
        Point2D from = screenOf(chart, 2, 8);
        Point2D to = screenOf(chart, 5, 3);
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Range zoomed = plot.getDomainAxis().getRange();
        assertNotEquals(before, zoomed);
        assertTrue(zoomed.getLowerBound() > before.getLowerBound() + 1 && zoomed.getUpperBound() < before.getUpperBound() - 3,
                "zoomed into trials 2 to 5: " + zoomed + " was " + before);

        robot.doubleClickOn(screenOf(chart, 4, 5), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, plot.getDomainAxis().getRange(), "reset shows every trial again");
    }

    @Test
    void aTrialsPointNamesItAndAClickReportsItsNumber() throws Exception {
        HistoryChart chart = show(new HistoryChart(new dev.rungs.app.ScriptedFilePicker()));
        AtomicInteger clicked = new AtomicInteger(-1);
        fx(() -> {
            chart.setData(HistoryData.of(completed(5, 3, 4, 0.4123, 2), Direction.MINIMIZE));
            chart.setOnTrialClicked(clicked::set);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        XYPlot plot = chart.chart().getXYPlot();
        // Trial 3 set a new best: it is in the "New best" dataset, and its tooltip names it.
        assertEquals("Trial 3: 0.4123", HistoryPlots.TOOLTIP.generateToolTip(plot.getDataset(2), 0, 2));
        robot.clickOn(screenOf(chart, 3, 0.4123));
        WaitForAsyncUtils.waitFor(ChartsTest.TIMEOUT_S, TimeUnit.SECONDS, () -> clicked.get() == 3);
        assertEquals(3, clicked.get());
    }

    @Test
    void anSvgExportIsAnSvgDocumentWithTheSeries() throws Exception {
        HistoryChart chart = show(new HistoryChart(new dev.rungs.app.ScriptedFilePicker()));
        fx(() -> {
            chart.setData(HistoryData.of(completed(5, 3, 4, 1, 2), Direction.MINIMIZE));
            return null;
        });
        Path svg = dir.resolve("history.svg");
        fx(() -> {
            chart.write(svg, ChartBox.Format.SVG, ChartsTest.WIDTH, ChartsTest.HEIGHT);
            return null;
        });
        Document doc = parseSvg(svg);
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        String text = Files.readString(svg);
        for (String legend : List.of(HistoryPlots.BEST, HistoryPlots.COMPLETED, HistoryPlots.NEW_BEST)) {
            assertTrue(text.contains(legend), "the legend names " + legend);
        }
        assertFalse(text.contains(HistoryPlots.FAILED), "no failed trials, so no legend entry for them");
    }

    @Test
    void theCurveLeavesOutNonFiniteValuesAndShowsAPlaceholderWithout() throws Exception {
        CurveChart curve = show(new CurveChart(new dev.rungs.app.ScriptedFilePicker()));
        fx(() -> {
            curve.setCurve(new TreeMap<>());
            return null;
        });
        assertTrue(curve.chartInFront().isEmpty());
        assertEquals("No intermediate values", curve.placeholder());
        fx(() -> {
            curve.setCurve(new TreeMap<>(Map.of(1L, 0.9, 2L, 0.7, 3L, Double.NaN, 4L, 0.5)));
            return null;
        });
        assertEquals(3, curve.pointCount(), "the NaN at step 3 is left out");
        var plot = curve.chart().getXYPlot();
        assertEquals("Step 4: 0.5", plot.getRenderer().getDefaultToolTipGenerator().generateToolTip(plot.getDataset(), 0, 2));
    }

    /** Parses an SVG file without fetching the DTD it names from the web. */
    static Document parseSvg(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(false);
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(svg.toFile());
    }

    /** Where a data point is on the screen. */
    public static Point2D screenOf(HistoryChart chart, double x, double y) throws Exception {
        return fx(() -> {
            var viewer = chart.viewer();
            Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
            XYPlot plot = chart.chart().getXYPlot();
            double px = plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM);
            double py = plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT);
            return viewer.localToScreen(px, py);
        });
    }

    private static List<Boolean> bools(boolean[] b) {
        List<Boolean> out = new ArrayList<>();
        for (boolean v : b) {
            out.add(v);
        }
        return out;
    }
}
