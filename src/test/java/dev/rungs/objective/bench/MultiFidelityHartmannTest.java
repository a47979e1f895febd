package dev.rungs.objective.bench;

import dev.rungs.objective.StandaloneContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiFidelityHartmannTest {
    private final MultiFidelityHartmann mf = new MultiFidelityHartmann();

    private static double[] randomPoint(SplittableRandom rng) {
        double[] x = new double[6];
        for (int j = 0; j < 6; j++) {
            x[j] = rng.nextDouble();
        }
        return x;
    }

    @Test
    void defaultsMatchTheHyperbandBudgetsForEta3() {
        assertEquals("mf-hartmann6", mf.name());
        assertEquals(81, mf.maxResource());
        assertEquals(1, mf.minResource());
        assertEquals(Hartmann.six().space(), mf.space());
        assertEquals(-3.32237, mf.optimum(), 1e-9);
    }

    @Test
    void exactlyHartmann6AtTheHighestFidelity() throws Exception {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 300; i++) {
            double[] x = randomPoint(rng);
            Config c = BenchmarkFunctionsTest.xs(x);
            assertEquals(Hartmann.value(x), mf.evaluate(c, StandaloneContext.of(Config.empty(), 81, i)), 0.0);
        }
        Config best = BenchmarkFunctionsTest.xs(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573);
        assertEquals(-3.32237, mf.evaluate(best, StandaloneContext.of(Config.empty(), 81, 0)), 1e-4);
    }

    @Test
    void lowerFidelitiesAreFurtherOffOnAverage() throws Exception {
        long[] budgets = {1, 3, 9, 27, 81};
        double[] meanError = new double[budgets.length];
        SplittableRandom points = new SplittableRandom(2);
        int n = 400;
        for (int i = 0; i < n; i++) {
            double[] x = randomPoint(points);
            Config c = BenchmarkFunctionsTest.xs(x);
            double exact = Hartmann.value(x);
            for (int b = 0; b < budgets.length; b++) {
                double v = mf.evaluate(c, StandaloneContext.of(Config.empty(), budgets[b], 1000L * i + b));
                // Lowered α and half-normal noise both push the value up: low fidelity is pessimistic.
                assertTrue(v >= exact, "z=" + budgets[b] + ": " + v + " below the exact " + exact);
                meanError[b] += (v - exact) / n;
            }
        }
        for (int b = 0; b + 1 < budgets.length; b++) {
            assertTrue(meanError[b] > meanError[b + 1], "mean error at z=" + budgets[b] + " (" + meanError[b]
                    + ") should exceed that at z=" + budgets[b + 1] + " (" + meanError[b + 1] + ")");
        }
        assertEquals(0.0, meanError[budgets.length - 1], 0.0);
        assertTrue(meanError[0] > 0.05, "the lowest fidelity should be clearly off, mean error " + meanError[0]);
    }

    @Test
    void noiseComesFromTheTrialsGenerator() throws Exception {
        Config c = BenchmarkFunctionsTest.xs(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertEquals(mf.evaluate(c, StandaloneContext.of(Config.empty(), 3, 7)), mf.evaluate(c, StandaloneContext.of(Config.empty(), 3, 7)), 0.0);
        assertTrue(mf.evaluate(c, StandaloneContext.of(Config.empty(), 3, 7)) != mf.evaluate(c, StandaloneContext.of(Config.empty(), 3, 8)));
        // Without noise the low fidelity is deterministic and equals the biased α formula.
        MultiFidelityHartmann quiet = new MultiFidelityHartmann(1, 81, 0.5, 0.0);
        double zHat = Math.log(9) / Math.log(81); // = 0.5
        double[] alpha = {1.0 - 0.25, 1.2 - 0.25, 3.0 - 0.25, 3.2 - 0.25};
        double[] x = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        assertEquals(0.5, zHat, 1e-12);
        assertEquals(Hartmann.value(x, alpha), quiet.evaluate(c, StandaloneContext.of(Config.empty(), 9, 1)), 1e-12);
    }

    @Test
    void budgetsOutsideTheFidelityRangeAreRejected() {
        Config c = BenchmarkFunctionsTest.xs(0.5, 0.5, 0.5, 0.5, 0.5, 0.5);
        assertThrows(IllegalArgumentException.class, () -> mf.evaluate(c, StandaloneContext.of(Config.empty(), 0, 1)));
        assertThrows(IllegalArgumentException.class, () -> mf.evaluate(c, StandaloneContext.of(Config.empty(), 82, 1)));
        assertThrows(IllegalArgumentException.class, () -> new MultiFidelityHartmann(0, 81, 0.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new MultiFidelityHartmann(9, 3, 0.5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new MultiFidelityHartmann(1, 81, -1, 0.1));
    }

    @Test
    void costGrowsWithTheBudgetToOneAtTheTop() {
        assertEquals(1.0, mf.cost(81), 1e-12);
        assertEquals(0.05 + 0.95 / 6561, mf.cost(1), 1e-12);
        double last = 0;
        for (long z = 1; z <= 81; z++) {
            assertTrue(mf.cost(z) > last);
            last = mf.cost(z);
        }
        assertEquals(0.0, mf.fidelity(1), 0.0);
        assertEquals(1.0, mf.fidelity(81), 0.0);
    }
}
