package dev.rungs.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;

class SobolSamplerTest {

    /** The first n proposals, each made with a history of all earlier ones, as the engine would. */
    private static List<Config> propose(SobolSampler s, SearchSpace space, int n) {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        List<Config> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            Config c = s.propose(h, space, rng).config();
            out.add(c);
            SamplerFixtures.add(h, c);
        }
        return out;
    }

    @Test
    void firstPowerOfTwoPointsFillEveryBinOnceIn1d() {
        SearchSpace space = SearchSpace.builder().floatParam("x", 0, 1).build();
        for (long seed : new long[] {0, 1, 12345}) {
            List<Config> points = propose(new SobolSampler(seed), space, 64);
            for (int k = 0; k <= 6; k++) {
                int bins = 1 << k;
                int[] counts = new int[bins];
                for (Config c : points.subList(0, bins)) {
                    counts[(int) (c.getDouble("x") * bins)]++;
                }
                int[] ones = new int[bins];
                Arrays.fill(ones, 1);
                assertArrayEquals(ones, counts, "seed " + seed + ", first " + bins + " points in " + bins + " bins");
            }
        }
    }

    @Test
    void firstPowerOfTwoPointsFormA0mNetIn2d() {
        // The first two Sobol dimensions form a (0, m, 2)-net for every m: each dyadic box of area
        // 2^−m, of any shape 2^−a × 2^−(m−a), holds exactly one of the first 2^m points. The digital
        // shift must keep that.
        SearchSpace space = SearchSpace.builder().floatParam("x", 0, 1).floatParam("y", 0, 1).build();
        for (long seed : new long[] {7, 8}) {
            List<Config> points = propose(new SobolSampler(seed), space, 256);
            for (int m = 0; m <= 8; m++) {
                for (int a = 0; a <= m; a++) {
                    int nx = 1 << a;
                    int ny = 1 << (m - a);
                    int[][] counts = new int[nx][ny];
                    for (Config c : points.subList(0, 1 << m)) {
                        counts[(int) (c.getDouble("x") * nx)][(int) (c.getDouble("y") * ny)]++;
                    }
                    for (int[] row : counts) {
                        for (int cell : row) {
                            assertEquals(1, cell, "seed " + seed + ", m=" + m + ", boxes " + nx + "×" + ny);
                        }
                    }
                }
            }
        }
    }

    @Test
    void theShiftMovesTheSequenceOffTheRawOne() {
        SobolSampler s = new SobolSampler(3);
        SobolSequenceGenerator raw = new SobolSequenceGenerator(4);
        int same = 0;
        for (int i = 0; i < 16; i++) {
            double[] r = raw.nextVector();
            double[] p = s.point(i, 4);
            for (int j = 0; j < 4; j++) {
                assertTrue(p[j] >= 0 && p[j] < 1, "coordinate outside [0, 1): " + p[j]);
                if (p[j] == r[j]) {
                    same++;
                }
            }
        }
        assertEquals(0, same, "the raw sequence starts at the origin; a shifted one should not share its points");
    }

    @Test
    void sameSeedSamePointsDifferentSeedDifferentPoints() {
        SearchSpace space = SamplerFixtures.nestedSpace();
        List<Config> a = propose(new SobolSampler(1), space, 32);
        List<Config> b = propose(new SobolSampler(1), space, 32);
        List<Config> c = propose(new SobolSampler(2), space, 32);
        assertEquals(a, b);
        for (int i = 0; i < 32; i++) {
            assertFalse(a.get(i).equals(c.get(i)), "point " + i + " equal under two seeds");
        }
    }

    @Test
    void nextPointDependsOnlyOnTheNumberOfTrials() {
        SearchSpace space = SearchSpace.builder().floatParam("x", -1, 1).intParam("n", 0, 9).build();
        SobolSampler s = new SobolSampler(9);
        List<Config> sequence = propose(s, space, 6);
        // A history of five unrelated configurations: the sixth Sobol point comes next all the same.
        List<Config> other = propose(new SobolSampler(77), space, 5);
        MutableTrialHistory h = SamplerFixtures.historyOf(other);
        assertEquals(sequence.get(5), new SobolSampler(9).propose(h, space, new SplittableRandom(0)).config());
        // The per-trial rng plays no part.
        assertEquals(sequence.get(5), s.propose(h, space, new SplittableRandom(123)).config());
    }

    @Test
    void conditionalParametersArePresentExactlyWhenActive() {
        List<Config> configs = propose(new SobolSampler(4), SamplerFixtures.nestedSpace(), 512);
        configs.forEach(SamplerFixtures::assertNestedPresence);
        SamplerFixtures.assertAllBranchesReached(configs);
    }

    @Test
    void tooManyDimensionsAreRejectedClearly() {
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 0; i < 1001; i++) {
            b.floatParam("x" + i, 0, 1);
        }
        SearchSpace space = b.build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SobolSampler(0).propose(new MutableTrialHistory(Direction.MINIMIZE), space,
                        new SplittableRandom(0)));
        assertTrue(e.getMessage().contains("1000") && e.getMessage().contains("1001"), e.getMessage());
    }

    @Test
    void emptySpaceGivesTheEmptyConfiguration() {
        SearchSpace space = SearchSpace.builder().build();
        assertEquals(Config.empty(), propose(new SobolSampler(0), space, 1).get(0));
    }
}
