package dev.rungs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import org.junit.jupiter.api.Test;

/** The README's Java API example, as written there. */
class LibraryApiTest {
    @Test
    void theReadmeExampleRuns() {
        SearchSpace space = SearchSpace.builder()
                .logFloatParam("lr", 1e-5, 1e-1)
                .intParam("layers", 1, 4)
                .categorical("optimizer", "adam", "sgd")
                .floatParam("momentum", 0.0, 0.99).when("optimizer", "sgd")
                .build();

        try (Tuner tuner = Tuner.builder(space)
                .sampler(new TpeSampler())
                .minimize()
                .workers(2)
                .seed(42)
                .build()) {

            StudyResult result = tuner.optimize((config, ctx) -> {
                double lr = config.getDouble("lr");
                int layers = config.getInt("layers");
                return Math.pow(Math.log10(lr) + 3, 2) + layers * 0.1;
            }, Budget.trials(50));
            assertEquals(50, result.count(TrialState.COMPLETE));
            Trial best = result.best().orElseThrow();
            assertTrue(best.value().getAsDouble() < 0.5, "TPE should get near lr = 1e-3: " + best);
            for (Trial t : result.trials()) {
                assertEquals(t.config().get("optimizer").equals("sgd"), t.config().has("momentum"));
            }

            Trial trial = tuner.ask();
            Trial told = tuner.tell(trial.number(), 0.42);
            assertEquals(TrialState.COMPLETE, told.state());
            assertEquals(50, told.number());
        }
    }
}
