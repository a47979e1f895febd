package dev.rungs.objective.bench;

import dev.rungs.objective.StandaloneContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Config;
import dev.rungs.space.FloatParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountingOnesTest {
    private final CountingOnes co = new CountingOnes();

    private static Config config(int nCat, int catValue, int nCont, double contValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= nCat; i++) {
            m.put("cat" + i, (long) catValue);
        }
        for (int j = 1; j <= nCont; j++) {
            m.put("cont" + j, contValue);
        }
        return new Config(m);
    }

    @Test
    void defaultIsSixteenDimensionalWithBudgetsUpTo729() {
        assertEquals("counting-ones", co.name());
        assertEquals(16, co.space().size());
        assertEquals(729, co.maxResource());
        assertEquals(9, co.minResource());
        assertEquals(-16.0, co.optimum());
        for (int i = 0; i < 8; i++) {
            CategoricalParam c = (CategoricalParam) co.space().params().get(i);
            assertEquals(List.of(0L, 1L), c.choices());
            FloatParam f = (FloatParam) co.space().params().get(8 + i);
            assertEquals(0.0, f.low());
            assertEquals(1.0, f.high());
        }
        assertEquals(co.space().validate(config(8, 1, 8, 1.0).values()), config(8, 1, 8, 1.0));
    }

    @Test
    void allOnesReachTheOptimumAtEveryBudget() throws Exception {
        Config ones = config(8, 1, 8, 1.0);
        for (long b = 9; b <= 729; b *= 3) {
            assertEquals(-16.0, co.evaluate(ones, StandaloneContext.of(Config.empty(), b, b)), 0.0, "budget " + b);
        }
        Config zeros = config(8, 0, 8, 0.0);
        assertEquals(0.0, co.evaluate(zeros, StandaloneContext.of(Config.empty(), 9, 1)), 0.0);
        CountingOnes small = new CountingOnes(2, 3);
        assertEquals(-5.0, small.optimum());
        assertEquals(-5.0, small.evaluate(config(2, 1, 3, 1.0), StandaloneContext.of(Config.empty(), 27, 1)), 0.0);
    }

    @Test
    void noiseVarianceFallsWithTheBudgetAsBernoulliMeansDo() throws Exception {
        // Categorical part fixed at 0; each continuous x_j = 0.5 is estimated from b draws, so
        // Var f = 8 · 0.25 / b and E f = −4.
        Config half = config(8, 0, 8, 0.5);
        SplittableRandom rng = new SplittableRandom(4);
        int reps = 400;
        double previous = Double.POSITIVE_INFINITY;
        for (long b : new long[] {9, 81, 729}) {
            double sum = 0;
            double sumSq = 0;
            for (int r = 0; r < reps; r++) {
                double v = co.evaluate(half, StandaloneContext.of(Config.empty(), b, rng.split()));
                sum += v;
                sumSq += v * v;
            }
            double mean = sum / reps;
            double var = (sumSq - reps * mean * mean) / (reps - 1);
            double theory = 8 * 0.25 / b;
            assertEquals(theory, var, 0.3 * theory, "variance at budget " + b);
            assertEquals(-4.0, mean, 4 * Math.sqrt(theory / reps), "unbiased at budget " + b);
            assertTrue(var < previous, "variance should fall with the budget");
            previous = var;
        }
    }

    @Test
    void costIsTheShareOfTheLargestBudget() {
        assertEquals(1.0, co.cost(729), 0.0);
        assertEquals(1.0 / 81, co.cost(9), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> co.cost(0));
    }

    @Test
    void invalidSetupsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CountingOnes(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CountingOnes(-1, 4));
        assertThrows(IllegalArgumentException.class,
                () -> co.evaluate(config(8, 1, 8, 1.0), StandaloneContext.of(Config.empty(), 0, 1)));
    }
}
