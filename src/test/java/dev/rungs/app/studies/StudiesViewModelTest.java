package dev.rungs.app.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.SteppedTaskExecutor;
import dev.rungs.app.TestStudies;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study list's logic, without a JavaFX toolkit. */
class StudiesViewModelTest {
    static final String SPEC = """
            {"name": "%s", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "%s"}, %s "budget": {"trials": 12}, "seed": 5}""";

    final InMemoryStudyStore store = new InMemoryStudyStore();
    final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();

    StudySpec spec(String name, String sampler, String scheduler) {
        String sched = scheduler == null ? "" : "\"scheduler\": {\"type\": \"" + scheduler + "\"},";
        return SpecReader.parse(String.format(SPEC, name, sampler, sched));
    }

    /** Runs a study to its budget straight on the engine, outside any view. */
    long runStudy(StudySpec spec) {
        try (Tuner t = StudyFactory.createTuner(spec, store, "test")) {
            t.optimize(StudyFactory.createObjective(spec), spec.budget());
            return t.study().id();
        }
    }

    @Test
    void listsTheStoredStudiesWithMethodStateTrialsAndBest() {
        long a = runStudy(spec("a", "random", null));
        long b = runStudy(spec("b", "tpe", "median"));
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        vm.refresh();

        assertEquals(List.of("a", "b"), vm.studies().stream().map(StudyRow::name).toList());
        StudyRow rowB = vm.studies().get(1);
        assertEquals(b, rowB.studyId());
        assertEquals(a, vm.studies().get(0).studyId());
        assertEquals("tpe + median", rowB.method());
        assertEquals("random", vm.studies().get(0).method());
        assertEquals(StudyState.FINISHED, rowB.state());
        assertEquals(12, rowB.summary().trials());
        double best = store.trials(b).stream().mapToDouble(t -> t.value().getAsDouble()).min().orElseThrow();
        assertEquals(best, rowB.summary().best().getAsDouble());
        assertEquals("2 studies", vm.countText().get());
        assertFalse(vm.loadingProperty().get());
    }

    @Test
    void aStudyWhoseTrialsFailedShowsHowManyAndWhyWithATrialThatShowsIt() {
        StudySpec s = spec("broken", "random", null);
        try (Tuner t = StudyFactory.createTuner(s, store, "test")) {
            t.optimize((c, ctx) -> {
                if (ctx.trialNumber() == 0) {
                    return 1.0;
                }
                throw new java.io.FileNotFoundException(ctx.trialNumber() % 3 == 0 ? "data.csv" : "train.py");
            }, s.budget());
        }
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        vm.refresh();
        StudyRow row = vm.studies().get(0);
        assertEquals(11, row.failures().failed());
        vm.selectedProperty().set(row);
        assertEquals("11 failed: 8× train.py (e.g. trial 1); 3× data.csv (e.g. trial 3)",
                vm.selectedHintProperty().get());
        vm.selectedProperty().set(null);
        assertEquals("", vm.selectedHintProperty().get());
    }

    @Test
    void actionsFollowTheSelectedStudy() {
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        List<Long> opened = new ArrayList<>();
        vm.setOnOpen(opened::add);
        long id = runStudy(spec("a", "random", null));
        vm.refresh();

        assertFalse(vm.canDeleteProperty().get(), "nothing selected");
        vm.openSelected();
        assertEquals(List.of(), opened);

        vm.selectedProperty().set(vm.studies().get(0));
        assertTrue(vm.canDeleteProperty().get());
        assertFalse(vm.canResumeProperty().get(), "a finished study has nothing to resume");
        assertFalse(vm.canStopProperty().get(), "it does not run here");
        vm.openSelected();
        assertEquals(List.of(id), opened);
    }

    @Test
    void deleteRemovesTheStudyFromTheStoreAndTheList() {
        long keep = runStudy(spec("keep", "random", null));
        long gone = runStudy(spec("gone", "random", null));
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        List<Long> deleted = new ArrayList<>();
        vm.setOnDeleted(deleted::add);
        vm.refresh();

        vm.selectedProperty().set(vm.studies().get(1));
        vm.deleteSelected();
        assertEquals(List.of("keep"), vm.studies().stream().map(StudyRow::name).toList());
        assertTrue(store.study(gone).isEmpty());
        assertEquals(12, store.trials(keep).size());
        assertEquals(List.of(gone), deleted);
        assertEquals("Deleted gone", vm.statusProperty().get());
    }

    @Test
    void aRunOfThisWindowAppearsAndItsRowFollowsIt() {
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        vm.refresh();
        RunViewModel run = new RunViewModel(store, tasks);
        vm.track(run);
        run.startNew(spec("live", "sobol", null));

        assertEquals(1, vm.studies().size());
        StudyRow row = vm.studies().get(0);
        assertEquals("live-1", row.name());
        assertEquals("sobol", row.method());
        assertEquals(StudyState.FINISHED, row.state());
        assertEquals(12, row.summary().trials());
        assertEquals(run.summaryProperty().get(), row.summary(), "the row shows the run's own summary");
        assertEquals(run.bestProperty().get(), row.summary().best());

        vm.refresh();
        assertEquals(1, vm.studies().size(), "the store's copy does not add a second row");
    }

    @Test
    void aRunNoLongerTrackedLeavesTheListAlone() {
        long other = runStudy(spec("other", "random", null));
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        RunViewModel run = new RunViewModel(store, tasks);
        vm.track(run);
        run.startNew(spec("live", "sobol", null));
        vm.refresh();
        assertEquals(List.of("other", "live-1"), vm.studies().stream().map(StudyRow::name).toList());

        vm.selectedProperty().set(vm.studies().get(1));
        vm.deleteSelected();
        vm.untrack(run);
        // The closed view's model is used again: the list no longer follows it.
        run.startNew(spec("again", "random", null));
        assertEquals(List.of("other"), vm.studies().stream().map(StudyRow::name).toList());
        assertEquals(other, vm.studies().get(0).studyId());
    }

    // ------------------------------------------------------------------ studies another runner runs

    static final LeaseHolder ELSEWHERE = new LeaseHolder("elsewhere.example", 4242, null, "rungs run");
    static final String HOLDER = "process 4242 on host elsewhere.example (rungs run)";

    /** A study stopped long before its budget, so it can be resumed. */
    long stoppedStudy() throws InterruptedException {
        return TestStudies.stoppedAfter(store, SpecReader.parse("""
                {"name": "held", "objective": {"type": "benchmark", "name": "branin"},
                 "sampler": {"type": "random"}, "budget": {"trials": 100000}, "seed": 5}"""), 3);
    }

    @Test
    void aStudyHeldByAnotherRunnerIsRunningElsewhereAndResumeIsRefusedNamingIt() throws Exception {
        long id = stoppedStudy();
        store.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
        StudiesViewModel vm = new StudiesViewModel(store, tasks);
        List<Long> resumed = new ArrayList<>();
        vm.setOnResume(resumed::add);
        vm.refresh();

        StudyRow row = vm.studies().get(0);
        assertEquals(StudyState.RUNNING_ELSEWHERE, row.state());
        assertEquals(ELSEWHERE, row.elsewhere().orElseThrow().holder());
        vm.selectedProperty().set(row);
        assertFalse(vm.canResumeProperty().get(), "another runner has it");
        assertFalse(vm.canStopProperty().get(), "it does not run here");
        assertFalse(vm.canDeleteProperty().get(), "deleting it would pull the study from under its runner");
        assertTrue(vm.selectedHintProperty().get().startsWith("Running elsewhere: " + HOLDER + " since "),
                vm.selectedHintProperty().get());

        vm.resumeSelected(); // Ctrl+R reaches it even with the button off
        assertEquals(List.of(), resumed);
        ErrorReport refusal = vm.errorProperty().get();
        assertEquals("Cannot resume held", refusal.heading());
        assertTrue(refusal.message().contains("is being run by " + HOLDER), refusal.message());
        assertTrue(vm.statusProperty().get().contains(HOLDER), vm.statusProperty().get());
    }

    @Test
    void rowsRunningElsewhereAreReadAgainUntilTheOtherRunnerEnds() throws Exception {
        long id = stoppedStudy();
        runStudy(spec("finished", "random", null));
        int before = StudySummary.of(store.trials(id), Direction.MINIMIZE).trials();
        Lease lease = store.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
        SteppedTaskExecutor clock = new SteppedTaskExecutor();
        StudiesViewModel vm = new StudiesViewModel(store, clock);
        List<Long> resumed = new ArrayList<>();
        vm.setOnResume(resumed::add);
        vm.refresh();
        vm.selectedProperty().set(vm.studies().get(0));
        assertEquals(List.of(Duration.ofSeconds(2)), clock.waiting(), "the next read is due in 2 s");
        vm.refresh(); // F5 meanwhile
        assertEquals(1, clock.waiting().size(), "reads never pile up");
        StudyRow finished = vm.studies().get(1);

        // The other runner finishes a trial: the next read shows it.
        store.addTrial(id, store.trials(id).get(0));
        assertEquals(1, clock.runDue());
        StudyRow row = vm.studies().get(0);
        assertEquals(before + 1, row.summary().trials());
        assertEquals(StudyState.RUNNING_ELSEWHERE, row.state());
        assertEquals(1, clock.waiting().size(), "still elsewhere, so read again");
        assertTrue(finished == vm.studies().get(1), "only the rows running elsewhere are read again");

        store.releaseLease(lease);
        assertEquals(1, clock.runDue());
        row = vm.studies().get(0);
        assertEquals(StudyState.STOPPED, row.state());
        assertTrue(row.elsewhere().isEmpty());
        assertEquals(row, vm.selectedProperty().get(), "the selection follows the new row");
        assertTrue(vm.canResumeProperty().get());
        assertEquals("", vm.selectedHintProperty().get());
        assertEquals(List.of(), clock.waiting(), "nothing elsewhere, nothing to poll");
        vm.resumeSelected();
        assertEquals(List.of(id), resumed);
        assertNull(vm.errorProperty().get());
    }

    @Test
    void aStudyRunningElsewhereThatItsRunnerDeletesLeavesTheList() throws Exception {
        long id = stoppedStudy();
        store.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
        SteppedTaskExecutor clock = new SteppedTaskExecutor();
        StudiesViewModel vm = new StudiesViewModel(store, clock);
        vm.refresh();
        vm.selectedProperty().set(vm.studies().get(0));
        store.deleteStudy(id); // this store holds the other runner's lease, so it may
        clock.runDue();
        assertEquals(List.of(), vm.studies());
        assertNull(vm.selectedProperty().get());
        assertEquals(List.of(), clock.waiting());
    }
}
