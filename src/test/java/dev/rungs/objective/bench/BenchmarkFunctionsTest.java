package dev.rungs.objective.bench;

import dev.rungs.objective.StandaloneContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.FloatParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Values of the single-fidelity problems at their known minimisers (literature values). */
class BenchmarkFunctionsTest {
    private static final StandaloneContext CTX = StandaloneContext.of(Config.empty(), 1, 0);

    /** A configuration x1 … xd of the given coordinates. */
    static Config xs(double... x) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) {
            m.put("x" + (i + 1), x[i]);
        }
        return new Config(m);
    }

    /** Asserts that no random point of the space beats the optimum, so the optimum is a bound. */
    private static void assertNoRandomPointBeats(BenchmarkProblem p, int n) throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            double[] u = new double[p.space().size()];
            for (int j = 0; j < u.length; j++) {
                u[j] = rng.nextDouble();
            }
            double v = p.evaluate(p.space().decode(u), CTX);
            assertTrue(v >= p.optimum() - 1e-4, p.name() + " below its optimum: " + v);
            assertTrue(p.regret(v) >= -1e-4);
        }
    }

    @Test
    void braninIsMinimalAtItsThreeMinimisers() throws Exception {
        Branin b = new Branin();
        double[][] minimisers = {{-Math.PI, 12.275}, {Math.PI, 2.275}, {9.42478, 2.475}};
        for (double[] m : minimisers) {
            assertEquals(0.397887, b.evaluate(xs(m), CTX), 1e-4, "Branin at (" + m[0] + ", " + m[1] + ")");
        }
        assertEquals(0.397887, b.optimum(), 1e-6);
        assertNoRandomPointBeats(b, 2000);
    }

    @Test
    void hartmann3IsMinimalAtItsMinimiser() throws Exception {
        Hartmann h = Hartmann.three();
        assertEquals(-3.86278, h.evaluate(xs(0.114614, 0.555649, 0.852547), CTX), 1e-4);
        assertEquals(-3.86278, h.optimum(), 1e-9);
        assertEquals("hartmann3", h.name());
        assertNoRandomPointBeats(h, 2000);
    }

    @Test
    void hartmann6IsMinimalAtItsMinimiser() throws Exception {
        Hartmann h = Hartmann.six();
        assertEquals(-3.32237, h.evaluate(xs(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), CTX), 1e-4);
        assertEquals(-3.32237, h.optimum(), 1e-9);
        assertEquals("hartmann6", h.name());
        assertNoRandomPointBeats(h, 2000);
    }

    @Test
    void rosenbrockIsZeroAtAllOnesInAnyDimension() throws Exception {
        for (int d : new int[] {2, 3, 5, 10}) {
            Rosenbrock r = new Rosenbrock(d);
            double[] ones = new double[d];
            java.util.Arrays.fill(ones, 1.0);
            assertEquals(0.0, r.evaluate(xs(ones), CTX), 0.0, d + "-d Rosenbrock at ones");
            assertEquals(0.0, r.optimum());
            assertEquals(d, r.space().size());
            for (Param p : r.space().params()) {
                FloatParam f = (FloatParam) p;
                assertEquals(-5.0, f.low());
                assertEquals(10.0, f.high());
            }
            assertNoRandomPointBeats(r, 500);
        }
        // The textbook value at the origin: (1 − 0)² per term.
        assertEquals(1.0, Rosenbrock.value(new double[] {0, 0}), 0.0);
        assertEquals(4.0, Rosenbrock.value(new double[] {0, 0, 0, 0, 0}), 0.0);
        // 100 (x2 − x1²)² + (1 − x1)² at (−1, 1) = 0 + 4.
        assertEquals(4.0, Rosenbrock.value(new double[] {-1, 1}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new Rosenbrock(1));
    }

    @Test
    void singleFidelityProblemsHaveResourceOne() {
        assertEquals(1, new Branin().maxResource());
        assertEquals(1, Hartmann.six().maxResource());
        assertEquals(1, new Rosenbrock(3).maxResource());
        assertEquals(SearchSpace.builder().floatParam("x1", -5, 10).floatParam("x2", -5, 10).build(),
                new Rosenbrock(2).space());
    }
}
