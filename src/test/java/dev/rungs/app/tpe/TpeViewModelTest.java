package dev.rungs.app.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.BackgroundTask;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.TaskRun;
import dev.rungs.app.charts.DensityData;
import dev.rungs.app.charts.ParamGrid;
import dev.rungs.engine.Budget;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.sampler.tpe.TpeExplanation;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.sampler.tpe.TpeSettings;
import dev.rungs.space.Config;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.SearchSpace;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TPE view's logic on real TPE studies, without a JavaFX toolkit. */
class TpeViewModelTest {
    static final String BRANIN_SPEC = """
            {
              "name": "branin-tpe",
              "objective": {"type": "benchmark", "name": "branin"},
              "direction": "minimize",
              "sampler": {"type": "tpe", "n_startup_trials": 10},
              "budget": {"trials": 30},
              "workers": 1,
              "seed": 1
            }
            """;

    static StudySpec braninSpec;
    static List<Trial> braninTrials;

    /** One real 30-trial TPE study on Branin, shared by the tests (they only read it). */
    @BeforeAll
    static void runBranin() {
        braninSpec = SpecReader.parse(BRANIN_SPEC);
        BenchmarkProblem branin = BenchmarkProblems.byName("branin");
        try (Tuner tuner = Tuner.builder(branin.space()).minimize()
                .sampler(new TpeSampler(TpeSettings.defaults())).seed(1).build()) {
            braninTrials = tuner.optimize(branin, Budget.trials(30)).trials();
        }
        assertEquals(30, braninTrials.size());
    }

    static TpeViewModel branin() {
        TpeViewModel vm = new TpeViewModel(new ImmediateTaskExecutor());
        vm.setStudy(braninSpec, braninTrials);
        return vm;
    }

    @Test
    void offersTheStudysParametersAndStartsAtTheLatestTrial() {
        TpeViewModel vm = branin();
        assertEquals(List.of("x1", "x2"), vm.parameters());
        assertEquals("x1", vm.selectedParameterProperty().get());
        assertEquals(30, vm.trialNumbers().size());
        assertEquals(29, vm.selectedTrialNumber());
        assertEquals("Trial 29 of 30", vm.trialLabelProperty().get());
        assertNotNull(vm.densitiesProperty().get());
    }

    @Test
    void aModelTrialIsExplainedByTheDensitiesTheSamplerFittedOnTheTrialsBeforeIt() {
        TpeViewModel vm = branin();
        vm.selectedTrialIndexProperty().set(20);
        Trial target = braninTrials.get(20);
        assertEquals("model", target.attrs().get(TrialFact.TPE_MODE.key()));

        DensityData data = vm.densitiesProperty().get();
        assertEquals("x1", data.parameter());
        assertEquals(20, data.goodObservations().length + data.badObservations().length,
                "every completed trial before trial 20 is an observation");
        assertEquals(target.config().getDouble("x1"), data.picked());
        assertEquals(ParamGrid.GRID_POINTS, data.xs().length);
        assertFalse(data.logX());

        // The same numbers as the sampler's own explanation of that prefix of the study.
        MutableTrialHistory prefix = new MutableTrialHistory(Direction.MINIMIZE);
        for (Trial t : braninTrials.subList(0, 20)) {
            assertFalse(t.finished().isAfter(target.started()), "one worker: trial " + t.number() + " had ended");
            prefix.put(t);
        }
        TpeExplanation direct = new TpeSampler().explain(prefix, braninSpec.space(), "x1");
        assertArrayEquals(direct.good(data.xs()), data.good());
        assertArrayEquals(direct.bad(data.xs()), data.bad());
        assertArrayEquals(direct.goodValues(), data.goodObservations());
        assertArrayEquals(direct.badValues(), data.badObservations());
        assertTrue(vm.messageProperty().get().startsWith("Trial 20: TPE split the 20 trials before it into "),
                vm.messageProperty().get());
        assertEquals("TPE's model of x1 when trial 20 was proposed", vm.chartTitleProperty().get());

        vm.selectedParameterProperty().set("x2");
        DensityData x2 = vm.densitiesProperty().get();
        assertEquals("x2", x2.parameter());
        assertEquals(0, x2.xs()[0], "x2's own range, [0, 15]");
        assertEquals(15, x2.xs()[x2.xs().length - 1]);
        assertEquals(target.config().getDouble("x2"), x2.picked());
        assertArrayEquals(new TpeSampler().explain(prefix, braninSpec.space(), "x2").good(x2.xs()), x2.good());
    }

    @Test
    void aStartupTrialIsSaidToBeRandom() {
        TpeViewModel vm = branin();
        vm.selectedTrialIndexProperty().set(3);
        assertEquals("Trial 3 of 30", vm.trialLabelProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Trial 3 was proposed at random: TPE's 10 startup trials"),
                vm.messageProperty().get());
        assertEquals(3, vm.densitiesProperty().get().goodObservations().length
                + vm.densitiesProperty().get().badObservations().length);
    }

    @Test
    void aStudyWithAnotherSamplerIsNotComputed() {
        CountingExecutor tasks = new CountingExecutor();
        TpeViewModel vm = new TpeViewModel(tasks);
        StudySpec random = SpecReader.parse(BRANIN_SPEC.replace("\"type\": \"tpe\", \"n_startup_trials\": 10",
                "\"type\": \"random\""));
        vm.setStudy(random, braninTrials);
        assertEquals("This study uses random search; the TPE view explains TPE studies.", vm.messageProperty().get());
        assertEquals(0, tasks.executed, "nothing is computed");
        assertNull(vm.densitiesProperty().get());
        assertTrue(vm.parameters().isEmpty());
        assertEquals(-1, vm.selectedTrialNumber());

        vm.setStudy(braninSpec, braninTrials);
        assertEquals(1, tasks.executed, "a TPE study is computed once, not once per property set");
        assertNotNull(vm.densitiesProperty().get());
    }

    @Test
    void moreTrialsKeepTheChosenParameterAndTrial() {
        TpeViewModel vm = new TpeViewModel(new ImmediateTaskExecutor());
        vm.setStudy(braninSpec, braninTrials.subList(0, 20));
        assertEquals(19, vm.selectedTrialNumber());
        vm.selectedParameterProperty().set("x2");
        vm.selectedTrialIndexProperty().set(12);

        vm.setStudy(braninSpec, braninTrials);
        assertEquals("x2", vm.selectedParameterProperty().get());
        assertEquals(12, vm.selectedTrialNumber());
        assertEquals("Trial 12 of 30", vm.trialLabelProperty().get());
        assertEquals(12, vm.densitiesProperty().get().goodObservations().length
                + vm.densitiesProperty().get().badObservations().length);
    }

    @Test
    void aResultForASelectionLeftMeanwhileIsDropped() {
        QueuedExecutor tasks = new QueuedExecutor();
        TpeViewModel vm = new TpeViewModel(tasks);
        vm.setStudy(braninSpec, braninTrials);
        vm.selectedTrialIndexProperty().set(15);
        vm.selectedTrialIndexProperty().set(16);
        assertEquals(1, tasks.queue.size(), "one computation at a time");

        tasks.runNext();
        assertNull(vm.densitiesProperty().get(), "the result for trial 29 came too late");
        assertEquals(1, tasks.queue.size(), "the latest selection is computed next");
        tasks.runNext();
        DensityData data = vm.densitiesProperty().get();
        assertEquals(16, data.goodObservations().length + data.badObservations().length);
        assertEquals(braninTrials.get(16).config().getDouble("x1"), data.picked());
        assertTrue(tasks.queue.isEmpty());
    }

    @Test
    void logIntegerAndCategoricalParametersGetTheirOwnGrids() {
        SearchSpace space = SearchSpace.builder()
                .logFloatParam("lr", 1e-5, 1e-1)
                .intParam("layers", 1, 4)
                .categorical("optimizer", "adam", "sgd")
                .build();
        List<Trial> trials;
        try (Tuner tuner = Tuner.builder(space).minimize().sampler(new TpeSampler()).seed(3).build()) {
            trials = tuner.optimize((config, ctx) -> Math.pow(Math.log10(config.getDouble("lr")) + 3, 2)
                    + config.getInt("layers") * 0.1 + (config.get("optimizer").equals("sgd") ? 0.5 : 0),
                    Budget.trials(25)).trials();
        }
        StudySpec base = SpecReader.parse(BRANIN_SPEC);
        StudySpec spec = new StudySpec("mlp", base.objective(), Direction.MINIMIZE, space, base.sampler(),
                base.scheduler(), base.budget(), base.maxResource(), base.workers(), base.seed());
        TpeViewModel vm = new TpeViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, trials);
        assertEquals(List.of("lr", "layers", "optimizer"), vm.parameters());

        DensityData lr = vm.densitiesProperty().get();
        assertTrue(lr.logX());
        double[] xs = lr.xs();
        assertEquals(ParamGrid.GRID_POINTS, xs.length);
        assertEquals(1e-5, xs[0]);
        assertEquals(1e-1, xs[xs.length - 1]);
        double ratio = xs[1] / xs[0];
        for (int i = 1; i < xs.length; i++) {
            assertEquals(ratio, xs[i] / xs[i - 1], 1e-9, "a geometric grid");
        }
        // Shown per unit of ln x: the sampler's density times x · ln(high / low).
        MutableTrialHistory prefix = new MutableTrialHistory(Direction.MINIMIZE);
        trials.subList(0, 24).forEach(prefix::put);
        double[] raw = new TpeSampler().explain(prefix, space, "lr").good(xs);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(raw[i] * xs[i] * Math.log(1e4), lr.good()[i], 1e-9 * Math.max(1, lr.good()[i]));
        }
        assertEquals(trials.get(24).config().getDouble("lr"), lr.picked());

        vm.selectedParameterProperty().set("layers");
        DensityData layers = vm.densitiesProperty().get();
        assertArrayEquals(new double[] {1, 2, 3, 4}, layers.xs());
        assertTrue(layers.integers());
        // Issue #11 item 6: numeric axes show densities (for a whole number with step 1 its
        // density per unit equals its probability, so the four still sum to 1).
        assertEquals("Density", layers.valueLabel());
        assertEquals(1, java.util.Arrays.stream(layers.good()).sum(), 1e-9);

        vm.selectedParameterProperty().set("optimizer");
        DensityData optimizer = vm.densitiesProperty().get();
        assertEquals(List.of("adam", "sgd"), optimizer.categories());
        assertArrayEquals(new double[] {0, 1}, optimizer.xs());
        assertEquals("Probability", optimizer.valueLabel(), "a choice has a probability, not a density");
        assertEquals(List.of("adam", "sgd").indexOf(trials.get(24).config().get("optimizer")), optimizer.picked());
    }

    @Test
    void aBigIntegerRangeIsSampledOnAGridOfAllowedValues() {
        double[] xs = ParamGrid.values(new IntParam("trees", 10, 5000, false, 10, null));
        assertTrue(xs.length <= ParamGrid.GRID_POINTS && xs.length > 100, "" + xs.length);
        assertEquals(10, xs[0]);
        assertEquals(5000, xs[xs.length - 1]);
        for (double x : xs) {
            assertEquals(0, x % 10, "only allowed values: " + x);
        }
        assertArrayEquals(new double[] {0.5}, ParamGrid.values(new FloatParam("fixed", 0.5, 0.5)));
    }

    @Test
    void theHistoryOfATrialIsTheStudyAsTheSamplerSawIt() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Trial> trials = List.of(
                trial(0, TrialState.COMPLETE, 1.0, t0, t0.plusSeconds(5)),
                trial(1, TrialState.COMPLETE, 2.0, t0.plusSeconds(1), t0.plusSeconds(20)),
                trial(2, TrialState.FAIL, Double.NaN, t0.plusSeconds(2), null),
                trial(3, TrialState.COMPLETE, 0.5, t0.plusSeconds(30), t0.plusSeconds(40)),
                trial(4, TrialState.COMPLETE, 0.7, t0.plusSeconds(10), t0.plusSeconds(50)));
        List<Trial> seen = TpeViewModel.historyBefore(trials, trials.get(4));
        assertEquals(List.of(0, 1, 2, 3), seen.stream().map(Trial::number).toList());
        assertEquals(trials.get(0), seen.get(0), "finished before trial 4 started");
        assertEquals(TrialState.RUNNING, seen.get(1).state(), "finished after trial 4 started");
        assertTrue(seen.get(1).value().isEmpty());
        assertEquals(TrialState.RUNNING, seen.get(2).state(), "no finish time: still running");
        assertEquals(TrialState.WAITING, seen.get(3).state(), "started after trial 4");
        assertNull(seen.get(3).started());
    }

    static Trial trial(int number, TrialState state, double value, Instant started, Instant finished) {
        return new Trial(number, state, new Config(Map.of("x1", 0.0, "x2", 0.0)),
                Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value),
                new TreeMap<>(Map.of(1L, 3.0)), Map.of(), started, finished, OptionalInt.empty());
    }

    /** Runs everything at once, and counts the background jobs. */
    static final class CountingExecutor implements TaskExecutor {
        final ImmediateTaskExecutor inner = new ImmediateTaskExecutor();
        int executed;

        @Override
        public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            executed++;
            return inner.start(title, work, onSuccess, onFailure);
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public void runOnUiAfter(Duration delay, Runnable action) {
            action.run();
        }

        @Override
        public void shutdown() {
        }
    }

    /** Holds background jobs until the test runs them, so their order can be played out. */
    static final class QueuedExecutor implements TaskExecutor {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> onSuccess,
                Consumer<? super Throwable> onFailure) {
            TaskHandle handle = new TaskHandle(title);
            queue.add(() -> new TaskRun<>(handle, work, onSuccess, onFailure, Runnable::run).run());
            return handle;
        }

        void runNext() {
            queue.poll().run();
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public void runOnUiAfter(Duration delay, Runnable action) {
            action.run();
        }

        @Override
        public void shutdown() {
        }
    }
}
