package dev.rungs.app;

import static dev.rungs.app.RungsAppTest.fx;
import static dev.rungs.app.RungsAppTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The real window, headless (Monocle), on a database where another runner (a second store on
 * the same file, as another process would open it) holds a study's lease.
 */
class RunningElsewhereAppTest extends AppWindowTest {
    static final LeaseHolder ELSEWHERE = new LeaseHolder("elsewhere.example", 4242, null, "rungs run");
    static final String HOLDER = "process 4242 on host elsewhere.example (rungs run)";

    /**
     * The list shows the study as running elsewhere, live, with Resume off and Ctrl+R refused
     * naming the holder; its run view is read-only and live too; once the other runner ends,
     * the study is stopped and Resume runs it to its budget.
     */
    @Test
    void aStudyHeldByAnotherRunnerIsShownRunningElsewhereAndResumeIsRefusedUntilItEnds() throws Exception {
        Path db = dir.resolve("studies.db");
        RungsAppTest.stoppedStudy(db);
        try (StudyStore other = SqliteStudyStore.open(db)) {
            long id = other.studies().get(0).id();
            Lease lease = other.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
            start(db);

            waitUntil(() -> "running elsewhere".equals(window.cell("#studiesTable", "stateColumn")));
            robot.clickOn(robot.lookup("#studiesTable .table-row-cell").nth(0).queryAs(Node.class));
            waitUntil(() -> window.text("#studyHint").startsWith("Running elsewhere: " + HOLDER + " since "));
            assertTrue(disabled("#resumeStudy"), "Resume is off");
            assertTrue(disabled("#deleteStudy"), "Delete is off");
            assertTrue(disabled("#stopStudy"), "Stop is off: it runs elsewhere");

            robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
            assertRefused();

            // The other runner finishes a trial: the list shows it without a reload.
            int done = Integer.parseInt(window.cell("#studiesTable", "trialsColumn"));
            other.addTrial(id, other.trials(id).get(0));
            waitUntil(() -> Integer.toString(done + 1).equals(window.cell("#studiesTable", "trialsColumn")));

            robot.clickOn("#openStudy");
            waitUntil(() -> robot.lookup("#runState").tryQuery().isPresent()
                    && "running elsewhere".equals(window.text("#runState")));
            assertTrue(disabled("#runResume"), "Resume is off in the run view");
            assertTrue(disabled("#runStop"), "Stop is off in the run view");
            assertTrue(window.text("#runElsewhere").startsWith("Running elsewhere: " + HOLDER),
                    window.text("#runElsewhere"));
            other.addTrial(id, other.trials(id).get(0));
            waitUntil(() -> window.doneShown() == done + 2);

            other.releaseLease(lease);
            waitUntil(() -> "stopped".equals(window.text("#runState")) && !disabled("#runResume"));
            assertFalse(fx(() -> robot.lookup("#runElsewhere").query().isVisible()));
            robot.clickOn("#runResume");
            waitUntil(() -> "finished".equals(window.text("#runState")));
            assertEquals(40, other.trials(id).stream().filter(t -> t.state().isFinished()).count());
        }
    }

    /** Resume pressed on a stopped study just as another runner takes it: refused, naming that runner. */
    @Test
    void resumeThatLosesTheRaceToAnotherRunnerIsRefusedNamingIt() throws Exception {
        Path db = dir.resolve("studies.db");
        int stoppedAt = RungsAppTest.stoppedStudy(db);
        start(db);
        openFirstStudy("stopped");
        assertFalse(disabled("#runResume"));

        try (StudyStore other = SqliteStudyStore.open(db)) {
            long id = other.studies().get(0).id();
            Lease lease = other.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
            robot.clickOn("#runResume");
            assertRefused();
            assertEquals("running elsewhere", window.text("#runState"));
            assertTrue(disabled("#runResume"));
            assertEquals(stoppedAt, other.trials(id).stream().filter(t -> t.state().isFinished()).count(),
                    "nothing ran here");
            robot.clickOn("#studiesTab");
            waitUntil(() -> "running elsewhere".equals(window.cell("#studiesTable", "stateColumn")));
            other.releaseLease(lease);
        }
    }

    /** The error dialog refusing Resume, naming the holder; closed with OK. */
    void assertRefused() throws Exception {
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals("Cannot resume branin-sobol", fx(dialog::getHeaderText));
        String message = fx(dialog::getContentText);
        assertTrue(message.startsWith("study 'branin-sobol' is being run by " + HOLDER + " since "), message);
        robot.clickOn("OK");
        waitUntil(() -> robot.lookup("#errorDialog").tryQuery().isEmpty());
    }
}
