package dev.rungs.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/** The numerical building blocks of the estimators, checked against plain references. */
class TpeNumericsTest {

    @Test
    void erfcMatchesCommonsMathWithRelativeAccuracyIntoTheTail() {
        double worst = 0;
        for (double x = -6; x <= 26.4; x += 0.00731) {
            double ref = Erf.erfc(x);
            double rel = Math.abs(Gauss.erfc(x) - ref) / ref;
            worst = Math.max(worst, rel);
        }
        assertTrue(worst < 1e-12, "worst relative error " + worst);
        // Beyond the table: the asymptotic branch (until erfc leaves the normal doubles).
        for (double x = 26.5; x < 26.55; x += 0.001) {
            double ref = Erf.erfc(x);
            assertEquals(1.0, Gauss.erfc(x) / ref, 1e-12, "at " + x);
        }
        assertEquals(0.0, Gauss.erfc(28));
        assertEquals(0.5, Gauss.upperTail(0), 1e-16);
        assertEquals(Gauss.upperTail(-1.3), 1 - Gauss.upperTail(1.3), 1e-15);
        // Mass far out in one tail keeps its relative accuracy.
        double m = Gauss.mass(9, 9.5);
        double ref = 0.5 * (Erf.erfc(9 / Math.sqrt(2)) - Erf.erfc(9.5 / Math.sqrt(2)));
        assertEquals(1.0, m / ref, 1e-11);
        assertEquals(1.0, Gauss.mass(-40, 40), 1e-15);
    }

    @Test
    void indexSortIsAStableArgsort() {
        SplittableRandom r = new SplittableRandom(4);
        for (int n : new int[] {0, 1, 2, 47, 48, 49, 500, 4095, 4096, 20_000}) {
            for (int kind = 0; kind < 4; kind++) {
                double[] keys = new double[n];
                for (int i = 0; i < n; i++) {
                    keys[i] = switch (kind) {
                        case 0 -> r.nextDouble();
                        case 1 -> Math.floor(r.nextDouble() * 7) / 7; // many ties
                        case 2 -> 0.5 + r.nextInt(100) * 1e-12; // equal as floats, not as doubles
                        default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-300, 300)); // signs, magnitudes
                    };
                }
                if (n > 3 && kind == 3) {
                    keys[0] = -0.0;
                    keys[1] = 0.0;
                }
                int[] got = IndexSort.sort(keys, n);
                Integer[] ref = IntStream.range(0, n).boxed().toArray(Integer[]::new);
                Arrays.sort(ref, Comparator.comparingDouble((Integer i) -> keys[i] + 0.0)); // stable
                assertArrayEquals(Arrays.stream(ref).mapToInt(Integer::intValue).toArray(), got,
                        "n = " + n + ", kind " + kind);
            }
        }
    }

    private static final Dim CONTINUOUS = Dim.of(new FloatParam("x", -3, 7));

    /** Observations clustered the way a late TPE study clusters them, plus a few strays. */
    private static double[] clustered(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] obs = new double[n];
        for (int i = 0; i < n; i++) {
            double x;
            do {
                x = i % 10 == 0 ? r.nextDouble() : (i % 3 == 0 ? 0.01 : 0.6) + 0.05 * r.nextGaussian();
            } while (x < 0 || x > 1);
            obs[i] = x;
        }
        return obs;
    }

    @Test
    void fastGaussTransformAgreesWithTheExactSum() {
        for (int n : new int[] {200, 3000, 20_000}) {
            double[] obs = clustered(n, n);
            NumericParzen p = NumericParzen.fit(obs, TpeSettings.defaultWeights(n), n, 1.0, true, CONTINUOUS);
            assertTrue(p.usesTransform(), "n = " + n);
            SplittableRandom r = new SplittableRandom(9);
            double[] t = new double[500];
            for (int i = 0; i < t.length; i++) {
                t[i] = i < 3 ? i * 0.5 : i % 2 == 0 ? r.nextDouble() : obs[r.nextInt(n)];
            }
            double[] batch = new double[t.length];
            p.densities(t, t.length, batch);
            for (int i = 0; i < t.length; i++) {
                double exact = p.exactDensity(t[i]);
                assertEquals(1.0, batch[i] / exact, 1e-11, "n = " + n + " at " + t[i]);
                assertEquals(batch[i], p.density(t[i]), 0.0, "single and batch evaluation must agree exactly");
            }
        }
    }

    @Test
    void bandwidthsByCellsMatchBandwidthsBySorting() {
        SplittableRandom r = new SplittableRandom(12);
        for (int n : new int[] {1, 2, 3, 10, 130, 1000, 12_000}) {
            for (int kind = 0; kind < 3; kind++) {
                double[] obs = switch (kind) {
                    case 0 -> clustered(n, n + 1);
                    case 1 -> r.doubles(n).toArray();
                    // Ties, points on the range ends and at the prior's centre.
                    default -> r.ints(n, 0, 9).mapToDouble(i -> new double[] {0, 1, 0.5, 0.25, 0.3, 0.30001, 0.9, 0.99, 0.5}[i]).toArray();
                };
                double[] w = TpeSettings.defaultWeights(n);
                NumericParzen sorted = NumericParzen.fit(obs, w, n, 1.0, true, CONTINUOUS, false);
                NumericParzen cells = NumericParzen.fit(obs, w, n, 1.0, true, CONTINUOUS, true);
                for (int i = 0; i <= 2000; i++) {
                    double t = i % 2 == 0 ? i / 2000.0 : obs[r.nextInt(n)];
                    double a = sorted.exactDensity(t);
                    double b = cells.exactDensity(t);
                    assertEquals(1.0, b / a, 1e-12, "n = " + n + ", kind " + kind + " at " + t);
                }
            }
        }
    }

    @Test
    void continuousDensityIntegratesToOne() {
        for (int n : new int[] {0, 1, 5, 30, 2000}) {
            double[] obs = clustered(n, 3);
            for (boolean clip : new boolean[] {true, false}) {
                NumericParzen p = NumericParzen.fit(obs, TpeSettings.defaultWeights(n), n, 1.0, clip, CONTINUOUS);
                int m = 400_001;
                double s = 0;
                double prev = p.density(0);
                for (int i = 1; i < m; i++) {
                    double cur = p.density((double) i / (m - 1));
                    s += 0.5 * (prev + cur) / (m - 1);
                    prev = cur;
                }
                // Without the clip, bandwidths can be tiny, so the grid only resolves them roughly.
                assertEquals(1.0, s, clip ? 1e-6 : 2e-2, "n = " + n + ", clip " + clip);
            }
        }
    }

    @Test
    void discreteMassesSumToOne() {
        List<Dim> dims = List.of(
                Dim.of(new IntParam("i", -3, 9)),
                Dim.of(new IntParam("s", 0, 100, false, 7, null)),
                Dim.of(new FloatParam("f", 0, 1, false, 0.3, null)),
                Dim.of(new IntParam("l", 1, 300, true, 1, null)));
        SplittableRandom r = new SplittableRandom(1);
        for (Dim dim : dims) {
            // Observations drawn on the dimension's own grid.
            int n = 300;
            double[] obs = new double[n];
            for (int i = 0; i < n; i++) {
                obs[i] = dim.snap(Math.min(1, Math.abs(0.3 + 0.2 * r.nextGaussian())));
            }
            NumericParzen p = NumericParzen.fit(obs, TpeSettings.defaultWeights(n), n, 1.0, true, dim);
            double sum = 0;
            // Walk the allowed values through their coordinates.
            double last = -1;
            for (int i = 0; i <= 200_000; i++) {
                double t = dim.snap(i / 200_000.0);
                if (t != last) {
                    sum += p.density(t);
                    last = t;
                }
            }
            assertEquals(1.0, sum, 1e-9, dim.param.name());
            // Draws land on allowed values.
            for (int i = 0; i < 200; i++) {
                double t = p.sample(r);
                assertEquals(t, dim.snap(t), 0.0);
            }
        }
    }

    @Test
    void categoricalEstimatorIsSmoothedCounts() {
        double[] obs = {0, 0, 2, 0};
        double[] w = {1, 1, 1, 1};
        CategoricalParzen p = CategoricalParzen.fit(obs, w, 4, 1.0, 3);
        // Optuna: each observation's row is fill = 1/5 everywhere plus 1 at its choice, over
        // 1 + 3/5; the prior row is uniform; rows mix with weights 1, 1, 1, 1 and prior 1.
        double fill = 1.0 / 5;
        double norm = 1 + 3 * fill;
        double p0 = (3 * (fill + 1) / norm + fill / norm + 1.0 / 3) / 5;
        double p1 = (4 * fill / norm + 1.0 / 3) / 5;
        double p2 = (3 * fill / norm + (fill + 1) / norm + 1.0 / 3) / 5;
        assertEquals(p0, p.density(0), 1e-15);
        assertEquals(p1, p.density(1), 1e-15);
        assertEquals(p2, p.density(2), 1e-15);
        assertEquals(1.0, p0 + p1 + p2, 1e-15);
        assertEquals(0.0, p.density(3));
        Dim cat = Dim.of(new CategoricalParam("c", List.of("a", "b", "c")));
        assertEquals(2.0, cat.encode("c"));
        assertTrue(Double.isNaN(cat.encode("zzz")));
    }

    @Test
    void multivariateDensityIsNormalised() {
        Dim[] dims = {CONTINUOUS, Dim.of(new CategoricalParam("c", List.of("a", "b"))), Dim.of(new IntParam("i", 0, 4))};
        SplittableRandom r = new SplittableRandom(2);
        int n = 20;
        double[][] obs = new double[3][n];
        for (int i = 0; i < n; i++) {
            obs[0][i] = r.nextDouble();
            obs[1][i] = r.nextInt(2);
            obs[2][i] = (r.nextInt(5) + 0.5) / 5;
        }
        JointParzen p = JointParzen.fit(obs, TpeSettings.defaultWeights(n), n, 1.0, true, dims);
        int m = 20_001;
        double total = 0;
        for (int c = 0; c < 2; c++) {
            for (int k = 0; k < 5; k++) {
                double s = 0;
                double prev = 0;
                for (int i = 0; i < m; i++) {
                    double cur = Math.exp(p.logDensity(new double[] {(double) i / (m - 1), c, (k + 0.5) / 5}));
                    if (i > 0) {
                        s += 0.5 * (prev + cur) / (m - 1);
                    }
                    prev = cur;
                }
                total += s;
            }
        }
        assertEquals(1.0, total, 1e-6);
        double[] x = new double[3];
        for (int i = 0; i < 500; i++) {
            p.sample(r, x);
            assertTrue(x[0] >= 0 && x[0] <= 1 && (x[1] == 0 || x[1] == 1) && x[2] == dims[2].snap(x[2]));
        }
    }
}
