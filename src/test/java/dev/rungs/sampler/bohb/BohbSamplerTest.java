package dev.rungs.sampler.bohb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.sampler.Proposal;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.junit.jupiter.api.Test;

/** BOHB's model: which budget it learns from, how often it samples at random, and that it learns. */
class BohbSamplerTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).floatParam("y", 0, 1).build();
    static final BohbSettings ALWAYS_MODEL = BohbSettings.defaults().withRandomFraction(0);

    /** Adds {@code count} trials observed at every budget in {@code budgets} (the last one is their budget attr). */
    static void observe(MutableTrialHistory h, SplittableRandom rnd, int count, long... budgets) {
        for (int i = 0; i < count; i++) {
            double x = rnd.nextDouble();
            double y = rnd.nextDouble();
            Trial t = Trial.running(h.nextNumber(), SPACE.validate(Map.of("x", x, "y", y)),
                    Map.of("budget", Long.toString(budgets[budgets.length - 1])), Instant.EPOCH);
            for (long b : budgets) {
                t = t.withReport(b, (x - 0.2) * (x - 0.2) + (y - 0.2) * (y - 0.2) + 0.01 * b);
            }
            h.put(t.withState(TrialState.PAUSED, Instant.EPOCH));
        }
    }

    static String modelBudget(BohbSampler s, MutableTrialHistory h, long seed) {
        Proposal p = s.propose(h, SPACE, new SplittableRandom(seed));
        return p.attrs().get(TrialFact.PROPOSED_BY.key()) + ":" + p.attrs().getOrDefault(TrialFact.MODEL_BUDGET.key(), "-");
    }

    @Test
    void theModelIsFittedOnTheLargestBudgetThatHasEnoughObservations() {
        // d = 2: min_points_in_model = d + 1 = 3; the good set takes max(3, 15 % of N) and the bad set
        // must then hold more than d points too (HpBandSter skips the fit otherwise), so N >= 6.
        BohbSampler s = new BohbSampler(ALWAYS_MODEL);
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        SplittableRandom rnd = new SplittableRandom(1);
        assertEquals("random:-", modelBudget(s, h, 1), "no observations, no model");
        observe(h, rnd, 5, 1);
        assertEquals("random:-", modelBudget(s, h, 1), "5 observations: the bad set would hold 2 = d points");
        observe(h, rnd, 15, 1);
        assertEquals("model:1", modelBudget(s, h, 1));
        observe(h, rnd, 2, 1, 3);
        assertEquals("model:1", modelBudget(s, h, 1), "budget 3 has 2 < d + 1 observations");
        observe(h, rnd, 3, 1, 3);
        assertEquals("model:1", modelBudget(s, h, 1), "budget 3 has 5: enough points, but not for both sets");
        observe(h, rnd, 1, 1, 3);
        assertEquals("model:3", modelBudget(s, h, 1), "6 observations at budget 3: the largest budget with a model");
        observe(h, rnd, 2, 1, 3, 9);
        assertEquals("model:3", modelBudget(s, h, 1), "budget 9 has only 2");
        // A larger min_points_in_model moves the model back down to where there are enough points.
        BohbSampler strict = new BohbSampler(new BohbSettings(10, 15, 64, 0, 3, 1e-3));
        assertEquals("model:1", modelBudget(strict, h, 1), "budget 3 has 8 < 10 observations");
    }

    @Test
    void aFailedRunCountsAsTheWorstObservationOfItsBudget() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        observe(h, new SplittableRandom(2), 3, 9);
        Trial failed = Trial.running(h.nextNumber(), SPACE.validate(Map.of("x", 0.9, "y", 0.9)),
                Map.of("budget", "9"), Instant.EPOCH).withAttr(Trial.FAIL_REASON, "boom")
                .withState(TrialState.FAIL, Instant.EPOCH);
        h.put(failed);
        var obs = BohbSampler.observations(h, SPACE, BohbSampler.levels(SPACE)).get(9L);
        assertEquals(4, obs.size());
        assertEquals(Double.POSITIVE_INFINITY, obs.get(3)[2]);
    }

    @Test
    void theRandomFractionIsRespected() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        observe(h, new SplittableRandom(3), 30, 1);
        BohbSampler s = new BohbSampler();
        int proposals = 3000;
        int random = 0;
        for (int i = 0; i < proposals; i++) {
            if ("random".equals(s.propose(h, SPACE, new SplittableRandom(1000 + i)).attrs()
                    .get(TrialFact.PROPOSED_BY.key()))) {
                random++;
            }
        }
        double p = new BinomialTest().binomialTest(proposals, random, 1.0 / 3, AlternativeHypothesis.TWO_SIDED);
        System.out.printf("BOHB random fraction: %d of %d proposals random, binomial p = %.3f%n", random, proposals, p);
        assertTrue(p > 0.01, random + " of " + proposals + " random; two-sided binomial p = " + p + " against 1/3");
        int none = 0;
        for (int i = 0; i < 200; i++) {
            if ("random".equals(new BohbSampler(ALWAYS_MODEL).propose(h, SPACE, new SplittableRandom(i))
                    .attrs().get(TrialFact.PROPOSED_BY.key()))) {
                none++;
            }
        }
        assertEquals(0, none, "random fraction 0: the model proposes every time");
    }

    @Test
    void modelProposalsConcentrateWhereTheGoodObservationsAre() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        observe(h, new SplittableRandom(4), 60, 1);
        BohbSampler s = new BohbSampler(ALWAYS_MODEL);
        int near = 0;
        int n = 300;
        for (int i = 0; i < n; i++) {
            var c = s.propose(h, SPACE, new SplittableRandom(50 + i)).config();
            double dx = c.getDouble("x") - 0.2;
            double dy = c.getDouble("y") - 0.2;
            if (dx * dx + dy * dy < 0.04) {
                near++;
            }
        }
        // A disc of radius 0.2 covers pi · 0.04 / 1 ≈ 12.6 % of the square (less at the edges).
        double p = new BinomialTest().binomialTest(n, near, 0.126, AlternativeHypothesis.GREATER_THAN);
        assertTrue(near > n / 2 && p < 1e-6, near + " of " + n + " model proposals near the optimum, p = " + p);
    }

    @Test
    void proposalsAreRebuiltFromTheHistoryAlone() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        observe(h, new SplittableRandom(5), 25, 1, 3);
        BohbSampler used = new BohbSampler();
        for (int i = 0; i < 10; i++) {
            used.propose(h, SPACE, new SplittableRandom(i)); // whatever it did before must not matter
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(new BohbSampler().propose(h, SPACE, new SplittableRandom(77 + i)),
                    used.propose(h, SPACE, new SplittableRandom(77 + i)));
        }
    }

    @Test
    void categoricalAndConditionalParametersAreModelled() {
        SearchSpace space = SearchSpace.builder().categorical("kind", "a", "b", "c").floatParam("w", 0, 1)
                .when("kind", "a").build();
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        SplittableRandom rnd = new SplittableRandom(6);
        for (int i = 0; i < 40; i++) {
            String kind = new String[] {"a", "b", "c"}[i % 3];
            Map<String, Object> v = kind.equals("a") ? Map.of("kind", kind, "w", rnd.nextDouble()) : Map.of("kind", kind);
            double value = kind.equals("b") ? 0 : 1 + rnd.nextDouble();
            h.put(Trial.running(i, space.validate(v), Map.of("budget", "1"), Instant.EPOCH).withReport(1, value)
                    .withState(TrialState.PAUSED, Instant.EPOCH));
        }
        BohbSampler s = new BohbSampler(ALWAYS_MODEL);
        int b = 0;
        for (int i = 0; i < 100; i++) {
            Proposal p = s.propose(h, space, new SplittableRandom(i));
            assertEquals("model", p.attrs().get(TrialFact.PROPOSED_BY.key()));
            if (p.config().get("kind").equals("b")) {
                b++;
            }
        }
        assertTrue(b > 80, "the good category 'b' is proposed " + b + " times of 100");
    }
}
