package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.bench.MultiFidelityRuns;
import dev.rungs.bench.MultiFidelityRuns.Method;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.CountingOnes;
import dev.rungs.objective.bench.MultiFidelityHartmann;
import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * At equal total resource, Hyperband beats random search and BOHB beats Hyperband, on
 * multi-fidelity Hartmann-6 (R = 81, r = 1) and 16-dimensional counting ones (budgets 9 … 729),
 * with η = 3. Each method runs {@value #SEEDS} seeds for {@value #CYCLES} whole Hyperband cycles'
 * worth of resource; the final regrets are compared with a one-sided Mann–Whitney U test.
 */
class MultiFidelityQualityTest {
    static final int SEEDS = 20;
    static final int CYCLES = 4;
    static final double ALPHA = 0.05;

    @Test
    void onMultiFidelityHartmann6() {
        compare(new MultiFidelityHartmann(), 1);
    }

    @Test
    void onCountingOnes() {
        compare(new CountingOnes(), CountingOnes.MIN_BUDGET);
    }

    private static void compare(BenchmarkProblem problem, long minResource) {
        long resource = CYCLES * MultiFidelityRuns.cycleResource(minResource, problem.maxResource(), 3);
        double[] random = regrets(Method.RANDOM, problem, minResource, resource);
        double[] hyperband = regrets(Method.HYPERBAND, problem, minResource, resource);
        double[] bohb = regrets(Method.BOHB, problem, minResource, resource);
        assertBetter(problem, "Hyperband", hyperband, "random search", random);
        assertBetter(problem, "BOHB", bohb, "Hyperband", hyperband);
    }

    private static double[] regrets(Method m, BenchmarkProblem problem, long minResource, long resource) {
        double[] out = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            out[s] = MultiFidelityRuns.run(m, problem, minResource, 3, resource, 1000 + s, 1, new double[0], problem)
                    .finalRegret();
        }
        return out;
    }

    private static void assertBetter(BenchmarkProblem problem, String a, double[] ra, String b, double[] rb) {
        double ma = median(ra);
        double mb = median(rb);
        // commons-math gives the two-sided p; one-sided (a smaller) is half of it when the medians agree.
        double p = new MannWhitneyUTest().mannWhitneyUTest(ra, rb) / 2;
        System.out.printf("%s: median final regret %s %.4g, %s %.4g, one-sided Mann-Whitney p = %.3g%n",
                problem.name(), a, ma, b, mb, p);
        assertTrue(ma < mb, a + " median regret " + ma + " should be below " + b + "'s " + mb);
        assertTrue(p < ALPHA, problem.name() + ": " + a + " vs " + b + " one-sided Mann-Whitney p = " + p);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
