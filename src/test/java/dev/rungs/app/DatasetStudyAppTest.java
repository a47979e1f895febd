package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A dataset study made in the real window, headless (Monocle): the CSV chosen in the dataset
 * step, a model family and a sampler picked from their lists, a real run on the engine, and the
 * accuracies read back from the trials table.
 */
class DatasetStudyAppTest {
    static final long TIMEOUT_S = 90;
    static final Path IRIS = Path.of("sample-projects/iris-random-forest-hyperband/iris.csv");

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final ScriptedFilePicker files = new ScriptedFilePicker();
    Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void irisWithARandomForestAndTpeRunsTenTrialsScoredByAccuracy() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        app = FxToolkit.setupApplication(() -> new RungsApp(samples, dir.resolve("studies.db"),
                AppPreferences.inMemory(), files));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());

        robot.clickOn("#objectiveKind");
        robot.clickOn(listCell("Dataset and model"));
        files.answer(IRIS.toAbsolutePath());
        robot.clickOn("#chooseDataset");
        TableView<?> preview = robot.lookup("#datasetPreview").queryTableView();
        waitUntil(() -> preview.getItems().size() == 10);
        assertEquals("Choose a CSV dataset", files.lastTitle());
        assertEquals("species\ncategorical · target", fx(() -> preview.getColumns().get(4).getText()));
        assertEquals("sepal_length\nnumeric", fx(() -> preview.getColumns().get(0).getText()));
        assertEquals("species", fx(() -> robot.lookup("#datasetTarget").queryComboBox().getValue()));

        reveal("#modelFamily");
        robot.clickOn("#modelFamily");
        robot.clickOn(listCell("random_forest"));
        reveal("#samplerChoice");
        robot.clickOn("#samplerChoice");
        robot.clickOn(listCell("tpe  –  "));
        reveal("#trialsField");
        replaceText("#trialsField", "10");
        waitUntil(() -> !robot.lookup("#createStudy").queryButton().isDisabled());
        robot.clickOn("#createStudy");

        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "finished".equals(text("#runState")));
        assertEquals("iris-random_forest-tpe-1", text("#runTitle"));
        robot.clickOn("#trialsTab");
        TableView<?> trials = robot.lookup("#trialsTable").queryTableView();
        waitUntil(() -> trials.getItems().size() == 10);
        List<Double> accuracies = new ArrayList<>();
        for (String shown : valueCells(trials)) {
            accuracies.add(Double.parseDouble(shown));
        }
        assertEquals(10, accuracies.size(), accuracies.toString());
        assertTrue(accuracies.stream().allMatch(a -> a > 0 && a <= 1), accuracies.toString());
        assertTrue(accuracies.stream().anyMatch(a -> a >= 0.9), accuracies.toString());
    }

    // ------------------------------------------------------------------ helpers

    /** The texts the Value column shows, one per row. */
    List<String> valueCells(TableView<?> table) throws Exception {
        return fx(() -> {
            Map<Integer, String> byRow = new TreeMap<>();
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && !c.isEmpty() && c.isVisible() && c.getTableColumn() != null
                        && "valueColumn".equals(c.getTableColumn().getId()) && c.getIndex() >= 0
                        && c.getIndex() < table.getItems().size()) {
                    byRow.put(c.getIndex(), c.getText());
                }
            }
            return new ArrayList<>(byRow.values());
        });
    }

    /** Scrolls the form so that the node is in view, as a person would before using it. */
    void reveal(String query) throws Exception {
        Node node = robot.lookup(query).query();
        fx(() -> {
            Parent p = node.getParent();
            while (p != null && !(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
                }
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The shown cell of an open drop-down list whose text starts with {@code text}. */
    Node listCell(String text) throws Exception {
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text)));
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text))
                .findFirst().orElseThrow();
    }

    void replaceText(String field, String text) throws Exception {
        TextField f = robot.lookup(field).queryAs(TextField.class);
        robot.clickOn(f);
        fx(() -> {
            f.selectAll();
            return null;
        });
        robot.write(text);
        waitUntil(() -> text.equals(f.getText()));
    }

    String text(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> fx(condition));
    }
}
