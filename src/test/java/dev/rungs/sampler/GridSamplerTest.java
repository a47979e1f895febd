package dev.rungs.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    private static SearchSpace mixedSpace() {
        return SearchSpace.builder()
                .categorical("opt", "sgd", "adam", "rmsprop") // 3 choices
                .intParam("few", 1, 3)                         // 3 values <= 5: all of them
                .intParam("many", 0, 100)                      // 101 values: 0, 25, 50, 75, 100
                .floatParam("x", 0, 1)                         // 0, .25, .5, .75, 1
                .logFloatParam("lr", 1e-4, 1)                  // 1e-4, 1e-3, 1e-2, 1e-1, 1
                .steppedFloatParam("half", 0, 1, 0.5)          // 0, .5, 1 (3 <= 5: all)
                .steppedIntParam("tens", 0, 100, 10)           // 11 values: 5 of them
                .build();
    }

    private static List<Object> values(GridSampler g, SearchSpace s, String name) {
        return g.valuesOf(s.param(name));
    }

    @Test
    void valuesPerParameterFollowTheRules() {
        GridSampler g = new GridSampler();
        SearchSpace s = mixedSpace();
        assertEquals(List.of("sgd", "adam", "rmsprop"), values(g, s, "opt"));
        assertEquals(List.of(1L, 2L, 3L), values(g, s, "few"));
        assertEquals(List.of(0L, 25L, 50L, 75L, 100L), values(g, s, "many"));
        assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), values(g, s, "x"));
        List<Object> lr = values(g, s, "lr");
        assertEquals(5, lr.size());
        assertEquals(1e-4, (Double) lr.get(0), 0.0, "the low end exactly");
        assertEquals(1.0, (Double) lr.get(4), 0.0, "the high end exactly");
        double[] decades = {1e-4, 1e-3, 1e-2, 1e-1, 1};
        for (int i = 0; i < 5; i++) {
            assertEquals(decades[i], (Double) lr.get(i), decades[i] * 1e-12, "log spacing");
        }
        assertEquals(List.of(0.0, 0.5, 1.0), values(g, s, "half"));
        // Evenly spaced grid indices 0, 2.5, 5, 7.5, 10, rounded half up, both ends included.
        assertEquals(List.of(0L, 30L, 50L, 80L, 100L), values(g, s, "tens"));
    }

    @Test
    void pointsPerParamIsConfigurable() {
        GridSampler g = new GridSampler(3);
        SearchSpace s = mixedSpace();
        assertEquals(List.of(0L, 50L, 100L), values(g, s, "many"));
        assertEquals(List.of(0.0, 0.5, 1.0), values(g, s, "x"));
        assertEquals(List.of(1L, 2L, 3L), values(g, s, "few"), "3 values fit into 3 points");
        assertEquals(3 * 3 * 3 * 3 * 3 * 3 * 3, g.size(s));
        assertThrows(IllegalArgumentException.class, () -> new GridSampler(1));
    }

    @Test
    void logIntIsSpacedInLogSpaceAndDegenerateFloatHasOneValue() {
        GridSampler g = new GridSampler(3);
        SearchSpace s = SearchSpace.builder()
                .logIntParam("width", 8, 256)   // sqrt(8 · 256) = 45.25 in the middle
                .floatParam("fixed", 2.5, 2.5)
                .build();
        assertEquals(List.of(8L, 45L, 256L), values(g, s, "width"));
        assertEquals(List.of(2.5), values(g, s, "fixed"));
        assertEquals(3, g.size(s));
    }

    @Test
    void mixedSpaceHasTheExactProductCountWithoutDuplicates() {
        GridSampler g = new GridSampler();
        SearchSpace s = mixedSpace();
        List<Config> points = g.points(s);
        assertEquals(3 * 3 * 5 * 5 * 5 * 3 * 5, points.size());
        assertEquals(points.size(), new HashSet<>(points).size(), "duplicate grid points");
        for (Config c : points) {
            assertEquals(c, s.validate(c.values()), "every grid point is a valid configuration");
        }
        // The fixed order varies the last parameter fastest.
        assertEquals(0L, points.get(0).get("tens"));
        assertEquals(30L, points.get(1).get("tens"));
        assertEquals("sgd", points.get(points.size() / 3 - 1).get("opt"));
        assertEquals("adam", points.get(points.size() / 3).get("opt"));
    }

    @Test
    void conditionalSpaceEnumeratesOnlyDistinctActiveConfigurations() {
        GridSampler g = new GridSampler(3);
        List<Config> points = g.points(SamplerFixtures.nestedSpace());
        // Worked out by hand with 3 points per numeric parameter:
        //   svm:  rbf · gamma(3) = 3, linear = 1, poly · degree {2, 4, 5} with coef0(3) under 4 only
        //         = 1 + 3 + 1 = 5                                                          → 9
        //   tree: depth {1, 6, 10}                                                          → 3
        //   net:  width {8, 45, 256} · (layers 1 + layers 2 · dropout(3) + layers 3 · dropout(3))
        //         = 3 · 7                                                                   → 21
        //   times lr(3), always active: (9 + 3 + 21) · 3 = 99
        assertEquals(99, points.size());
        assertEquals(99, new HashSet<>(points).size(), "duplicate grid points");
        points.forEach(SamplerFixtures::assertNestedPresence);
        SamplerFixtures.assertAllBranchesReached(points);
    }

    @Test
    void proposesEveryPointOnceThenIsExhausted() {
        SearchSpace s = SearchSpace.builder()
                .categorical("c", "a", "b")
                .intParam("n", 1, 3)
                .floatParam("x", 0, 1)
                .build();
        GridSampler g = new GridSampler(3);
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        SplittableRandom rng = new SplittableRandom(1);
        List<Config> proposed = new ArrayList<>();
        while (!g.isExhausted(h, s)) {
            Config c = g.propose(h, s, rng).config();
            proposed.add(c);
            SamplerFixtures.add(h, c);
            assertTrue(proposed.size() <= 18, "more proposals than grid points");
        }
        assertEquals(18, proposed.size());
        assertEquals(18, new HashSet<>(proposed).size(), "a grid point was proposed twice");
        assertEquals(g.points(s), proposed, "proposals follow the fixed grid order");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> g.propose(h, s, rng));
        assertTrue(e.getMessage().contains("18"), e.getMessage());
    }

    @Test
    void nextPointIsTheFirstOneNoTrialHasWhatEverItsState() {
        SearchSpace s = SearchSpace.builder().intParam("n", 1, 4).categorical("c", "a", "b").build();
        GridSampler g = new GridSampler();
        List<Config> points = g.points(s);
        // Points 0 and 2 taken, one by a failed trial; plus a trial that is not a grid point at all.
        MutableTrialHistory h = SamplerFixtures.historyOf(List.of(points.get(2), points.get(0)));
        h.put(h.get(1).withState(TrialState.FAIL, Instant.EPOCH));
        SamplerFixtures.add(h, new Config(Map.of("n", 4L)));
        assertEquals(points.get(1), g.propose(h, s, new SplittableRandom(1)).config());

        SamplerFixtures.add(h, points.get(1));
        assertEquals(points.get(3), g.propose(h, s, new SplittableRandom(2)).config());
    }

    @Test
    void storedValuesOfOtherNumericTypesCountAsTaken() {
        SearchSpace s = SearchSpace.builder().intParam("n", 1, 2).categorical("k", 1, 2).build();
        GridSampler g = new GridSampler();
        // As a study reloaded from JSON might hold them: Integer for the int, Long for an Integer choice.
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("n", 1);
        first.put("k", 1L);
        MutableTrialHistory h = SamplerFixtures.historyOf(List.of(new Config(first)));
        Config next = g.propose(h, s, new SplittableRandom(1)).config();
        assertEquals(g.points(s).get(1), next);
    }

    @Test
    void shuffledOrderIsAPermutationFixedByTheSeed() {
        SearchSpace s = mixedSpace();
        List<Config> fixed = new GridSampler(3).points(s);
        List<Config> a = new GridSampler(3, 42).points(s);
        List<Config> b = new GridSampler(3, 42).points(s);
        List<Config> c = new GridSampler(3, 43).points(s);
        assertEquals(a, b, "same seed, same order");
        assertNotEquals(a, c, "different seeds, different orders");
        assertNotEquals(fixed, a, "shuffled differs from the fixed order");
        assertEquals(new HashSet<>(fixed), new HashSet<>(a), "same points");
        assertTrue(new GridSampler(3, 42).isShuffled());
        assertFalse(new GridSampler(3).isShuffled());

        GridSampler g = new GridSampler(3, 42);
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int i = 0; i < 5; i++) {
            Config next = g.propose(h, s, new SplittableRandom(i)).config();
            assertEquals(a.get(i), next, "proposals follow the shuffled order");
            SamplerFixtures.add(h, next);
        }
    }

    @Test
    void emptySpaceHasOnePoint() {
        SearchSpace s = new SearchSpace(List.<Param>of());
        GridSampler g = new GridSampler();
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        assertFalse(g.isExhausted(h, s));
        SamplerFixtures.add(h, g.propose(h, s, new SplittableRandom(1)).config());
        assertTrue(g.isExhausted(h, s));
    }

    @Test
    void hugeGridsAreRejectedWithAMessage() {
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 0; i < 12; i++) {
            b.floatParam("x" + i, 0, 1); // 5^12 ≈ 2.4e8 points
        }
        SearchSpace s = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GridSampler().size(s));
        assertTrue(e.getMessage().contains("pointsPerParam"), e.getMessage());
    }
}
