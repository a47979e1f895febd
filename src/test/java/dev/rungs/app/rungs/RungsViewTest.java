package dev.rungs.app.rungs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.ScriptedFilePicker;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rungs view of a BOHB study in a window the size the run view gives it at 1280 x 800:
 * both charts readable, whatever the divider between them is dragged to.
 */
class RungsViewTest {
    static final long TIMEOUT_S = 20;
    /** What the run view leaves its tabs at 1280 x 800: header and tab strip take the rest. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 640;

    static StudySpec spec;
    static List<Trial> trials;

    final FxRobot robot = new FxRobot();
    DefaultTaskExecutor tasks;
    RungsView view;

    @BeforeAll
    static void study() throws Exception {
        FxToolkit.registerPrimaryStage();
        spec = RungsViewModelTest.spec("bohb", RungsViewModelTest.HYPERBAND_R9, "{\"trials\": 60}");
        trials = RungsViewModelTest.run(spec);
    }

    @BeforeEach
    void show() throws Exception {
        tasks = DefaultTaskExecutor.forJavaFx();
        FxToolkit.setupStage(stage -> {
            RungsViewModel vm = new RungsViewModel(tasks);
            view = new RungsView(vm, new ScriptedFilePicker());
            stage.setScene(new Scene(view, WIDTH, HEIGHT));
            stage.show();
            vm.setStudy(spec, trials);
        });
        waitUntil(() -> view.densityChart().data() != null);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        tasks.shutdown();
    }

    @Test
    void bothChartsAreTallEnoughAndStaySoWhereverTheDividerIsDragged() throws Exception {
        assertReadable("as opened");
        Node divider = fx(() -> verticalSplit().lookup(".split-pane-divider"));
        robot.drag(divider).dropBy(0, -HEIGHT);
        assertReadable("divider dragged to the top");
        robot.drag(divider).dropBy(0, 2 * HEIGHT);
        assertReadable("divider dragged to the bottom");
    }

    @Test
    void exportTakesTheChartLastClicked() throws Exception {
        assertEquals(Optional.of(view.rungsChart()), fx(view::chartInFront), "the rungs chart at first");
        robot.clickOn("#bohbDensityChart");
        assertEquals(Optional.of(view.densityChart()), fx(view::chartInFront));
        robot.clickOn("#rungsChart");
        assertEquals(Optional.of(view.rungsChart()), fx(view::chartInFront));
    }

    void assertReadable(String when) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double rungs = fx(() -> view.rungsChart().getHeight());
        double densities = fx(() -> view.densityChart().getHeight());
        assertTrue(rungs >= RungsView.MIN_PART_HEIGHT - 1, when + ": the rungs chart is " + rungs + " px tall");
        assertTrue(densities >= RungsView.MIN_PART_HEIGHT - 40 - 1,
                when + ": BOHB's density chart is " + densities + " px tall");
    }

    SplitPane verticalSplit() {
        return robot.lookup(".split-pane").queryAllAs(SplitPane.class).stream()
                .filter(s -> s.getOrientation() == Orientation.VERTICAL).findFirst().orElseThrow();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
