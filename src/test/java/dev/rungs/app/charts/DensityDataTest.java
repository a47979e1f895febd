package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.Budget;
import dev.rungs.engine.Tuner;
import dev.rungs.sampler.DensityExplanation;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** From a sampler's explanation to what a density chart draws, without a toolkit. */
class DensityDataTest {
    static final SearchSpace LINE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /**
     * BOHB with its good results all at x = 0.3: their kernel has the smallest bandwidth, 1e-3,
     * a fifth of the even grid's spacing. On the even grid alone its peak would be a triangle,
     * or missed.
     */
    @Test
    void aNarrowBohbPeakIsSampledFinelyAndDrawnAtItsHeight() {
        MutableTrialHistory history = new MutableTrialHistory(Direction.MINIMIZE);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 40; i++) {
            boolean good = i % 7 == 0;
            double x = good ? 0.3 + 1e-6 * i : 0.05 + 0.9 * ((i * 0.618034) % 1);
            double loss = good ? 0.01 * i : 1 + x;
            history.put(new Trial(i, TrialState.COMPLETE, new Config(Map.of("x", x)), OptionalDouble.of(loss),
                    new TreeMap<>(Map.of(1L, loss)), Map.of(TrialFact.BUDGET.key(), "1"), t0, t0.plusSeconds(1),
                    OptionalInt.empty()));
        }
        DensityExplanation ex = new BohbSampler().explainDensities(history, LINE, "x").orElseThrow();
        assertEquals(1L, ex.budget().orElseThrow());
        double width = ex.kernels().get(0).width();
        assertEquals(1e-3, width, 1e-12, "the bandwidth floor");

        DensityData data = DensityData.of(ex, Double.NaN);
        double[] xs = data.xs();
        assertTrue(pointsWithin(xs, 0.3, 2 * width) >= 16,
                pointsWithin(xs, 0.3, 2 * width) + " points within two bandwidths of the peak");
        assertIncreasing(xs);
        assertEquals(0, xs[0]);
        assertEquals(1, xs[xs.length - 1]);
        assertArrayEquals(ex.good(xs), data.good(), "the sampler's own density, per unit of x");
        assertEquals("Density", data.valueLabel());
        // The highest point drawn is (nearly) the peak itself, not a grid point on its flank.
        double drawnPeak = java.util.Arrays.stream(data.good()).max().orElseThrow();
        double truePeak = ex.good(new double[] {0.3 + 17.5e-6})[0];
        assertTrue(drawnPeak >= 0.99 * truePeak, drawnPeak + " drawn, " + truePeak + " at the peak");
    }

    /** TPE after 150 trials: its kernels are at the magic-clip floor, 1/100, two grid spacings. */
    @Test
    void everyNarrowTpeKernelGetsSixteenPointsWithinTwoBandwidths() {
        List<Trial> trials;
        try (Tuner tuner = Tuner.builder(LINE).minimize().sampler(new TpeSampler()).seed(5).build()) {
            trials = tuner.optimize((config, ctx) -> Math.abs(config.getDouble("x") - 0.42), Budget.trials(150))
                    .trials();
        }
        MutableTrialHistory history = new MutableTrialHistory(Direction.MINIMIZE);
        trials.forEach(history::put);
        DensityExplanation ex = new TpeSampler().explainDensities(history, LINE, "x").orElseThrow();
        double[] xs = DensityData.of(ex, 0.42).xs();
        assertTrue(xs.length > ParamGrid.GRID_POINTS && xs.length <= ParamGrid.GRID_POINTS + ParamGrid.MAX_POINTS,
                "" + xs.length);
        assertIncreasing(xs);
        int narrow = 0;
        for (DensityExplanation.Kernel k : ex.kernels()) {
            if (k.width() < 0.02) {
                narrow++;
                assertTrue(pointsWithin(xs, k.centre(), 2 * k.width()) >= 16, "kernel " + k);
            }
        }
        assertTrue(narrow > 100, narrow + " narrow kernels");
    }

    @Test
    void wideKernelsNeedNoExtraPoints() {
        assertArrayEquals(ParamGrid.values(LINE.params().get(0)),
                ParamGrid.values(LINE.params().get(0), List.of(new DensityExplanation.Kernel(0.5, 0.1))));
    }

    static int pointsWithin(double[] xs, double centre, double reach) {
        int n = 0;
        for (double x : xs) {
            if (Math.abs(x - centre) <= reach) {
                n++;
            }
        }
        return n;
    }

    static void assertIncreasing(double[] xs) {
        for (int i = 1; i < xs.length; i++) {
            assertTrue(xs[i] > xs[i - 1], "increasing at " + i + ": " + xs[i - 1] + ", " + xs[i]);
        }
    }
}
