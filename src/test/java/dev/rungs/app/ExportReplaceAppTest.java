package dev.rungs.app;

import static dev.rungs.app.RungsAppTest.fx;
import static dev.rungs.app.RungsAppTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.store.TrialsCsv;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.Test;

/** Export CSV… and Export chart… onto files that exist: the real window asks first (headless, Monocle). */
class ExportReplaceAppTest extends AppWindowTest {
    @Test
    void anExistingFileIsReplacedOnlyOnceThePersonAgrees() throws Exception {
        Path db = dir.resolve("studies.db");
        int done = RungsAppTest.stoppedStudy(db);
        start(db);
        openFirstStudy("stopped");

        Path out = Files.createDirectories(dir.resolve("out"));
        Path csv = Files.writeString(out.resolve("branin-sobol.csv"), "last week's export\n");
        files.answer(csv);
        robot.clickOn("#exportCsv");
        answer("Replace branin-sobol.csv?", "Cancel");
        assertEquals("last week's export\n", Files.readString(csv), "Cancel writes nothing");
        assertNotEquals("Exported " + done + " trials to " + csv, window.text("#statusLabel"));

        files.answer(csv);
        robot.clickOn("#exportCsv");
        answer("Replace branin-sobol.csv?", "Replace");
        waitUntil(() -> window.text("#statusLabel").equals("Exported " + done + " trials to " + csv));
        try (Reader r = Files.newBufferedReader(csv)) {
            assertEquals(done, TrialsCsv.read(r, BenchmarkProblems.byName("branin").space()).size());
        }

        Path png = Files.writeString(out.resolve("history.png"), "not a picture yet");
        files.answer(png);
        robot.clickOn("#exportChart").clickOn("#exportPng");
        answer("Replace history.png?", "Cancel");
        assertEquals("not a picture yet", Files.readString(png));

        files.answer(png);
        robot.clickOn("#exportChart").clickOn("#exportPng");
        answer("Replace history.png?", "Replace");
        waitUntil(() -> Files.size(png) > 1000);
        assertNotNull(javax.imageio.ImageIO.read(png.toFile()), "a whole PNG");
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of("branin-sobol.csv", "history.png"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    /** Waits for the confirmation dialog, checks its question and presses {@code button}. */
    void answer(String question, String button) throws Exception {
        waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#confirmDialog").queryAs(DialogPane.class);
        assertEquals(question, fx(dialog::getHeaderText));
        robot.clickOn(button);
        waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isEmpty());
    }
}
