package dev.rungs.app.rungs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.charts.DensityData;
import dev.rungs.app.charts.RungsData;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.bohb.BohbExplanation;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.spec.Methods;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rungs view's logic, on real multi-fidelity studies run by the engine. */
class RungsViewModelTest {

    static StudySpec spec(String sampler, String scheduler, String budget) {
        return SpecReader.parse("""
                {"name": "mf", "objective": {"type": "benchmark", "name": "mf-hartmann6"},
                 "sampler": {"type": "%s"}, "scheduler": %s, "budget": %s, "seed": 11}"""
                .formatted(sampler, scheduler, budget));
    }

    static List<Trial> run(StudySpec spec) {
        try (Tuner t = StudyFactory.createTuner(spec, new InMemoryStudyStore(), "test")) {
            return t.optimize(StudyFactory.createObjective(spec), spec.budget()).trials();
        }
    }

    static final String HYPERBAND_R9 = """
            {"type": "hyperband", "min_resource": 1, "max_resource": 9, "reduction_factor": 3}""";

    /** R = 9, η = 3: brackets s = 2 (9 at 1, 3 at 3, 1 at 9), s = 1 (5 at 3, 1 at 9), s = 0 (3 at 9): 17 trials. */
    @Test
    void aHyperbandRoundShowsEachBracketAsPlannedAndAsRun() {
        StudySpec spec = spec("random", HYPERBAND_R9, "{\"trials\": 17}");
        List<Trial> trials = run(spec);
        RungsViewModel vm = new RungsViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, trials);

        assertTrue(vm.applicableProperty().get());
        assertFalse(vm.bohbProperty().get());
        assertEquals(List.of("Round 1 · bracket s = 2", "Round 1 · bracket s = 1", "Round 1 · bracket s = 0"),
                vm.brackets().stream().map(RungsViewModel.BracketChoice::label).toList());
        assertEquals(vm.brackets().get(0), vm.selectedProperty().get());

        RungsData d = vm.dataProperty().get();
        assertEquals(List.of(9, 3, 1), d.rungs().stream().map(r -> r.points().size()).toList());
        assertEquals(List.of(1L, 3L, 9L), d.rungs().stream().map(RungsData.Rung::budget).toList());
        assertEquals(List.of(9, 3, 1), d.rungs().stream().map(RungsData.Rung::planned).toList());
        assertEquals(Map.of(RungsData.Outcome.PROMOTED, 3L, RungsData.Outcome.STOPPED, 6L), outcomes(d.rungs().get(0)));
        assertEquals(Map.of(RungsData.Outcome.PROMOTED, 1L, RungsData.Outcome.STOPPED, 2L), outcomes(d.rungs().get(1)));
        assertEquals(Map.of(RungsData.Outcome.COMPLETED, 1L), outcomes(d.rungs().get(2)));
        // The promoted are the best third by their value at the rung (minimised).
        List<Double> rung0 = d.rungs().get(0).points().stream().map(RungsData.Point::value).sorted().toList();
        double worstPromoted = d.rungs().get(0).points().stream().filter(p -> p.outcome() == RungsData.Outcome.PROMOTED)
                .mapToDouble(RungsData.Point::value).max().orElseThrow();
        assertEquals(rung0.get(2), worstPromoted);

        assertEquals(List.of(new RungsViewModel.RungRow(0, 9, 1, 9, 3), new RungsViewModel.RungRow(1, 3, 3, 3, 1),
                new RungsViewModel.RungRow(2, 1, 9, 1, 0)), List.copyOf(vm.table()));

        vm.selectedProperty().set(vm.brackets().get(1));
        assertEquals(List.of(5, 1), vm.dataProperty().get().rungs().stream().map(r -> r.points().size()).toList());
        vm.selectedProperty().set(vm.brackets().get(2));
        assertEquals(List.of(3), vm.dataProperty().get().rungs().stream().map(r -> r.points().size()).toList());
        assertEquals("Round 1 · bracket s = 0: 3 at 9 (trials at budget)", vm.messageProperty().get());

        vm.setStudy(spec, trials);
        assertEquals(vm.brackets().get(2), vm.selectedProperty().get(), "the chosen bracket is kept");
    }

    @Test
    void ashaShowsItsRungsWithoutAPlan() {
        StudySpec spec = spec("random", """
                {"type": "asha", "min_resource": 1, "max_resource": 27, "reduction_factor": 3}""",
                "{\"trials\": 60}");
        RungsViewModel vm = new RungsViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, run(spec));

        assertEquals(List.of("Bracket s = 0"), vm.brackets().stream().map(RungsViewModel.BracketChoice::label).toList());
        RungsData d = vm.dataProperty().get();
        assertEquals(List.of(1L, 3L, 9L, 27L), d.rungs().stream().map(RungsData.Rung::budget).toList());
        assertTrue(d.rungs().stream().allMatch(r -> r.planned() == -1));
        assertEquals(60, d.rungs().get(0).points().size(), "every trial has a result at the first rung");
        for (int j = 0; j + 1 < d.rungs().size(); j++) {
            assertEquals(d.rungs().get(j + 1).points().size(), d.rungs().get(j).promoted(),
                    "what reached rung " + (j + 1) + " was promoted from rung " + j);
        }
    }

    @Test
    void aSchedulerWithoutRungsIsExplained() {
        StudySpec spec = SpecReader.parse("""
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"},
                 "scheduler": {"type": "median"}, "budget": {"trials": 5}}""");
        RungsViewModel vm = new RungsViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, List.of());
        assertFalse(vm.applicableProperty().get());
        assertTrue(vm.messageProperty().get().endsWith("this one's scheduler is median."), vm.messageProperty().get());
        assertTrue(vm.dataProperty().get().rungs().isEmpty());
    }

    @Test
    void bohbShowsTheDensitiesOfItsModelFromTheSamplerItself() {
        StudySpec spec = spec("bohb", HYPERBAND_R9, "{\"trials\": 80}");
        List<Trial> trials = run(spec);
        RungsViewModel vm = new RungsViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, trials);

        assertTrue(vm.bohbProperty().get());
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6"), List.copyOf(vm.parameters()));
        vm.densityParameterProperty().set("x3");
        DensityData data = vm.densitiesProperty().get();
        assertNotNull(data, vm.densityTitleProperty().get());

        MutableTrialHistory history = new MutableTrialHistory(spec.direction());
        trials.forEach(history::put);
        BohbSampler sampler = (BohbSampler) Methods.createSampler(spec.sampler(), spec.seed());
        BohbExplanation ex = sampler.explain(history, spec.space(), "x3").orElseThrow();
        assertEquals("BOHB's model of x3, built on the results at budget " + ex.budget(),
                vm.densityTitleProperty().get());
        assertEquals("x3", data.parameter());
        double[] coords = data.xs(); // x3 lies in [0, 1], so its model coordinate is its value
        assertArrayEquals(ex.good(coords), data.good(), 1e-12);
        assertArrayEquals(ex.bad(coords), data.bad(), 1e-12);
        assertEquals(ex.goodCoordinates().length, data.goodObservations().length);
    }

    @Test
    void bohbWithoutEnoughResultsHasNoModelYet() {
        StudySpec spec = spec("bohb", HYPERBAND_R9, "{\"trials\": 3}");
        RungsViewModel vm = new RungsViewModel(new ImmediateTaskExecutor());
        vm.setStudy(spec, run(spec));
        assertNull(vm.densitiesProperty().get());
        assertTrue(vm.densityTitleProperty().get().startsWith("BOHB has no model yet"));
    }

    static Map<RungsData.Outcome, Long> outcomes(RungsData.Rung r) {
        return r.points().stream().collect(Collectors.groupingBy(RungsData.Point::outcome, Collectors.counting()));
    }
}
