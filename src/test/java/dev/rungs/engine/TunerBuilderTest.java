package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.sampler.GridSampler;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.SobolSampler;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.scheduler.median.MedianStoppingScheduler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The builder refuses what it cannot guess, seeds what waits for a seed, and closes only what it opened. */
class TunerBuilderTest {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .floatParam("x", 0, 1).intParam("n", 1, 9).categorical("c", "a", "b").build();

    static Stream<Scheduler> rungSchedulers() {
        return Stream.of(new HyperbandScheduler(), new SuccessiveHalvingScheduler(1, 0, 3), new AshaScheduler(),
                new HyperbandScheduler(1, 27, 3));
    }

    @ParameterizedTest
    @MethodSource("rungSchedulers")
    void aSchedulerThatWorksInRungsNeedsAMaximumResource(Scheduler scheduler) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(scheduler).build());
        assertTrue(e.getMessage().contains(scheduler.getClass().getSimpleName()), e.getMessage());
        assertTrue(e.getMessage().contains("maxResource(R)"), e.getMessage());
    }

    @Test
    void bohbWithoutAMaximumResourceIsRefusedToo() {
        assertThrows(IllegalStateException.class, () -> Tuner.builder(SPACE).sampler(new BohbSampler())
                .scheduler(new HyperbandScheduler()).build());
    }

    @Test
    void withAMaximumResourceTrialsRunAtIt() {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).scheduler(new HyperbandScheduler(1, 0, 3))
                .maxResource(9).seed(1).build()) {
            long[] largest = {0};
            t.optimize((config, ctx) -> {
                synchronized (largest) {
                    largest[0] = Math.max(largest[0], ctx.budget());
                }
                return config.getDouble("x");
            }, Budget.trials(20));
            assertEquals(9, largest[0]);
        }
    }

    @Test
    void schedulersOutsideRungsKeepTheDefaultOfOne() {
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler())
                .scheduler(new MedianStoppingScheduler(3, 0, 1)).build()) {
            assertEquals(1, t.maxResource());
            assertEquals(Direction.MINIMIZE, t.direction());
        }
    }

    @Test
    void aSamplerIsRequiredAndSaidSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tuner.builder(SPACE).build());
        assertTrue(e.getMessage().contains("sampler"), e.getMessage());
    }

    @Test
    void aResumedStudyKeepsItsDirectionUnlessAnotherIsNamed() {
        InMemoryStudyStore store = new InMemoryStudyStore();
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).store(store).name("s").maximize().build()) {
            t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(3));
        }
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).store(store).name("s").resume().build()) {
            assertEquals(Direction.MAXIMIZE, t.direction());
        }
        assertThrows(IllegalArgumentException.class, () -> Tuner.builder(SPACE).sampler(new RandomSampler())
                .store(store).name("s").resume().minimize().build());
    }

    // ------------------------------------------------------------------ seeds

    private static List<Config> configs(Sampler sampler, long seed) {
        try (Tuner t = Tuner.builder(SPACE).sampler(sampler).seed(seed).build()) {
            return t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(8)).trials().stream()
                    .map(Trial::config).toList();
        }
    }

    @Test
    void aDefaultSobolTakesTheTunersSeed() {
        assertEquals(configs(new SobolSampler(), 11), configs(new SobolSampler(), 11));
        assertNotEquals(configs(new SobolSampler(), 11), configs(new SobolSampler(), 12));
        assertEquals(configs(new SobolSampler(11), 99), configs(new SobolSampler(), 11),
                "the study seed is the seed a spec gives its Sobol sampler");
    }

    @Test
    void aSeedGivenToTheSamplerWins() {
        assertEquals(configs(new SobolSampler(5), 1), configs(new SobolSampler(5), 2));
        assertEquals(configs(new GridSampler(3, 5), 1), configs(new GridSampler(3, 5), 2));
    }

    @Test
    void aShuffledGridTakesTheTunersSeed() {
        assertEquals(configs(GridSampler.shuffled(3), 4), configs(GridSampler.shuffled(3), 4));
        assertNotEquals(configs(GridSampler.shuffled(3), 4), configs(GridSampler.shuffled(3), 5));
        assertEquals(configs(new GridSampler(3, 4), 0), configs(GridSampler.shuffled(3), 4));
    }

    @Test
    void anUnseededSamplerOutsideATunerSaysWhatItNeeds() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SobolSampler().point(0, 2));
        assertTrue(e.getMessage().contains("Tuner"), e.getMessage());
    }

    // ------------------------------------------------------------------ who closes the store

    @Test
    void aStoreGivenToTheBuilderStaysOpenForItsOwner(@TempDir Path dir) {
        try (SqliteStudyStore store = SqliteStudyStore.open(dir.resolve("s.db"))) {
            try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).store(store).name("a").build()) {
                t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(2));
            }
            try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).store(store).name("b").build()) {
                t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(2));
            }
            assertEquals(2, store.trials(store.findStudy("a").orElseThrow().id()).size());
        }
    }

    @Test
    void aStoreTheTunerOpenedIsClosedWithIt(@TempDir Path dir) {
        Path file = dir.resolve("owned.db");
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).storeAt(file).name("a").build()) {
            t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(3));
            assertTrue(Files.exists(file));
        }
        // The last connection to a WAL database folds the log back and deletes it on close.
        assertFalse(Files.exists(Path.of(file + "-wal")), "the tuner closed the file it opened");
        try (Tuner t = Tuner.builder(SPACE).sampler(new RandomSampler()).storeAt(file).name("a").resume().build()) {
            assertEquals(3, t.trials().stream().filter(x -> x.state() == TrialState.COMPLETE).count());
        }
    }

    @Test
    void aStoreTheTunerOpenedIsClosedWhenBuildingFails(@TempDir Path dir) {
        Path file = dir.resolve("owned.db");
        assertThrows(IllegalArgumentException.class, () -> Tuner.builder(SPACE).sampler(new RandomSampler())
                .storeAt(file).name("missing").resume().build());
        assertFalse(Files.exists(Path.of(file + "-wal")), "the file was closed again");
    }

    @Test
    void buildingLeavesTheSettingsAsGiven(@TempDir Path dir) {
        TunerBuilder b = Tuner.builder(SPACE).sampler(new SobolSampler()).storeAt(dir.resolve("again.db")).name("a");
        List<Config> first;
        try (Tuner t = b.seed(1).build()) {
            first = t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(4)).trials().stream()
                    .map(Trial::config).toList();
        }
        try (Tuner t = b.name("b").seed(2).build()) {
            List<Config> second = t.optimize((config, ctx) -> config.getDouble("x"), Budget.trials(4)).trials()
                    .stream().map(Trial::config).toList();
            assertNotEquals(first, second, "the second tuner took its own seed, not the first's");
        }
    }

    @Test
    void oneStoreOnly(@TempDir Path dir) {
        assertThrows(IllegalStateException.class, () -> Tuner.builder(SPACE).sampler(new RandomSampler())
                .store(new InMemoryStudyStore()).storeAt(dir.resolve("x.db")).build());
    }
}
