package dev.rungs.app.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.AppPreferences;
import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.TestStudies;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.StudyRow;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecReader;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench's logic without a toolkit: databases, and which studies are open. */
class WorkbenchViewModelTest {
    static final String SPEC = """
            {"name": "b", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": 50}, "seed": 1}""";

    @TempDir
    Path dir;

    final AppPreferences prefs = AppPreferences.inMemory();
    StudyStore first;
    WorkbenchViewModel vm;

    @BeforeEach
    void open() {
        first = SqliteStudyStore.open(dir.resolve("first.db"));
        vm = new WorkbenchViewModel(first, dir.resolve("first.db"), SqliteStudyStore::open, dir.resolve("samples"),
                prefs, new ImmediateTaskExecutor());
        vm.refresh();
    }

    @AfterEach
    void close() {
        vm.shutdown();
    }

    @Test
    void openingAStudyTwiceShowsTheSameView() {
        RunViewModel run = vm.startStudy(SpecReader.parse(SPEC));
        long id = run.studyIdProperty().get();
        vm.showStudies();
        assertNull(vm.focusProperty().get());

        vm.openStudy(id);
        assertEquals(1, vm.runs().size());
        assertSame(run, vm.focusProperty().get());
        vm.closeRun(run);
        assertEquals(0, vm.runs().size());
        vm.openStudy(id);
        assertEquals(1, vm.runs().size());
        assertEquals(50, vm.runs().get(0).summaryProperty().get().trials());
    }

    @Test
    void resumeOpensAStoppedStudyAndRunsItToItsBudget() throws Exception {
        long id = TestStudies.stoppedAfter(first, SpecReader.parse(SPEC), 10);
        int stoppedAt = first.trials(id).size();
        assertTrue(stoppedAt >= 10 && stoppedAt < 50, "stopped after " + stoppedAt + " trials");
        vm.refresh();

        vm.resumeStudy(id);
        RunViewModel run = (RunViewModel) vm.focusProperty().get();
        assertEquals(StudyState.FINISHED, run.stateProperty().get());
        assertEquals(50, first.trials(id).size(), "resumed to the spec's budget of 50");
        assertEquals(50, run.trials().size());
    }

    /**
     * The list still says stopped when Resume is pressed, but another process (a second store on
     * the same file) has just taken the study: the tab opens read-only and says who has it, and
     * the list's row follows.
     */
    @Test
    void resumeFromAListThatIsBehindIsRefusedNamingTheOtherRunner() throws Exception {
        long id = TestStudies.stoppedAfter(first, SpecReader.parse(SPEC), 10);
        vm.refresh();
        vm.studies().selectedProperty().set(vm.studies().studies().get(0));
        assertTrue(vm.studies().canResumeProperty().get());
        try (StudyStore other = SqliteStudyStore.open(dir.resolve("first.db"))) {
            other.acquireLease(id, new LeaseHolder("elsewhere.example", 4242, null, "rungs run"), Duration.ofSeconds(30));
            int before = first.trials(id).size();

            vm.studies().resumeSelected();
            RunViewModel run = (RunViewModel) vm.focusProperty().get();
            assertEquals(StudyState.RUNNING_ELSEWHERE, run.stateProperty().get());
            assertEquals("Cannot resume b", run.errorProperty().get().heading());
            assertTrue(run.errorProperty().get().message().contains("process 4242 on host elsewhere.example (rungs run)"),
                    run.errorProperty().get().message());
            assertEquals(before, first.trials(id).size());
            StudyRow row = vm.studies().studies().get(0);
            assertEquals(StudyState.RUNNING_ELSEWHERE, row.state());
            assertEquals(4242, row.elsewhere().orElseThrow().holder().pid());
            assertFalse(vm.studies().canResumeProperty().get());
        }
    }

    @Test
    void aNewDatabaseReplacesTheListAndIsRemembered() {
        vm.startStudy(SpecReader.parse(SPEC));
        assertEquals(1, vm.studies().studies().size());

        Path second = dir.resolve("second.db");
        vm.newDatabase(second);
        assertNull(vm.errorProperty().get());
        assertEquals(second, vm.databaseFileProperty().get());
        assertEquals(0, vm.runs().size(), "views of the old database are closed");
        assertEquals(0, vm.studies().studies().size());
        assertEquals(second.toAbsolutePath().toString(), prefs.get(AppPreferences.LAST_DATABASE).orElseThrow());
        assertEquals("Database: " + second.toAbsolutePath(), vm.statusProperty().get());
        assertTrue(Files.exists(second));
    }

    @Test
    void aFileThatIsNotADatabaseIsReportedAndTheCurrentOneStays() throws Exception {
        vm.startStudy(SpecReader.parse(SPEC));
        Path text = Files.writeString(dir.resolve("notes.db"), "shopping list\n".repeat(200));
        byte[] before = Files.readAllBytes(text);

        vm.openDatabase(text);
        assertNotNull(vm.errorProperty().get());
        assertEquals("Cannot open the database " + text, vm.errorProperty().get().heading());
        assertTrue(vm.errorProperty().get().message().contains("not a Rungs database"),
                vm.errorProperty().get().message());
        assertEquals(dir.resolve("first.db"), vm.databaseFileProperty().get());
        assertSame(first, vm.store());
        assertEquals(1, vm.studies().studies().size());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(text)), "the file is left as it was");
    }
}
