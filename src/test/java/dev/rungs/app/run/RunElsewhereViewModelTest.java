package dev.rungs.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.SteppedTaskExecutor;
import dev.rungs.app.TestStudies;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecReader;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.study.Trial;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A study another runner runs, in the run view's model: read-only, followed live, never resumed over it. */
class RunElsewhereViewModelTest {
    static final LeaseHolder ELSEWHERE = new LeaseHolder("elsewhere.example", 4242, null, "rungs run");
    static final String HOLDER = "process 4242 on host elsewhere.example (rungs run)";

    final InMemoryStudyStore store = new InMemoryStudyStore();
    final SteppedTaskExecutor clock = new SteppedTaskExecutor();

    /** A study of 300 trials stopped after a few. */
    long stoppedStudy() throws InterruptedException {
        return TestStudies.stoppedAfter(store, SpecReader.parse("""
                {"name": "held", "objective": {"type": "benchmark", "name": "branin"},
                 "sampler": {"type": "random"}, "budget": {"trials": 300}, "seed": 9}"""), 3);
    }

    Lease takenElsewhere(long id) {
        return store.acquireLease(id, ELSEWHERE, Duration.ofSeconds(30));
    }

    @Test
    void aStudyRunningElsewhereIsShownReadOnlyAndFollowedUntilItsRunnerEnds() throws Exception {
        long id = stoppedStudy();
        Lease lease = takenElsewhere(id);
        RunViewModel vm = new RunViewModel(store, clock);
        vm.open(id);

        assertEquals(StudyState.RUNNING_ELSEWHERE, vm.stateProperty().get());
        assertEquals(ELSEWHERE, vm.elsewhereProperty().get().holder());
        assertFalse(vm.canResumeProperty().get());
        assertFalse(vm.runningProperty().get(), "Stop is off: nothing runs here");
        assertTrue(vm.statusProperty().get().startsWith("Running elsewhere: " + HOLDER), vm.statusProperty().get());
        assertEquals(store.trials(id), List.copyOf(vm.trials()));
        assertEquals(List.of(Duration.ofSeconds(2)), clock.waiting());

        // The other runner adds a trial; the next read shows it, and the selection stays put.
        vm.selectTrial(0);
        Trial selected = vm.selectedTrialProperty().get();
        Trial added = store.addTrial(id, store.trials(id).get(0));
        long revision = vm.revisionProperty().get();
        assertEquals(1, clock.runDue());
        assertEquals(store.trials(id), List.copyOf(vm.trials()));
        assertEquals(added, vm.trials().get(added.number()));
        assertEquals(selected, vm.selectedTrialProperty().get());
        assertEquals(revision + 1, vm.revisionProperty().get(), "one redraw for the changes");
        assertEquals(1, clock.waiting().size(), "still elsewhere: read again");

        clock.runDue();
        assertEquals(revision + 1, vm.revisionProperty().get(), "no change, no redraw");

        store.releaseLease(lease);
        assertEquals(1, clock.runDue());
        assertEquals(StudyState.STOPPED, vm.stateProperty().get());
        assertNull(vm.elsewhereProperty().get());
        assertTrue(vm.canResumeProperty().get());
        assertEquals("The other runner has ended: held is stopped", vm.statusProperty().get());
        assertEquals(List.of(), clock.waiting(), "no longer followed");

        vm.resume();
        assertEquals(StudyState.FINISHED, vm.stateProperty().get());
        assertEquals(300, store.trials(id).stream().filter(t -> t.state().isFinished()).count());
        assertNull(vm.errorProperty().get());
    }

    @Test
    void resumeIsRefusedNamingTheHolderWhenAnotherRunnerTookTheStudyMeanwhile() throws Exception {
        long id = stoppedStudy();
        RunViewModel vm = new RunViewModel(store, clock);
        vm.open(id);
        assertTrue(vm.canResumeProperty().get());
        List<Trial> before = store.trials(id);

        takenElsewhere(id); // after the view read the study: the race Resume can lose
        vm.resume();

        ErrorReport refusal = vm.errorProperty().get();
        assertEquals("Cannot resume held", refusal.heading());
        assertTrue(refusal.message().startsWith("study 'held' is being run by " + HOLDER + " since "),
                refusal.message());
        assertFalse(refusal.message().contains("Exception"), "one line, no trace: " + refusal.message());
        assertEquals(StudyState.RUNNING_ELSEWHERE, vm.stateProperty().get());
        assertEquals(ELSEWHERE, vm.elsewhereProperty().get().holder());
        assertTrue(vm.statusProperty().get().contains(HOLDER), vm.statusProperty().get());
        assertEquals(before, store.trials(id), "nothing written");
        assertEquals(List.of(Duration.ofSeconds(2)), clock.waiting(), "followed from now on");

        vm.clearError();
        vm.resume(); // Ctrl+R again, with the button off
        assertEquals(refusal, vm.errorProperty().get());
        vm.stop();
        assertTrue(vm.statusProperty().get().endsWith("stop it there"), vm.statusProperty().get());
    }

    @Test
    void resumingFromTheListAStudyRunningElsewhereRefusesAndDoesNotResumeLaterByItself() throws Exception {
        long id = stoppedStudy();
        Lease lease = takenElsewhere(id);
        RunViewModel vm = new RunViewModel(store, clock);
        vm.openToResume(id, "held");
        assertEquals("Cannot resume held", vm.errorProperty().get().heading());
        assertEquals(StudyState.RUNNING_ELSEWHERE, vm.stateProperty().get());

        List<Trial> before = store.trials(id);
        store.releaseLease(lease);
        clock.runDue();
        assertEquals(StudyState.STOPPED, vm.stateProperty().get());
        assertEquals(before, store.trials(id), "the person asked before it was free; they ask again now");
    }

    @Test
    void aClosedViewStopsFollowingTheStudy() throws Exception {
        long id = stoppedStudy();
        takenElsewhere(id);
        RunViewModel vm = new RunViewModel(store, clock);
        vm.open(id);
        int shown = vm.trials().size();
        vm.close();
        store.addTrial(id, store.trials(id).get(0));
        assertEquals(1, clock.runDue());
        assertEquals(shown, vm.trials().size(), "not read again");
        assertEquals(List.of(), clock.waiting());
    }

    @Test
    void anExecutorWithoutTimeReadsOnceAndDoesNotLoop() throws Exception {
        long id = stoppedStudy();
        takenElsewhere(id);
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.open(id);
        assertEquals(StudyState.RUNNING_ELSEWHERE, vm.stateProperty().get());
    }
}
