package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The charts in a real (headless) window: what they draw, hover, click and export. */
class ChartsTest {
    static final long TIMEOUT_S = 15;
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

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

    /** Shows {@code chart} alone in a window of {@link #WIDTH} × {@link #HEIGHT}. */
    static <T extends Region> T show(T chart) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(chart, WIDTH, HEIGHT));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    static Trial trial(int number, TrialState state, double value) {
        return new Trial(number, state, Config.empty(),
                Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value), new TreeMap<>(), Map.of(),
                Instant.EPOCH, Instant.EPOCH, OptionalInt.empty());
    }

    static List<Trial> completed(double... values) {
        List<Trial> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(trial(i, TrialState.COMPLETE, values[i]));
        }
        return out;
    }

    @Test
    void tenThousandTrialsAreAllPlottedAndExportToAPngOfTheChartsSize() throws Exception {
        HistoryChart chart = show(new HistoryChart());
        SplittableRandom rng = new SplittableRandom(7);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            trials.add(trial(i, TrialState.COMPLETE, 0.4 + 10 * rng.nextDouble() * rng.nextDouble()));
        }
        long nanos = fx(() -> {
            long start = System.nanoTime();
            chart.setTrials(trials, Direction.MINIMIZE);
            chart.drawNow();
            return System.nanoTime() - start;
        });
        Path png = dir.resolve("exports/history.png");
        long exportNanos = fx(() -> {
            long start = System.nanoTime();
            chart.writePng(png);
            return System.nanoTime() - start;
        });
        long again = fx(() -> {
            long start = System.nanoTime();
            chart.writePng(png);
            return System.nanoTime() - start;
        });
        System.out.printf("HistoryChart, 10,000 trials: drawn in %.1f ms, exported in %.1f ms (again: %.1f ms)%n",
                nanos / 1e6, exportNanos / 1e6, again / 1e6);

        assertEquals(10_000, chart.plottedPoints());
        assertTrue(chart.bestLinePoints() >= 1 && chart.bestLinePoints() < 10_000, "" + chart.bestLinePoints());
        assertTrue(Files.isRegularFile(png), "the export folder is created");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "ImageIO reads the PNG back");
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(1, 1), "white background in the corner");
        assertEquals(0xFFFFFFFF, image.getRGB(WIDTH - 2, HEIGHT - 2), "white background in the corner");
    }

    @Test
    void theBestSoFarLineStepsAtEachImprovementInTheStudysDirection() throws Exception {
        HistoryChart chart = show(new HistoryChart());
        List<Trial> trials = new ArrayList<>(completed(5, 3, 4, 1, 2));
        trials.add(trial(5, TrialState.PRUNED, 0.5));
        trials.add(trial(6, TrialState.FAIL, Double.NaN));
        trials.add(trial(7, TrialState.RUNNING, Double.NaN));

        fx(() -> {
            chart.setTrials(trials, Direction.MINIMIZE);
            chart.drawNow();
            return null;
        });
        assertEquals(5, chart.plottedPoints(), "pruned, failed and running trials are not dots");
        assertEquals(3, chart.bestLinePoints(), "5, then 3, then 1; the pruned 0.5 does not count");

        fx(() -> {
            chart.setTrials(trials, Direction.MAXIMIZE);
            chart.drawNow();
            return null;
        });
        assertEquals(1, chart.bestLinePoints(), "the first trial, 5, is never beaten");
    }

    @Test
    void aLogScaleLeavesOutValuesOfZeroOrLess() throws Exception {
        HistoryChart chart = show(new HistoryChart());
        fx(() -> {
            chart.setTrials(completed(-1, 0, 1e-3, 10, 1e4), Direction.MINIMIZE);
            chart.logScaleProperty().set(true);
            chart.drawNow();
            return null;
        });
        assertEquals(3, chart.plottedPoints());
        assertTrue(chart.plotArea().y().isLog());

        fx(() -> {
            chart.setTrials(completed(-1, 0), Direction.MINIMIZE);
            chart.drawNow();
            return null;
        });
        assertNull(chart.plotArea(), "nothing to draw: the placeholder shows");
        assertEquals(0, chart.plottedPoints());
    }

    @Test
    void hoveringAPointNamesTheTrialAndClickingItReportsItsNumber() throws Exception {
        HistoryChart chart = show(new HistoryChart());
        AtomicInteger clicked = new AtomicInteger(-1);
        fx(() -> {
            chart.setTrials(completed(5, 3, 4, 0.4123, 2), Direction.MINIMIZE);
            chart.setOnTrialClicked(clicked::set);
            chart.drawNow();
            return null;
        });
        PlotArea area = chart.plotArea();
        double x = area.toX(3);
        double y = area.toY(0.4123);

        fx(() -> {
            chart.hoverAtForTest(x + 2, y - 2);
            return null;
        });
        assertEquals("Trial 3: 0.4123", fx(chart::hoverText));
        fx(() -> {
            chart.hoverAtForTest(area.toX(1.5), area.toY(4.9));
            return null;
        });
        assertNull(fx(chart::hoverText), "nothing near: no label");

        Point2D onScreen = fx(() -> chart.localToScreen(x, y));
        robot.clickOn(onScreen);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> clicked.get() == 3);
        assertEquals(3, clicked.get());
    }

    @Test
    void chartsWithoutDataShowTheirPlaceholder() throws Exception {
        CurveChart curve = show(new CurveChart());
        fx(() -> {
            curve.setCurve(new TreeMap<>());
            curve.drawNow();
            return null;
        });
        assertNull(curve.plotArea());
        assertEquals("No intermediate values", curve.placeholderProperty().get());

        TreeMap<Long, Double> values = new TreeMap<>(Map.of(1L, 0.9, 2L, 0.7, 3L, Double.NaN, 4L, 0.5));
        fx(() -> {
            curve.setCurve(values);
            curve.drawNow();
            curve.hoverAtForTest(curve.plotArea().toX(4), curve.plotArea().toY(0.5));
            return null;
        });
        assertEquals(3, curve.pointCount(), "the NaN at step 3 is left out");
        assertNotNull(curve.plotArea());
        assertEquals("Step 4: 0.5", fx(curve::hoverText));
    }

    @Test
    void writePngBelongsToTheUiThread() {
        assertThrows(IllegalStateException.class, () -> new HistoryChart().writePng(dir.resolve("x.png")));
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
