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
import javafx.scene.paint.Color;
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
    void aCategoricalDensityIsDrawnAsBarsNamedByChoice() throws Exception {
        DensityChart chart = show(new DensityChart());
        DensityData data = new DensityData("optimizer", new double[] {0, 1, 2}, new double[] {0.6, 0.3, 0.1},
                new double[] {0.2, 0.3, 0.5}, new double[] {0, 0, 1}, new double[] {2, 2, 1, 0}, 0, false, false,
                List.of("adam", "sgd", "rmsprop"), "Probability");
        Path png = dir.resolve("density.png");
        fx(() -> {
            chart.setData(data);
            chart.writePng(png);
            chart.hoverAtForTest(chart.plotArea().toX(1), chart.plotArea().toY(0.1));
            return null;
        });
        assertEquals("optimizer", chart.xLabelProperty().get());
        assertEquals(-0.5, chart.plotArea().x().min());
        assertEquals(2.5, chart.plotArea().x().max());
        assertEquals("sgd: l = 0.3, g = 0.3", fx(chart::hoverText));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        // The good bar of "adam" (60 %) is blue somewhere in the middle of its height.
        PlotArea a = chart.plotArea();
        assertEquals(CanvasTheme.BLUE.toString(), colorAt(image, a.toX(0) - 5, a.toY(0.3)));
    }

    @Test
    void aSmallIntegerRangeIsDrawnAsBarsAtItsValues() throws Exception {
        DensityChart chart = show(new DensityChart());
        DensityData data = new DensityData("layers", new double[] {1, 2, 3, 4}, new double[] {0.7, 0.2, 0.05, 0.05},
                new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1, 1}, new double[] {4}, 1, false, true, List.of(),
                "Probability");
        Path png = dir.resolve("layers.png");
        fx(() -> {
            chart.setData(data);
            chart.writePng(png);
            return null;
        });
        PlotArea a = chart.plotArea();
        assertEquals(0.5, a.x().min(), 1e-12, "half a step of room left of the first value");
        assertEquals(4.5, a.x().max(), 1e-12);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(CanvasTheme.BLUE.toString(), colorAt(image, a.toX(1) - 5, a.toY(0.35)), "l(1) = 0.7 reaches 0.35");
        assertEquals(CanvasTheme.ORANGE.toString(), colorAt(image, a.toX(4) + 5, a.toY(0.35)), "g(4) = 0.4");
        assertEquals(CanvasTheme.BACKGROUND.toString(), colorAt(image, a.toX(4) - 5, a.toY(0.35)), "l(4) = 0.05");
    }

    static String colorAt(BufferedImage image, double x, double y) {
        int rgb = image.getRGB((int) x, (int) y);
        return Color.rgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF).toString();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
