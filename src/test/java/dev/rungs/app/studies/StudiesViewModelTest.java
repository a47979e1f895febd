package dev.rungs.app.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.TestSamples;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyRecord;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study list's logic, without a JavaFX toolkit: properties and lists only. */
class StudiesViewModelTest {
    @TempDir
    Path dir;

    final InMemoryStudyStore store = new InMemoryStudyStore();

    StudiesViewModel immediate(String... samples) {
        StudiesViewModel vm = new StudiesViewModel(store, TestSamples.copy(dir, samples), new ImmediateTaskExecutor());
        vm.refresh();
        return vm;
    }

    static SampleSpec sample(StudiesViewModel vm, String name) {
        return vm.samples().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void findsTheSamplesAndSelectsTheFirst() {
        StudiesViewModel vm = immediate("branin-random", "bad-sampler");
        assertEquals(List.of("bad-sampler", "branin-random"), vm.samples().stream().map(SampleSpec::name).toList());
        assertEquals("bad-sampler", vm.selectedSampleProperty().get().name());
        assertTrue(vm.canRunProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("2 samples in "), vm.statusProperty().get());
    }

    @Test
    void aMissingSamplesFolderOffersNothingToRun() {
        StudiesViewModel vm = new StudiesViewModel(store, dir.resolve("nowhere"), new ImmediateTaskExecutor());
        vm.refresh();
        assertTrue(vm.samples().isEmpty());
        assertFalse(vm.canRunProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("No samples in "), vm.statusProperty().get());
    }

    @Test
    void runsTheSampleIntoTheStoreAndTheRowShowsItsTrialsAndBest() {
        StudiesViewModel vm = immediate("branin-random");
        vm.runSelected();

        List<StudyRecord> stored = store.studies();
        assertEquals(1, stored.size());
        StudyRecord study = stored.get(0);
        assertEquals("branin-random-1", study.name());
        List<Trial> trials = store.trials(study.id());
        assertEquals(20, trials.size());
        assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
        double best = trials.stream().mapToDouble(t -> t.value().getAsDouble()).min().orElseThrow();

        assertEquals(1, vm.studies().size());
        StudyRow row = vm.studies().get(0);
        assertEquals(study.id(), row.studyId());
        assertEquals("branin-random-1", row.name());
        assertEquals("random", row.sampler());
        assertEquals(StudyState.FINISHED, row.state());
        assertEquals(20, row.trialsDone());
        assertEquals(best, row.best().getAsDouble());
        assertEquals(study.created(), row.started());
        assertFalse(vm.runningProperty().get());
        assertNull(vm.errorProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("branin-random-1 finished: 20 trials, best "),
                vm.statusProperty().get());
    }

    @Test
    void aRerunGetsAStudyOfItsOwn() {
        StudiesViewModel vm = immediate("branin-random");
        vm.runSelected();
        vm.runSelected();
        assertEquals(List.of("branin-random-1", "branin-random-2"),
                store.studies().stream().map(StudyRecord::name).toList());
        assertEquals(List.of("branin-random-1", "branin-random-2"),
                vm.studies().stream().map(StudyRow::name).toList());
        assertEquals(20, vm.studies().get(1).trialsDone());
    }

    @Test
    void aBadSpecSetsTheErrorAndAddsNothing() {
        StudiesViewModel vm = immediate("bad-sampler");
        vm.runSelected();

        ErrorReport error = vm.errorProperty().get();
        assertNotNull(error);
        assertEquals("$.sampler.type: unknown sampler \"annealing\"; known: random, grid, sobol, tpe", error.message());
        assertTrue(error.heading().contains("bad-sampler"), error.heading());
        assertTrue(store.studies().isEmpty());
        assertTrue(vm.studies().isEmpty());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.canRunProperty().get(), "the next run is possible");

        vm.clearError();
        assertNull(vm.errorProperty().get());
    }

    @Test
    void listsTheStudiesAlreadyInTheStore() throws Exception {
        StudySpec spec = SpecReader.read(TestSamples.copy(dir, "branin-random").resolve("branin-random/spec.json"));
        try (Tuner t = StudyFactory.createTuner(spec, store)) {
            t.optimize(StudyFactory.createObjective(spec), spec.budget());
        }
        StudiesViewModel vm = new StudiesViewModel(store, dir, new ImmediateTaskExecutor());
        vm.refresh();

        assertEquals(1, vm.studies().size());
        StudyRow row = vm.studies().get(0);
        assertEquals("branin-random", row.name());
        assertEquals("random", row.sampler());
        assertEquals(StudyState.FINISHED, row.state());
        assertEquals(20, row.trialsDone());
        assertTrue(row.best().isPresent());

        vm.runSelected();
        assertEquals("branin-random-1", vm.studies().get(1).name(), "numbered though the plain name is taken");
    }

    /**
     * A run on real threads with a single stand-in UI thread: Stop ends it as stopped, and the
     * engine's flood of events reaches the UI thread at most about ten times a second.
     */
    @Test
    void stopEndsALiveRunAndLiveUpdatesAreCoalesced() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        DefaultTaskExecutor tasks = new DefaultTaskExecutor(uiThread);
        try {
            Path samples = TestSamples.copy(dir, "branin-endless");
            StudiesViewModel vm = onUi(uiThread, () -> new StudiesViewModel(store, samples, tasks));
            AtomicInteger rowUpdates = new AtomicInteger();
            onUi(uiThread, () -> {
                vm.studies().addListener((ListChangeListener<StudyRow>) c -> {
                    while (c.next()) {
                        c.getAddedSubList().forEach(r -> r.trialsDoneProperty()
                                .addListener((o, a, b) -> rowUpdates.incrementAndGet()));
                    }
                });
                vm.refresh();
                return null;
            });
            waitUntil(uiThread, () -> vm.canRunProperty().get());

            long t0 = System.nanoTime();
            onUi(uiThread, () -> {
                vm.runSelected();
                return null;
            });
            waitUntil(uiThread, () -> !vm.studies().isEmpty() && vm.studies().get(0).trialsDone() >= 100);
            Thread.sleep(600);
            assertEquals(StudyState.RUNNING, onUi(uiThread, () -> vm.studies().get(0).state()));
            onUi(uiThread, () -> {
                vm.stop();
                return null;
            });
            waitUntil(uiThread, () -> !vm.runningProperty().get());
            double seconds = (System.nanoTime() - t0) / 1e9;

            StudyRow row = onUi(uiThread, () -> vm.studies().get(0));
            long finished = store.trials(row.studyId()).stream().filter(t -> t.state().isFinished()).count();
            assertEquals(StudyState.STOPPED, onUi(uiThread, row::state));
            assertEquals(finished, (long) onUi(uiThread, row::trialsDone), "the row ends with the stored count");
            assertTrue(finished > 100, "ran " + finished + " trials");
            int allowed = (int) Math.ceil(seconds * 10) + 2;
            assertTrue(rowUpdates.get() <= allowed, rowUpdates.get() + " row updates for " + finished
                    + " trials in " + seconds + " s (allowed " + allowed + ")");
            assertTrue(onUi(uiThread, () -> vm.statusProperty().get()).contains("stopped: "));
        } finally {
            tasks.shutdown();
            uiThread.shutdownNow();
        }
    }

    static <T> T onUi(ExecutorService ui, Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(ExecutorService ui, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!onUi(ui, condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 15 s");
            }
            Thread.sleep(20);
        }
    }
}
