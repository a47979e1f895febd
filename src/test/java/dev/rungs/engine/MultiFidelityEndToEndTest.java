package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.MultiFidelityHartmann;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BOHB and ASHA through {@link Tuner#optimize} into SQLite: attributes reach the store and the CSV. */
class MultiFidelityEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void bohbOnMultiFidelityHartmannStoresBracketRungBudgetOutcomeAndProposer() throws Exception {
        MultiFidelityHartmann problem = new MultiFidelityHartmann();
        Path db = dir.resolve("mf.db");
        StudyResult r;
        try (StudyStore store = SqliteStudyStore.open(db);
                Tuner t = Tuner.builder(problem.space()).name("bohb").sampler(new BohbSampler())
                        .scheduler(new HyperbandScheduler(1, 81, 3)).maxResource(81).workers(2).seed(9)
                        .store(store).build()) {
            r = t.optimize(problem, Budget.resource(3000));
        }
        assertTrue(r.stopReason().startsWith("resource budget"), r.stopReason());
        try (StudyStore store = SqliteStudyStore.open(db)) {
            StudyRecord study = store.findStudy("bohb").orElseThrow();
            List<Trial> stored = store.trials(study.id());
            assertEquals(r.trials().size(), stored.size());
            for (Trial t : stored) {
                for (String key : List.of("bracket", "rung", "budget", "round", TrialFact.PROPOSED_BY.key())) {
                    assertTrue(t.attrs().containsKey(key), "trial " + t.number() + " lacks " + key + ": " + t.attrs());
                }
                if (t.state() == TrialState.PRUNED) {
                    assertEquals("stopped", t.attrs().get("outcome"));
                }
                if (!t.attrs().get("rung").equals("0")) {
                    assertTrue(t.attrs().containsKey("outcome"), "a promoted trial says so: " + t.attrs());
                }
            }
            Set<String> proposers = stored.stream().map(t -> t.attrs().get(TrialFact.PROPOSED_BY.key()))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("model", "random"), proposers, "both the model and random sampling proposed");
            assertTrue(stored.stream().anyMatch(t -> t.state() == TrialState.COMPLETE
                    && t.attrs().get("budget").equals("81")), "some configuration reached R");
            long used = stored.stream().mapToLong(t -> Long.parseLong(t.attrs().get(TrialFact.RESOURCE_USED.key()))).sum();
            assertEquals(r.resourceUsed(), used, "the trials' resource adds up to the study's");

            StringWriter csv = new StringWriter();
            TrialsCsv.write(csv, problem.space(), stored);
            String header = csv.toString().lines().findFirst().orElseThrow();
            for (String column : List.of("bracket", "rung", "budget", "round", "outcome", "proposed_by")) {
                assertTrue(List.of(header.split(",")).contains(column), column + " missing from " + header);
            }
            List<TrialsCsv.Row> rows = TrialsCsv.read(new StringReader(csv.toString()), problem.space());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> a = stored.get(i).attrs();
                assertEquals(a.get("bracket"), rows.get(i).attrs().get("bracket"));
                assertEquals(a.get("rung"), rows.get(i).attrs().get("rung"));
                assertEquals(a.get("budget"), rows.get(i).attrs().get("budget"));
                assertEquals(a.get("proposed_by"), rows.get(i).attrs().get("proposed_by"));
            }
        }
    }

    @Test
    void aPrunedTrialStopsCountingResource() {
        // ASHA's pruner form on an iterative objective: trials run towards R = 27 and are stopped at rungs.
        SearchSpace space = SearchSpace.builder().floatParam("x", 0, 1).build();
        Objective curve = (config, ctx) -> {
            double v = Double.NaN;
            for (long step = 1; step <= ctx.budget(); step++) {
                v = config.getDouble("x") + 1.0 / step;
                if (!ctx.report(step, v).shouldContinue()) {
                    break;
                }
            }
            return v;
        };
        try (Tuner t = Tuner.builder(space).sampler(new dev.rungs.sampler.RandomSampler())
                .scheduler(new AshaScheduler(1, 27, 3, 0, true)).maxResource(27).seed(4).build()) {
            StudyResult r = t.optimize(curve, Budget.resource(400));
            assertTrue(r.count(TrialState.PRUNED) > 0);
            long sum = 0;
            for (Trial tr : r.trials()) {
                long used = Long.parseLong(tr.attrs().get(TrialFact.RESOURCE_USED.key()));
                assertEquals(tr.lastStep(), used, "trial " + tr.number() + " paid for the steps it ran, no more");
                if (tr.state() == TrialState.PRUNED) {
                    assertTrue(Set.of(1L, 3L, 9L).contains(tr.lastStep()), "stopped at a rung: " + tr.lastStep());
                }
                sum += used;
            }
            assertEquals(r.resourceUsed(), sum);
            assertTrue(r.resourceUsed() >= 400 && r.resourceUsed() < 400 + 27,
                    "the resource budget ends the run: " + r.resourceUsed());
        }
    }
}
