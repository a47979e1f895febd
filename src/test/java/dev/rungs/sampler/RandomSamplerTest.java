package dev.rungs.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The distributions the random sampler produces, checked with goodness-of-fit tests at fixed
 * seeds. Each test passes at the 1 % level; where useful it also shows that the test would
 * reject the distribution a mistaken mapping would give, so passing means something.
 */
class RandomSamplerTest {
    private static final MutableTrialHistory EMPTY = new MutableTrialHistory(Direction.MINIMIZE);
    private final RandomSampler sampler = new RandomSampler();

    private List<Config> draw(SearchSpace space, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Config> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sampler.propose(EMPTY, space, rng).config());
        }
        return out;
    }

    private static double[] doubles(List<Config> configs, String name) {
        return configs.stream().mapToDouble(c -> c.getDouble(name)).toArray();
    }

    private static double ksUniformP(double[] data) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1), data);
    }

    @Test
    void logFloatIsUniformInLogSpace() {
        double lo = 1e-5;
        double hi = 1e-1;
        SearchSpace logSpace = SearchSpace.builder().logFloatParam("lr", lo, hi).build();
        double[] logPos = toLogUnit(doubles(draw(logSpace, 2000, 11), "lr"), lo, hi);
        double p = ksUniformP(logPos);
        assertTrue(p > 0.01, "log values of a log-uniform draw should be uniform, KS p = " + p);

        // The same test on a linear draw over the same range rejects, so it can tell them apart.
        SearchSpace linSpace = SearchSpace.builder().floatParam("lr", lo, hi).build();
        double[] linPos = toLogUnit(doubles(draw(linSpace, 2000, 11), "lr"), lo, hi);
        double pLin = ksUniformP(linPos);
        assertTrue(pLin < 1e-6, "a linear draw must fail the log-uniformity test, KS p = " + pLin);
    }

    private static double[] toLogUnit(double[] values, double lo, double hi) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            assertTrue(values[i] >= lo && values[i] <= hi, values[i] + " outside [" + lo + ", " + hi + "]");
            out[i] = (Math.log(values[i]) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        }
        return out;
    }

    @Test
    void linearFloatIsUniform() {
        SearchSpace space = SearchSpace.builder().floatParam("x", -2, 6).build();
        double[] x = doubles(draw(space, 2000, 12), "x");
        double[] unit = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            assertTrue(x[i] >= -2 && x[i] <= 6);
            unit[i] = (x[i] + 2) / 8;
        }
        double p = ksUniformP(unit);
        assertTrue(p > 0.01, "KS p = " + p);
    }

    @Test
    void intBoundsAreInclusiveAndUniform() {
        SearchSpace space = SearchSpace.builder().intParam("n", 1, 10).build();
        long[] counts = new long[10];
        for (Config c : draw(space, 5000, 13)) {
            Object v = c.get("n");
            assertTrue(v instanceof Long, "integers come back as Long, got " + v.getClass());
            long n = (Long) v;
            assertTrue(n >= 1 && n <= 10, "out of bounds: " + n);
            counts[(int) n - 1]++;
        }
        assertTrue(counts[0] > 0, "low bound 1 never drawn");
        assertTrue(counts[9] > 0, "high bound 10 never drawn");
        assertUniform(counts);
    }

    @Test
    void steppedFloatStaysOnItsGridAndIsUniform() {
        SearchSpace space = SearchSpace.builder().steppedFloatParam("x", 0.5, 1.5, 0.25).build();
        double[] grid = {0.5, 0.75, 1.0, 1.25, 1.5};
        long[] counts = new long[grid.length];
        for (Config c : draw(space, 5000, 14)) {
            double x = c.getDouble("x");
            int k = (int) Math.round((x - 0.5) / 0.25);
            assertTrue(k >= 0 && k < grid.length, x + " outside the grid");
            assertEquals(grid[k], x, 1e-12, "value off the step grid");
            counts[k]++;
        }
        assertTrue(counts[0] > 0 && counts[grid.length - 1] > 0, "both ends must be reached");
        assertUniform(counts);
    }

    @Test
    void steppedFloatWhoseStepDoesNotDivideTheRangeEndsAtTheLastGridValue() {
        // 0, 0.3, 0.6, 0.9: high = 1 itself is not on the grid.
        SearchSpace space = SearchSpace.builder().steppedFloatParam("x", 0, 1, 0.3).build();
        long[] counts = new long[4];
        for (Config c : draw(space, 4000, 15)) {
            double x = c.getDouble("x");
            int k = (int) Math.round(x / 0.3);
            assertEquals(k * 0.3, x, 1e-12, "value off the step grid");
            counts[k]++;
        }
        assertTrue(counts[0] > 0 && counts[3] > 0, "both ends of the grid must be reached");
        assertUniform(counts);
    }

    @Test
    void steppedIntStaysOnItsGridAndIsUniform() {
        SearchSpace space = SearchSpace.builder().steppedIntParam("n", 0, 20, 5).build();
        long[] counts = new long[5];
        for (Config c : draw(space, 5000, 16)) {
            long n = c.getLong("n");
            assertEquals(0, n % 5, n + " is off the step grid");
            assertTrue(n >= 0 && n <= 20);
            counts[(int) n / 5]++;
        }
        assertTrue(counts[0] > 0 && counts[4] > 0, "both ends must be reached");
        assertUniform(counts);
    }

    @Test
    void categoricalChoicesAreEquallyLikely() {
        SearchSpace space = SearchSpace.builder().categorical("c", "a", "b", 3, true).build();
        List<Object> choices = List.of("a", "b", 3, true);
        long[] counts = new long[choices.size()];
        for (Config c : draw(space, 4000, 17)) {
            int i = choices.indexOf(c.get("c"));
            assertTrue(i >= 0, "unknown choice " + c.get("c"));
            counts[i]++;
        }
        assertUniform(counts);
    }

    @Test
    void logIntFollowsTheLogWidthOfEachIntegersCell() {
        long lo = 1;
        long hi = 16;
        SearchSpace space = SearchSpace.builder().logIntParam("k", lo, hi).build();
        int n = 6000;
        long[] counts = new long[(int) (hi - lo + 1)];
        for (Config c : draw(space, n, 18)) {
            long k = c.getLong("k");
            assertTrue(k >= lo && k <= hi, "out of bounds: " + k);
            counts[(int) (k - lo)]++;
        }
        // Integer k owns [k − 0.5, k + 0.5] of the log-uniform range [lo − 0.5, hi + 0.5].
        double total = Math.log(hi + 0.5) - Math.log(lo - 0.5);
        double[] expected = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            long k = lo + i;
            expected[i] = n * (Math.log(k + 0.5) - Math.log(k - 0.5)) / total;
        }
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.01, "log-int counts should match log cell widths, chi-square p = " + p);

        // A linear-uniform expectation is rejected, so the check above does see the log scale.
        double[] flat = new double[counts.length];
        java.util.Arrays.fill(flat, (double) n / counts.length);
        double pFlat = new ChiSquareTest().chiSquareTest(flat, counts);
        assertTrue(pFlat < 1e-6, "log-int counts must not look uniform, p = " + pFlat);
    }

    @Test
    void sameSeedSameConfigurations() {
        SearchSpace space = SamplerFixtures.nestedSpace();
        assertEquals(draw(space, 50, 99), draw(space, 50, 99));
        assertTrue(!draw(space, 50, 99).equals(draw(space, 50, 100)));
    }

    @Test
    void conditionalParametersArePresentExactlyWhenActive() {
        List<Config> configs = draw(SamplerFixtures.nestedSpace(), 1500, 19);
        configs.forEach(SamplerFixtures::assertNestedPresence);
        SamplerFixtures.assertAllBranchesReached(configs);
    }

    private static void assertUniform(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] expected = new double[counts.length];
        java.util.Arrays.fill(expected, (double) n / counts.length);
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.01, "counts " + java.util.Arrays.toString(counts) + " not uniform, chi-square p = " + p);
    }
}
