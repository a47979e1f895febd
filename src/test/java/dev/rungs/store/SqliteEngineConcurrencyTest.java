package dev.rungs.store;

import dev.rungs.store.sqlite.SqliteStudyStore;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight workers and 5,000 trials through the engine into SQLite: no lock errors, nothing lost. */
class SqliteEngineConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void eightWorkersFiveThousandTrials() {
        SearchSpace space = SearchSpace.builder().floatParam("x", 0, 1).intParam("n", 1, 9).build();
        try (StudyStore store = SqliteStudyStore.open(dir.resolve("c.db"))) {
            StudyResult r;
            try (Tuner t = Tuner.builder(space).name("c").sampler(new RandomSampler()).workers(8).seed(1)
                    .store(store).build()) {
                r = t.optimize((c, ctx) -> {
                    ctx.report(1, c.getDouble("x"));
                    if (ctx.trialNumber() % 100 == 7) {
                        throw new IllegalStateException("planned failure");
                    }
                    return c.getDouble("x") * c.getLong("n");
                }, Budget.trials(5000));
            }
            List<Trial> stored = store.trials(store.findStudy("c").orElseThrow().id());
            assertEquals(5000, stored.size());
            assertEquals(IntStream.range(0, 5000).boxed().toList(), stored.stream().map(Trial::number).toList(),
                    "numbers unique and dense");
            assertEquals(50, stored.stream().filter(t -> t.state() == TrialState.FAIL).count());
            assertEquals(4950, stored.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
            assertEquals(r.trials(), stored, "the store holds exactly what the engine saw");
        }
    }
}
