package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.charts.DensityChart;
import dev.rungs.app.charts.HistoryChart;
import dev.rungs.app.charts.RungsChart;
import dev.rungs.spec.SpecReader;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle): real clicks on real controls, real runs on the engine
 * threads into a real SQLite file, and what the person would see read back from the cells.
 */
class RungsAppTest {
    static final long TIMEOUT_S = 30;
    static final String SPEC = """
            {"name": "branin-sobol", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "sobol"}, "budget": {"trials": 40}, "seed": 2}""";

    @TempDir
    Path dir;

    final FxRobot robot = new FxRobot();
    final ScriptedFilePicker files = new ScriptedFilePicker();
    final AppPreferences prefs = AppPreferences.inMemory();
    Application app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    void start(Path db) throws Exception {
        Path samples = Files.createDirectories(dir.resolve("samples"));
        app = FxToolkit.setupApplication(() -> new RungsApp(samples, db, prefs, files));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }

    @Test
    void theWindowOpensOnTheDatabaseAndRemembersIt() throws Exception {
        Path db = dir.resolve("studies.db");
        start(db);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals("Rungs", stage.getTitle());
        assertEquals(1280, stage.getScene().getWidth(), 1);
        assertEquals(760, stage.getScene().getHeight(), 1);
        assertEquals("Database: " + db.toAbsolutePath(), text("#databaseLabel"));
        waitUntil(() -> text("#studyCountLabel").equals("0 studies"));
        assertEquals(db.toAbsolutePath().toString(), prefs.get(AppPreferences.LAST_DATABASE).orElseThrow());
    }

    @Test
    void theWindowTakesTheSizeItHadLastTime() throws Exception {
        prefs.put(AppPreferences.WINDOW_WIDTH, "1100");
        prefs.put(AppPreferences.WINDOW_HEIGHT, "700");
        start(dir.resolve("studies.db"));
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        assertEquals(1100, stage.getScene().getWidth(), 1);
        assertEquals(700, stage.getScene().getHeight(), 1);
    }

    @Test
    void aStoppedStudyIsResumedFromTheListAndRunsToItsBudget() throws Exception {
        Path db = dir.resolve("studies.db");
        int stoppedAt = stoppedStudy(db);
        start(db);

        waitUntil(() -> "stopped".equals(cell("#studiesTable", "stateColumn")));
        assertEquals("branin-sobol", cell("#studiesTable", "nameColumn"));
        assertEquals(Integer.toString(stoppedAt), cell("#studiesTable", "trialsColumn"));
        robot.clickOn(robot.lookup("#studiesTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#resumeStudy");
        waitUntil(() -> robot.lookup("#runTitle").tryQuery().isPresent()
                && "finished".equals(text("#runState")));
        assertEquals("branin-sobol", text("#runTitle"));
        assertTrue(text("#runProgressText").startsWith("40 of 40 trials"), text("#runProgressText"));
        robot.clickOn("#trialsTab");
        waitUntil(() -> fx(() -> robot.lookup("#trialsTable").queryTableView().getItems().size()) == 40);

        robot.clickOn("#studiesTab");
        waitUntil(() -> "finished".equals(cell("#studiesTable", "stateColumn"))
                && "40".equals(cell("#studiesTable", "trialsColumn")));
        try (StudyStore store = SqliteStudyStore.openReadOnly(db)) {
            assertEquals(40, store.trials(store.studies().get(0).id()).size());
        }
    }

    @Test
    void aFileThatIsNotADatabaseShowsWhyAndTheAppStaysUp() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.db"), "not a database\n".repeat(100));
        start(notes);
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals("Cannot open the database " + notes, fx(dialog::getHeaderText));
        assertTrue(fx(dialog::getContentText).contains("not a Rungs database"), fx(dialog::getContentText));
        robot.clickOn("OK");
        assertEquals("Database: in memory only (nothing is saved)", text("#databaseLabel"));
        assertEquals("not a database\n".repeat(100), Files.readString(notes));
    }

    /**
     * The workbench's whole path: Ctrl+N, a Branin study with TPE for 30 trials, Create; the
     * history chart and the trials table fill; the TPE view explains a parameter; the trials
     * export to CSV.
     */
    @Test
    void aTpeStudyIsCreatedRunWatchedExplainedAndExported() throws Exception {
        start(dir.resolve("studies.db"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        assertEquals("branin", fx(() -> robot.lookup("#objectiveChoice").queryComboBox().getValue()));
        assertEquals("tpe", fx(() -> robot.lookup("#samplerChoice").queryComboBox().getValue()));
        replaceText("#trialsField", "30");
        robot.clickOn("#createStudy");

        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "finished".equals(text("#runState")));
        assertEquals("branin-tpe-1", text("#runTitle"));
        assertTrue(text("#runProgressText").startsWith("30 of 30 trials"), text("#runProgressText"));
        assertTrue(text("#runBest").startsWith("Best: "), text("#runBest"));
        HistoryChart history = robot.lookup("#historyChart").queryAs(HistoryChart.class);
        waitUntil(() -> history.plottedPoints() == 30);

        // A click on a point opens that trial: the Trials tab, with its row selected.
        org.jfree.data.xy.XYDataset dots = history.chart().getXYPlot().getDataset(1);
        int clicked = (int) Math.round(dots.getXValue(0, 0));
        robot.clickOn(dev.rungs.app.charts.HistoryChartTest.screenOf(history, clicked, dots.getYValue(0, 0)));
        waitUntil(() -> robot.lookup("#trialTitle").tryQuery().isPresent()
                && text("#trialTitle").startsWith("Trial " + clicked + " "));
        TableView<?> table = robot.lookup("#trialsTable").queryTableView();
        assertEquals(clicked, ((dev.rungs.study.Trial) fx(() -> table.getSelectionModel().getSelectedItem())).number(),
                "the clicked trial's row is selected");
        robot.clickOn("#historyTab");

        robot.clickOn("#trialsTab");
        TableView<?> trials = robot.lookup("#trialsTable").queryTableView();
        assertEquals(30, (int) fx(() -> trials.getItems().size()));
        robot.clickOn(robot.lookup("#trialsTable .table-row-cell").nth(0).queryAs(Node.class));
        waitUntil(() -> text("#trialTitle").startsWith("Trial "));

        assertEquals(List.of("historyTab", "trialsTab", "tpeTab"), runTabIds(), "no rungs without a multi-fidelity method");
        robot.clickOn("#tpeTab");
        robot.clickOn("#tpeParamChoice");
        robot.clickOn(listCell("x2"));
        DensityChart density = robot.lookup("#tpeDensityChart").queryAs(DensityChart.class);
        waitUntil(() -> density.data() != null && "x2".equals(density.data().parameter()));
        assertTrue(density.data().goodObservations().length + density.data().badObservations().length > 0);

        Path csv = dir.resolve("export/branin-tpe-1.csv");
        files.answer(csv);
        robot.clickOn("#exportCsv");
        waitUntil(() -> text("#statusLabel").equals("Exported 30 trials to " + csv));
        try (Reader r = Files.newBufferedReader(csv)) {
            List<TrialsCsv.Row> rows = TrialsCsv.read(r, BenchmarkProblems.byName("branin").space());
            assertEquals(30, rows.size());
            assertTrue(rows.stream().allMatch(row -> row.value().isPresent()));
        }

        Path png = dir.resolve("export/history.png");
        files.answer(png);
        robot.clickOn("#historyTab");
        robot.clickOn("#exportChart").clickOn("#exportPng");
        waitUntil(() -> Files.exists(png));
        assertTrue(text("#exportNote").endsWith(png.toString()), "says where it wrote: " + text("#exportNote"));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(fx(history::getWidth), image.getWidth(), 1);
        assertEquals(fx(history::getHeight), image.getHeight(), 1);
    }

    /** Stop and Resume in the run view: the same study goes on, with the stopped trials kept. */
    @Test
    void aRunningStudyIsStoppedAndResumedFromItsView() throws Exception {
        Path db = dir.resolve("studies.db");
        start(db);
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        robot.clickOn("#samplerChoice");
        robot.clickOn(listCell("random  –  "));
        replaceText("#trialsField", "1000000");
        robot.clickOn("#createStudy");

        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "running".equals(text("#runState")));
        robot.clickOn("#runStop");
        waitUntil(() -> "stopped".equals(text("#runState")));
        int stopped = doneShown();
        assertTrue(stopped > 0 && stopped < 1_000_000, stopped + " trials done when stopped");

        robot.clickOn("#runResume");
        waitUntil(() -> "running".equals(text("#runState")));
        waitUntil(() -> doneShown() > stopped + 100);
        robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
        waitUntil(() -> "stopped".equals(text("#runState")));
        try (StudyStore store = SqliteStudyStore.openReadOnly(db)) {
            assertEquals(1, store.studies().size(), "resumed, not started anew");
            // The trials as the budget counts them: paused ones (the stop paused the running trials) too.
            assertEquals(StudySummary.of(store.trials(store.studies().get(0).id()), Direction.MINIMIZE).trials(),
                    doneShown());
        }
    }

    /**
     * A small Hyperband study made in the form (R = 9, η = 3: brackets of 9, 5 and 3 trials) and
     * its rungs in the run view: the first bracket shows 9 trials at budget 1, 3 at 3 and 1 at 9.
     */
    @Test
    void aHyperbandStudyShowsItsRungsWithTheRightCounts() throws Exception {
        start(dir.resolve("studies.db"));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#createStudy").tryQuery().isPresent());
        robot.clickOn("#objectiveChoice");
        robot.clickOn(listCell("mf-hartmann6"));
        robot.clickOn("#samplerChoice");
        robot.clickOn(listCell("random  –  "));
        robot.clickOn("#schedulerChoice");
        robot.clickOn(listCell("hyperband  –  "));
        waitUntil(() -> robot.lookup("#schedulerSettings-max_resource").tryQuery().isPresent());
        replaceText("#schedulerSettings-max_resource", "9");
        replaceText("#trialsField", "17");
        robot.clickOn("#createStudy");

        waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent() && "finished".equals(text("#runState")));
        assertEquals(List.of("historyTab", "trialsTab", "rungsTab"), runTabIds(), "no TPE view for random sampling");
        robot.clickOn("#rungsTab");
        RungsChart chart = robot.lookup("#rungsChart").queryAs(RungsChart.class);
        waitUntil(() -> List.of(9, 3, 1).equals(chart.countsPerRung()));
        assertEquals("Round 1 · bracket s = 2",
                fx(() -> robot.lookup("#rungsBracketChoice").queryComboBox().getValue().toString()));
        TableView<?> table = robot.lookup("#bracketTable").queryTableView();
        assertEquals(3, (int) fx(() -> table.getItems().size()));
        assertEquals("3", cell("#bracketTable", "promotedColumn"), "rung 0 promoted the best third");

        robot.clickOn("#rungsBracketChoice");
        robot.clickOn(listCell("Round 1 · bracket s = 1"));
        waitUntil(() -> List.of(5, 1).equals(chart.countsPerRung()));
    }

    // ------------------------------------------------------------------ helpers

    /** The shown cell of an open drop-down list whose text starts with {@code text}. */
    Node listCell(String text) throws Exception {
        waitUntil(() -> robot.lookup(".list-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text)));
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && ((Labeled) n).getText() != null && ((Labeled) n).getText().startsWith(text))
                .findFirst().orElseThrow();
    }

    /** The ids of the run view's tabs, in order. */
    List<String> runTabIds() throws Exception {
        TabPane tabs = robot.lookup("#runTabs").queryAs(TabPane.class);
        return fx(() -> tabs.getTabs().stream().map(Tab::getId).toList());
    }

    /** The trials done the run view's progress line shows. */
    /** The trials done the progress line shows, or -1 while it says something else ("Starting the run …"). */
    int doneShown() throws Exception {
        String t = text("#runProgressText");
        String first = t.contains(" ") ? t.substring(0, t.indexOf(' ')) : t;
        return first.matches("\\d+") ? Integer.parseInt(first) : -1;
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

    /** A study of 40 trials in {@code db}, stopped after at least 10; returns how many it has as the budget counts them. */
    static int stoppedStudy(Path db) throws Exception {
        try (StudyStore store = SqliteStudyStore.open(db)) {
            long id = TestStudies.stoppedAfter(store, SpecReader.parse(SPEC), 10);
            return StudySummary.of(store.trials(id), Direction.MINIMIZE).trials();
        }
    }

    /** The text the first row of {@code table} shows in the column with this id. */
    String cell(String table, String columnId) throws Exception {
        TableView<?> view = robot.lookup(table).queryTableView();
        return fx(() -> {
            for (Node n : view.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getIndex() == 0 && !c.isEmpty() && c.getTableColumn() != null
                        && columnId.equals(c.getTableColumn().getId())) {
                    return c.getText();
                }
            }
            return null;
        });
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
