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
            stage.sizeToScene();
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

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
