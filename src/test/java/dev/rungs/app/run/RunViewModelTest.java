package dev.rungs.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.DefaultTaskExecutor;
import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecReader;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run view's logic without a JavaFX toolkit: real runs on the engine, read back from the store. */
class RunViewModelTest {
    static final String BRANIN_RANDOM = """
            {"name": "branin-random", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": 20}, "seed": 7}""";
    /** Thousands of trials a second, until stopped. */
    static final String BRANIN_ENDLESS = """
            {"name": "branin-endless", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "sobol"}, "budget": {"trials": 100000000}, "seed": 3}""";

    @TempDir
    Path dir;

    final InMemoryStudyStore store = new InMemoryStudyStore();

    @Test
    void aNewStudyRunsToItsBudgetAndShowsEveryTrialItsBestAndProgress() {
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.startNew(SpecReader.parse(BRANIN_RANDOM));

        assertEquals("branin-random-1", vm.nameProperty().get());
        assertEquals(StudyState.FINISHED, vm.stateProperty().get());
        List<Trial> stored = store.trials(vm.studyIdProperty().get());
        assertEquals(20, stored.size());
        assertEquals(stored, List.copyOf(vm.trials()), "the view shows the stored trials, in number order");
        assertEquals(20, vm.summaryProperty().get().trials());
        assertEquals(20, vm.summaryProperty().get().complete());
        double best = stored.stream().mapToDouble(t -> t.value().getAsDouble()).min().orElseThrow();
        assertEquals(best, vm.bestProperty().get().getAsDouble());
        assertEquals(1.0, vm.progressProperty().get());
        assertTrue(vm.progressTextProperty().get().startsWith("20 of 20 trials · "), vm.progressTextProperty().get());
        assertFalse(vm.canResumeProperty().get(), "a finished study has nothing to resume");
        assertNull(vm.errorProperty().get());

        RunViewModel again = new RunViewModel(store, new ImmediateTaskExecutor());
        again.startNew(SpecReader.parse(BRANIN_RANDOM));
        assertEquals("branin-random-2", again.nameProperty().get(), "the same spec again is a new study");
    }

    @Test
    void openingAStoredStudyShowsItsTrialsAndExportWritesThemAsCsv() throws Exception {
        RunViewModel run = new RunViewModel(store, new ImmediateTaskExecutor());
        run.startNew(SpecReader.parse(BRANIN_RANDOM));
        long id = run.studyIdProperty().get();

        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.open(id);
        assertEquals("branin-random-1", vm.nameProperty().get());
        assertEquals(StudyState.FINISHED, vm.stateProperty().get());
        assertEquals(store.trials(id), List.copyOf(vm.trials()));
        assertEquals(run.bestProperty().get(), vm.bestProperty().get());

        Path csv = dir.resolve("out/trials.csv");
        vm.exportCsv(csv);
        assertNull(vm.errorProperty().get(), () -> vm.errorProperty().get().toString());
        try (Reader r = Files.newBufferedReader(csv)) {
            List<TrialsCsv.Row> rows = TrialsCsv.read(r, vm.specProperty().get().space());
            assertEquals(20, rows.size());
            assertEquals(store.trials(id).get(13).value(), rows.get(13).value());
        }
        assertEquals("Exported 20 trials to " + csv, vm.statusProperty().get());
    }

    @Test
    void exportReplacesAnOldFileWholeThroughATemporaryFileInTheSameFolder() throws Exception {
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.startNew(SpecReader.parse(BRANIN_RANDOM));
        Path csv = Files.writeString(dir.resolve("trials.csv"), "an older export\n".repeat(1000));
        vm.exportCsv(csv);
        assertNull(vm.errorProperty().get());
        try (Reader r = Files.newBufferedReader(csv)) {
            assertEquals(20, TrialsCsv.read(r, vm.specProperty().get().space()).size());
        }
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(csv), left.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aResourceBudgetShowsTheResourceUsedAndFillsTheBar() {
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.startNew(SpecReader.parse("""
                {"name": "mf", "objective": {"type": "benchmark", "name": "mf-hartmann6"},
                 "sampler": {"type": "random"}, "budget": {"resource": 500}, "seed": 4,
                 "scheduler": {"type": "hyperband", "min_resource": 1, "max_resource": 27, "reduction_factor": 3}}"""));
        long used = store.trials(vm.studyIdProperty().get()).stream()
                .mapToLong(t -> Long.parseLong(t.attrs().getOrDefault("resource_used", "0"))).sum();
        assertTrue(used >= 500, "the run ends once 500 is used: " + used);
        assertTrue(vm.progressTextProperty().get().contains(" · resource " + used + " of 500 · "),
                vm.progressTextProperty().get());
        assertEquals(1.0, vm.progressProperty().get());
    }

    @Test
    void openingAStudyThatIsGoneReportsIt() {
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.open(12345);
        assertNotNull(vm.errorProperty().get());
        assertEquals("Cannot open the study", vm.errorProperty().get().heading());
        assertEquals("the study with id 12345 is no longer in the store", vm.errorProperty().get().message());
    }

    @Test
    void filtersByStateAndByParameterText() {
        RunViewModel vm = new RunViewModel(store, new ImmediateTaskExecutor());
        vm.startNew(SpecReader.parse(BRANIN_RANDOM));
        assertEquals(20, vm.shownTrials().size());
        vm.shownStatesProperty().set(Set.of(TrialState.FAIL));
        assertEquals(0, vm.shownTrials().size());
        vm.shownStatesProperty().set(Set.of());
        assertEquals(0, vm.shownTrials().size(), "no state checked, nothing shown");
        vm.shownStatesProperty().set(Set.of(TrialState.COMPLETE, TrialState.FAIL));
        assertEquals(20, vm.shownTrials().size());
        vm.filterTextProperty().set("7");
        assertTrue(vm.shownTrials().stream().anyMatch(t -> t.number() == 7));
        assertTrue(vm.shownTrials().stream().allMatch(t -> t.number() == 7
                || t.config().values().toString().contains("7")));
        vm.filterTextProperty().set("x1=");
        assertEquals(20, vm.shownTrials().size());
        vm.filterTextProperty().set("no such parameter");
        assertEquals(0, vm.shownTrials().size());
    }

    /**
     * On real threads with one stand-in UI thread: Stop pauses the run, the live updates came at
     * most about ten a second, and Resume continues the same study with every trial kept.
     */
    @Test
    void stopThenResumeContinuesTheStudyAndLiveUpdatesAreCoalesced() throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor();
        DefaultTaskExecutor tasks = new DefaultTaskExecutor(uiThread);
        try {
            RunViewModel vm = onUi(uiThread, () -> new RunViewModel(store, tasks));
            AtomicInteger updates = new AtomicInteger();
            onUi(uiThread, () -> {
                vm.revisionProperty().addListener(o -> updates.incrementAndGet());
                vm.startNew(SpecReader.parse(BRANIN_ENDLESS));
                return null;
            });
            long t0 = System.nanoTime();
            waitUntil(uiThread, () -> vm.summaryProperty().get().ended() >= 200);
            Thread.sleep(500);
            assertEquals(StudyState.RUNNING, onUi(uiThread, () -> vm.stateProperty().get()));
            onUi(uiThread, () -> {
                vm.stop();
                return null;
            });
            waitUntil(uiThread, () -> vm.stateProperty().get() == StudyState.STOPPED);
            double seconds = (System.nanoTime() - t0) / 1e9;

            long id = onUi(uiThread, () -> vm.studyIdProperty().get());
            List<Trial> stopped = store.trials(id);
            long finished = stopped.stream().filter(t -> t.state().isFinished()).count();
            assertEquals(StudySummary.of(stopped, Direction.MINIMIZE),
                    onUi(uiThread, () -> vm.summaryProperty().get()), "the view counts the stored trials");
            assertEquals(stopped, onUi(uiThread, () -> List.copyOf(vm.trials())), "the view ends with the stored trials");
            int allowed = (int) Math.ceil(seconds * 10) + 3;
            assertTrue(updates.get() <= allowed, updates.get() + " updates for " + finished + " trials in "
                    + seconds + " s (allowed " + allowed + ")");
            assertTrue(onUi(uiThread, () -> vm.canResumeProperty().get()));

            onUi(uiThread, () -> {
                vm.resume();
                return null;
            });
            waitUntil(uiThread, () -> vm.summaryProperty().get().ended() >= finished + 200);
            onUi(uiThread, () -> {
                vm.stop();
                return null;
            });
            waitUntil(uiThread, () -> vm.stateProperty().get() == StudyState.STOPPED);
            List<Trial> after = store.trials(id);
            for (Trial before : stopped) {
                if (before.state() == TrialState.COMPLETE) {
                    assertEquals(before, after.get(before.number()), "completed trial " + before.number() + " kept");
                }
            }
            assertEquals(after, onUi(uiThread, () -> List.copyOf(vm.trials())));
            assertEquals(1, store.studies().size(), "resume continues the same study");
        } finally {
            tasks.shutdown();
            uiThread.shutdownNow();
        }
    }

    static <T> T onUi(ExecutorService ui, Callable<T> c) throws Exception {
        return ui.submit(c).get(10, TimeUnit.SECONDS);
    }

    static void waitUntil(ExecutorService ui, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!onUi(ui, condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(20);
        }
    }
}
