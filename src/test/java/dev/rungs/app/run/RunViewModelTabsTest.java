package dev.rungs.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.spec.SpecReader;
import dev.rungs.store.InMemoryStudyStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run view model owns its method tabs' view models and feeds them only while their tab is in front. */
class RunViewModelTabsTest {
    static final String BRANIN_TPE = """
            {"name": "branin-tpe", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "tpe", "n_startup_trials": 5}, "budget": {"trials": 12}, "seed": 2}""";
    static final String HYPERBAND = """
            {"name": "mf", "objective": {"type": "benchmark", "name": "mf-hartmann6"},
             "sampler": {"type": "bohb"}, "scheduler": {"type": "hyperband", "min_resource": 1,
             "max_resource": 9, "reduction_factor": 3}, "budget": {"trials": 17}, "seed": 11}""";

    final InMemoryStudyStore store = new InMemoryStudyStore();

    long stored(String spec) {
        RunViewModel run = new RunViewModel(store, new ImmediateTaskExecutor());
        run.startNew(SpecReader.parse(spec));
        return run.studyIdProperty().get();
    }

    @Test
    void theTpeTabsModelGetsTheStudyOnlyOnceItsTabIsInFront() {
        long id = stored(BRANIN_TPE);
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.open(id);

        assertTrue(vm.hasTpeTabProperty().get());
        assertFalse(vm.hasRungsTabProperty().get(), "no rungs without a multi-fidelity scheduler");
        assertEquals(RunTab.HISTORY, vm.shownTabProperty().get());
        assertTrue(vm.tpe().trialNumbers().isEmpty(), "nothing is computed for a tab nobody looks at");
        assertNull(vm.tpe().densitiesProperty().get());

        vm.shownTabProperty().set(RunTab.TPE);
        assertEquals(12, vm.tpe().trialNumbers().size());
        assertEquals(11, vm.tpe().selectedTrialNumber());
        assertNotNull(vm.tpe().densitiesProperty().get());
        assertEquals("TPE's model of x1 when trial 11 was proposed", vm.tpe().chartTitleProperty().get());
    }

    @Test
    void aBohbStudyHasARungsTabAndNoTpeTab() {
        long id = stored(HYPERBAND);
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.open(id);

        assertTrue(vm.hasRungsTabProperty().get());
        assertFalse(vm.hasTpeTabProperty().get(), "BOHB's model is per budget: the rungs tab shows it");
        assertTrue(vm.rungs().brackets().isEmpty());

        vm.shownTabProperty().set(RunTab.RUNGS);
        assertEquals(List.of("Round 1 · bracket s = 2", "Round 1 · bracket s = 1", "Round 1 · bracket s = 0"),
                vm.rungs().brackets().stream().map(b -> b.label()).toList());
        assertTrue(vm.rungs().bohbProperty().get());
    }
}
