package dev.rungs.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.Branin;
import dev.rungs.objective.bench.Hartmann;
import dev.rungs.sampler.Sampler;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

/**
 * TPE finds better values than random search with the same budget, on problems with known
 * optima. Each seed runs an 80-trial ask/tell loop for both samplers; the best values per seed
 * are compared with a one-sided Mann–Whitney U test.
 */
class TpeBenchmarkTest {
    private static final int SEEDS = 30;
    private static final int TRIALS = 80;
    private static final double ALPHA = 0.01;

    @Test
    void univariateTpeBeatsRandomSearchOnBranin() {
        assertBeatsRandom(new TpeSampler(), new Branin());
    }

    @Test
    void univariateTpeBeatsRandomSearchOnHartmann6() {
        assertBeatsRandom(new TpeSampler(), Hartmann.six());
    }

    @Test
    void multivariateTpeBeatsRandomSearchOnBranin() {
        assertBeatsRandom(new TpeSampler(TpeSettings.defaults().withMultivariate(true)), new Branin());
    }

    @Test
    void multivariateTpeBeatsRandomSearchOnHartmann6() {
        assertBeatsRandom(new TpeSampler(TpeSettings.defaults().withMultivariate(true)), Hartmann.six());
    }

    private static void assertBeatsRandom(Sampler tpe, BenchmarkProblem problem) {
        double[] tpeBest = new double[SEEDS];
        double[] randomBest = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            tpeBest[s] = TpeTestSupport.best(tpe, problem, s, TRIALS);
            randomBest[s] = TpeTestSupport.best(TpeTestSupport.RANDOM, problem, s, TRIALS);
        }
        double tpeMedian = TpeTestSupport.median(tpeBest);
        double randomMedian = TpeTestSupport.median(randomBest);
        // commons-math gives the two-sided p; the one-sided p (TPE smaller) is half of it when
        // the medians point that way.
        double twoSided = new MannWhitneyUTest().mannWhitneyUTest(tpeBest, randomBest);
        double oneSided = twoSided / 2;
        System.out.printf("%s %s: median best TPE %.5f, random %.5f, one-sided Mann-Whitney p = %.3g%n",
                problem.name(), tpe instanceof TpeSampler t && t.settings().multivariate() ? "multivariate" : "univariate",
                tpeMedian, randomMedian, oneSided);
        assertTrue(tpeMedian < randomMedian,
                "TPE median best " + tpeMedian + " should be below random search's " + randomMedian);
        assertTrue(oneSided < ALPHA, "one-sided Mann-Whitney p = " + oneSided + " (TPE median "
                + tpeMedian + ", random median " + randomMedian + ")");
    }
}
