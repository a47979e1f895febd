package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A result says its best value and configuration, and carries the study's progress for a regret plot. */
class StudyResultTest {
    private static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", -1, 1).build();

    @Test
    void bestValueAndConfigAreThoseOfTheBestTrial() {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).seed(3).maximize().build()) {
            StudyResult r = t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(15));
            double max = r.trials().stream().mapToDouble(x -> x.value().getAsDouble()).max().orElseThrow();
            assertEquals(OptionalDouble.of(max), r.bestValue());
            assertEquals(r.best().orElseThrow().config(), r.bestConfig().orElseThrow());
            assertEquals(max, r.bestConfig().orElseThrow().getDouble("x"));
        }
    }

    @Test
    void withoutACompletedTrialThereIsNoBest() {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).stopAfterFailures(0).build()) {
            StudyResult r = t.optimize((config, ctx) -> Double.NaN, Budget.trials(3));
            assertTrue(r.bestValue().isEmpty());
            assertTrue(r.bestConfig().isEmpty());
            assertEquals(3, r.progress().size());
            assertTrue(r.progress().stream().allMatch(p -> p.bestValue().isEmpty()));
        }
    }

    @Test
    void progressIsTheBestSoFarAsTrialsFinished() {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).seed(5).workers(2).build()) {
            StudyResult r = t.optimize((config, ctx) -> config.getDouble("x") * config.getDouble("x"), Budget.trials(30));
            List<ProgressPoint> p = r.progress();
            assertEquals(30, p.size());
            for (int i = 0; i < p.size(); i++) {
                assertEquals(i + 1, p.get(i).trials());
                assertEquals(i + 1, p.get(i).resource(), "one unit of resource per trial at maxResource 1");
                if (i > 0) {
                    assertTrue(p.get(i).bestValue().getAsDouble() <= p.get(i - 1).bestValue().getAsDouble());
                    assertTrue(p.get(i).elapsed().compareTo(p.get(i - 1).elapsed()) >= 0);
                }
            }
            assertEquals(p.get(0).bestValue(), OptionalDouble.of(firstFinished(r.trials()).value().getAsDouble()));
            assertEquals(r.bestValue(), p.get(29).bestValue());
            assertThrows(UnsupportedOperationException.class,
                    () -> p.add(new ProgressPoint(0, Duration.ZERO, 0, OptionalDouble.empty())));
        }
    }

    private static Trial firstFinished(List<Trial> trials) {
        return trials.stream().min((a, b) -> a.finished().compareTo(b.finished())).orElseThrow();
    }

    @Test
    void aMultiFidelityStudysProgressCountsTheResourceItsTrialsUsed() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(new HyperbandScheduler(1, 0, 3))
                .maxResource(27).seed(8).store(store).name("mf").build()) {
            StudyResult r = t.optimize((config, ctx) -> {
                double loss = Double.NaN;
                for (long epoch = 1; epoch <= ctx.budget(); epoch++) {
                    loss = Math.abs(config.getDouble("x")) + 1.0 / epoch;
                    if (!ctx.report(epoch, loss).shouldContinue()) {
                        break;
                    }
                }
                return loss;
            }, Budget.trials(40));
            List<ProgressPoint> p = r.progress();
            assertEquals(r.count(TrialState.COMPLETE) + r.count(TrialState.PRUNED), p.size());
            assertEquals(0, r.count(TrialState.PAUSED), "every bracket closed");
            assertEquals(r.resourceUsed(), p.get(p.size() - 1).resource());
            for (int i = 1; i < p.size(); i++) {
                assertTrue(p.get(i).resource() >= p.get(i - 1).resource());
            }
            assertEquals(r.bestValue(), p.get(p.size() - 1).bestValue());
            // The progress is the trials' own: the stored study gives it again.
            long id = store.findStudy("mf").orElseThrow().id();
            assertEquals(p, ProgressPoint.of(store.trials(id), Direction.MINIMIZE));
        }
    }
}
