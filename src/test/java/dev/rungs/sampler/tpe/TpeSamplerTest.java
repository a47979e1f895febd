package dev.rungs.sampler.tpe;

import static dev.rungs.sampler.tpe.TpeTestSupport.complete;
import static dev.rungs.sampler.tpe.TpeTestSupport.rng;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.bench.Branin;
import dev.rungs.sampler.Proposal;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Behaviour of the TPE sampler: valid proposals, reproducibility, constant liar, explain. */
class TpeSamplerTest {

    private static final TpeSettings UNIVARIATE = TpeSettings.defaults();
    private static final TpeSettings MULTIVARIATE = TpeSettings.defaults().withMultivariate(true);
    private static final TpeSettings GROUP = MULTIVARIATE.withGroup(true);

    private static TpeSettings settings(String name) {
        return switch (name) {
            case "univariate" -> UNIVARIATE;
            case "multivariate" -> MULTIVARIATE;
            case "group" -> GROUP;
            default -> throw new IllegalArgumentException(name);
        };
    }

    // --- settings ---------------------------------------------------------------------------

    @Test
    void defaultsMatchOptuna() {
        TpeSettings d = TpeSettings.defaults();
        assertEquals(10, d.nStartupTrials());
        assertEquals(24, d.nEiCandidates());
        assertEquals(1.0, d.priorWeight());
        assertTrue(d.magicClip());
        assertTrue(!d.multivariate() && !d.group() && !d.constantLiar());
        assertEquals(1, d.gamma().applyAsInt(10));
        assertEquals(3, d.gamma().applyAsInt(30));
        assertEquals(4, d.gamma().applyAsInt(31));
        assertEquals(25, d.gamma().applyAsInt(1000));
        double[] w = d.weights().apply(30);
        assertEquals(1.0 / 30, w[0], 1e-15);
        assertEquals(1.0, w[4], 1e-15);
        for (int i = 5; i < 30; i++) {
            assertEquals(1.0, w[i]);
        }
        assertTrue(w[1] > w[0] && w[2] > w[1] && w[3] > w[2] && w[4] > w[3]);
        for (double v : d.weights().apply(24)) {
            assertEquals(1.0, v);
        }
    }

    @Test
    void groupModeNeedsMultivariate() {
        assertThrows(IllegalArgumentException.class, () -> new TpeSampler(TpeSettings.defaults().withGroup(true)));
        assertThrows(IllegalArgumentException.class, () -> TpeSettings.defaults().withPriorWeight(0));
        assertThrows(IllegalArgumentException.class, () -> TpeSettings.defaults().withEiCandidates(0));
    }

    // --- conditional spaces ----------------------------------------------------------------

    private static final SearchSpace CONDITIONAL = SearchSpace.builder()
            .categorical("kind", "a", "b")
            .floatParam("xa", -2, 2).when("kind", "a")
            .intParam("na", 1, 8).when("kind", "a")
            .logFloatParam("xb", 1e-3, 10).when("kind", "b")
            .floatParam("y", 0, 1)
            .build();

    private static double conditionalObjective(Config c) {
        double base = c.getDouble("y");
        if (c.getString("kind").equals("a")) {
            double x = c.getDouble("xa") - 0.5;
            return base + x * x + 0.05 * c.getLong("na");
        }
        double l = Math.log10(c.getDouble("xb")) + 2;
        return base + 0.2 + l * l;
    }

    @ParameterizedTest
    @ValueSource(strings = {"univariate", "multivariate", "group"})
    void conditionalSpaceGetsExactlyTheActiveParameters(String mode) {
        TpeSampler sampler = new TpeSampler(settings(mode));
        Set<String> kindsFromModel = new HashSet<>();
        int modelProposals = 0;
        for (long seed = 0; seed < 3; seed++) {
            MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
            for (int t = 0; t < 60; t++) {
                Proposal p = sampler.propose(h, CONDITIONAL, rng(seed, t));
                Config c = p.config();
                Set<String> expected = new LinkedHashSet<>(List.of("kind"));
                expected.addAll(c.getString("kind").equals("a") ? List.of("xa", "na") : List.of("xb"));
                expected.add("y");
                assertEquals(expected, c.values().keySet(), "active parameters of " + c);
                // validate() rejects missing active, present inactive and out-of-range values.
                assertEquals(c, CONDITIONAL.validate(c.values()));
                if ("model".equals(p.attrs().get(TrialFact.TPE_MODE.key()))) {
                    modelProposals++;
                    kindsFromModel.add(c.getString("kind"));
                }
                h.put(complete(t, c, conditionalObjective(c)));
            }
        }
        assertEquals(3 * 50, modelProposals);
        assertEquals(Set.of("a", "b"), kindsFromModel, "the model should propose both branches");
    }

    @Test
    void groupModeSplitsTheConditionalSpaceIntoGroupsThatAppearTogether() {
        // After trials of both kinds: {kind, y}, {xa, na} and {xb} always appear together.
        MutableTrialHistory h = TpeTestSupport.run(new TpeSampler(GROUP), CONDITIONAL, Direction.MINIMIZE,
                TpeSamplerTest::conditionalObjective, 1, 30);
        Set<String> kinds = new HashSet<>();
        h.trials().forEach(t -> kinds.add(t.config().getString("kind")));
        assertEquals(Set.of("a", "b"), kinds);
        // A space whose conditional parameters never appeared is still handled (prior only).
        SearchSpace wider = SearchSpace.builder()
                .categorical("kind", "a", "b", "c")
                .floatParam("xa", -2, 2).when("kind", "a")
                .intParam("na", 1, 8).when("kind", "a")
                .logFloatParam("xb", 1e-3, 10).when("kind", "b")
                .floatParam("y", 0, 1)
                .floatParam("xc", 0, 1).when("kind", "c")
                .build();
        boolean sawC = false;
        for (int s = 0; s < 200 && !sawC; s++) {
            Config c = new TpeSampler(GROUP).propose(h, wider, rng(99, s)).config();
            assertEquals(c, wider.validate(c.values()));
            sawC = c.getString("kind").equals("c");
        }
        assertTrue(sawC, "the prior keeps never-seen choices possible");
    }

    // --- parameter kinds -------------------------------------------------------------------

    private static final SearchSpace KINDS = SearchSpace.builder()
            .logFloatParam("lr", 1e-5, 1)
            .intParam("depth", 1, 6)
            .steppedFloatParam("frac", 0, 1, 0.3)
            .categorical("opt", "sgd", "adam", "rmsprop")
            .logIntParam("units", 1, 1000)
            .steppedIntParam("batch", 16, 256, 16)
            .build();

    /** Best at both ends of depth, at the top of the frac grid, near lr = 1e-3 and units = 64. */
    private static double kindsObjective(Config c) {
        double lr = Math.log10(c.getDouble("lr")) + 3;
        double depth = Math.abs(c.getLong("depth") - 3.5);
        double units = Math.log(c.getLong("units") / 64.0);
        double opt = c.getString("opt").equals("adam") ? 0 : 0.5;
        return lr * lr - depth + (0.9 - c.getDouble("frac")) + units * units + opt
                + Math.abs(c.getLong("batch") - 128) / 128.0;
    }

    @ParameterizedTest
    @ValueSource(strings = {"univariate", "multivariate"})
    void everyParameterKindGetsValidValuesFromTheModel(String mode) {
        TpeSampler sampler = new TpeSampler(settings(mode));
        Set<Long> depths = new HashSet<>();
        Set<Double> fracs = new HashSet<>();
        Set<Object> opts = new HashSet<>();
        for (long seed = 0; seed < 4; seed++) {
            MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
            for (int t = 0; t < 80; t++) {
                Proposal p = sampler.propose(h, KINDS, rng(seed, t));
                Config c = p.config();
                assertEquals(c, KINDS.validate(c.values()));
                double lr = c.getDouble("lr");
                assertTrue(lr >= 1e-5 && lr <= 1, "lr " + lr);
                long depth = c.getLong("depth");
                assertTrue(depth >= 1 && depth <= 6);
                double frac = c.getDouble("frac");
                double steps = frac / 0.3;
                assertEquals(Math.rint(steps), steps, 1e-9, "frac " + frac + " off the 0.3 grid");
                assertTrue(frac >= 0 && frac <= 1);
                long units = c.getLong("units");
                assertTrue(units >= 1 && units <= 1000);
                long batch = c.getLong("batch");
                assertTrue(batch >= 16 && batch <= 256 && (batch - 16) % 16 == 0, "batch " + batch);
                assertTrue(c.get("depth") instanceof Long && c.get("units") instanceof Long);
                if (t >= 10) {
                    assertEquals("model", p.attrs().get(TrialFact.TPE_MODE.key()));
                    depths.add(depth);
                    fracs.add(frac);
                    opts.add(c.get("opt"));
                } else {
                    assertEquals("startup", p.attrs().get(TrialFact.TPE_MODE.key()));
                }
                h.put(complete(t, c, kindsObjective(c)));
            }
        }
        assertTrue(depths.contains(1L) && depths.contains(6L), "both integer bounds reached: " + depths);
        assertTrue(fracs.contains(0.0) && fracs.stream().anyMatch(f -> Math.abs(f - 0.9) < 1e-9),
                "both ends of the stepped grid reached: " + fracs);
        assertEquals(Set.of("sgd", "adam", "rmsprop"), opts);
    }

    @Test
    void maximisationIsModelledAsLoss() {
        // The same problem maximised (negated values) must behave exactly as when minimised.
        Branin b = new Branin();
        MutableTrialHistory min = TpeTestSupport.run(new TpeSampler(), b.space(), Direction.MINIMIZE,
                c -> TpeTestSupport.evaluate(b, c), 5, 40);
        MutableTrialHistory max = TpeTestSupport.run(new TpeSampler(), b.space(), Direction.MAXIMIZE,
                c -> -TpeTestSupport.evaluate(b, c), 5, 40);
        for (int t = 0; t < 40; t++) {
            assertEquals(min.get(t).config(), max.get(t).config());
        }
    }

    // --- reproducibility -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"univariate", "multivariate", "group"})
    void sameHistoryAndSeedGiveTheSameProposal(String mode) {
        TpeSettings s = settings(mode);
        TpeSampler sampler = new TpeSampler(s);
        MutableTrialHistory h = TpeTestSupport.run(sampler, CONDITIONAL, Direction.MINIMIZE,
                TpeSamplerTest::conditionalObjective, 3, 40);
        MutableTrialHistory other = TpeTestSupport.run(sampler, KINDS, Direction.MINIMIZE,
                TpeSamplerTest::kindsObjective, 4, 30);
        Proposal first = sampler.propose(h, CONDITIONAL, new SplittableRandom(7));
        // Other calls in between, on other histories and spaces, must not change anything.
        for (int i = 0; i < 5; i++) {
            sampler.propose(other, KINDS, new SplittableRandom(i));
            sampler.explain(other, KINDS, "lr");
        }
        Proposal again = sampler.propose(h, CONDITIONAL, new SplittableRandom(7));
        Proposal fresh = new TpeSampler(s).propose(h, CONDITIONAL, new SplittableRandom(7));
        assertEquals(first, again);
        assertEquals(first, fresh);
        // And the seed does matter.
        Set<Config> distinct = new HashSet<>();
        for (int seed = 0; seed < 10; seed++) {
            distinct.add(sampler.propose(h, CONDITIONAL, new SplittableRandom(seed)).config());
        }
        assertTrue(distinct.size() > 5);
    }

    @Test
    void theSamplerHoldsNoMutableState() {
        for (Field f : TpeSampler.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                assertTrue(Modifier.isFinal(f.getModifiers()), f.getName());
                continue;
            }
            assertTrue(Modifier.isFinal(f.getModifiers()), "field " + f.getName() + " must be final");
            assertTrue(f.getType() == TpeSettings.class, "only the immutable settings are kept: " + f);
        }
        assertTrue(TpeSettings.class.isRecord());
    }

    // --- which trials count ------------------------------------------------------------------

    private static final SearchSpace LINE = SearchSpace.builder().floatParam("x", 0, 1).build();

    private static Config x(double v) {
        return new Config(Map.of("x", v));
    }

    @Test
    void prunedTrialsRankAfterCompleteOnesAndFailedOnesAreIgnored() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        int n = 0;
        // 20 complete trials with poor values, x in [0.05, 0.5).
        for (int i = 0; i < 20; i++) {
            h.put(complete(n++, x(0.05 + i * 0.0225), 10 + i));
        }
        // Pruned trials with excellent last reports: they must still rank after complete ones.
        for (int i = 0; i < 5; i++) {
            Trial t = Trial.running(n++, x(0.9 + i * 0.01), Map.of(), Instant.EPOCH)
                    .withReport(1, -100.0).withValue(-100.0).withState(TrialState.PRUNED, Instant.EPOCH);
            h.put(t);
        }
        // Failed trials are ignored altogether.
        for (int i = 0; i < 5; i++) {
            h.put(Trial.running(n++, x(0.7), Map.of(), Instant.EPOCH).withState(TrialState.FAIL, Instant.EPOCH));
        }
        TpeExplanation e = new TpeSampler().explain(h, LINE, "x");
        // n = 25 (complete + pruned), gamma = 3: the three best complete trials are good.
        assertValues(List.of(0.05, 0.0725, 0.095), boxed(e.goodValues()), 1e-12);
        assertEquals(22, e.badValues().length);
        for (double v : e.badValues()) {
            assertTrue(v != 0.7, "a failed trial was used");
        }

        // With fewer complete trials than gamma, pruned ones fill the good set: later step
        // first, then better value.
        MutableTrialHistory p = new MutableTrialHistory(Direction.MINIMIZE);
        p.put(complete(0, x(0.5), 1.0));
        p.put(Trial.running(1, x(0.1), Map.of(), Instant.EPOCH).withReport(1, -5.0).withState(TrialState.PRUNED, Instant.EPOCH));
        p.put(Trial.running(2, x(0.2), Map.of(), Instant.EPOCH).withReport(1, 0.5).withReport(3, 9.0).withState(TrialState.PRUNED, Instant.EPOCH));
        p.put(Trial.running(3, x(0.3), Map.of(), Instant.EPOCH).withReport(3, 8.0).withState(TrialState.PRUNED, Instant.EPOCH));
        p.put(Trial.running(4, x(0.4), Map.of(), Instant.EPOCH).withState(TrialState.PRUNED, Instant.EPOCH));
        TpeSettings three = TpeSettings.defaults().withGamma(k -> 3);
        TpeExplanation q = new TpeSampler(three).explain(p, LINE, "x");
        // Ranking: complete (0.5), then step 3 value 8 (0.3), step 3 value 9 (0.2), step 1 (0.1),
        // no report (0.4). Good values are listed in trial order (trials 0, 2, 3).
        assertValues(List.of(0.5, 0.2, 0.3), boxed(q.goodValues()), 0);
        assertValues(List.of(0.1, 0.4), boxed(q.badValues()), 0);
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static void assertValues(List<Double> expected, List<Double> actual, double tol) {
        assertEquals(expected.size(), actual.size(), "sizes of " + actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), tol, "element " + i + " of " + actual);
        }
    }

    // --- constant liar -----------------------------------------------------------------------

    /**
     * A history of 40 finished trials on the line with the best region at 0.3, plus a running
     * trial exactly at 0.3. The liar must push proposals away from the running point; without
     * the liar the running trial must be ignored altogether.
     */
    @Test
    void constantLiarAvoidsTheRunningTrialsRegion() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int i = 0; i < 40; i++) {
            double v = (i + 0.5) / 40;
            h.put(complete(i, x(v), (v - 0.3) * (v - 0.3)));
        }
        MutableTrialHistory withRunning = copy(h);
        withRunning.put(Trial.running(40, x(0.3), Map.of(), Instant.EPOCH));

        TpeSampler plain = new TpeSampler();
        TpeSampler liar = new TpeSampler(TpeSettings.defaults().withConstantLiar(true));
        int seeds = 400;
        double plainDistance = 0;
        double liarDistance = 0;
        int plainNear = 0;
        int liarNear = 0;
        for (int s = 0; s < seeds; s++) {
            double p = plain.propose(withRunning, LINE, new SplittableRandom(s)).config().getDouble("x");
            double l = liar.propose(withRunning, LINE, new SplittableRandom(s)).config().getDouble("x");
            // Without the liar a running trial changes nothing.
            assertEquals(p, plain.propose(h, LINE, new SplittableRandom(s)).config().getDouble("x"));
            plainDistance += Math.abs(p - 0.3);
            liarDistance += Math.abs(l - 0.3);
            plainNear += Math.abs(p - 0.3) < 0.01 ? 1 : 0;
            liarNear += Math.abs(l - 0.3) < 0.01 ? 1 : 0;
        }
        System.out.printf("constant liar: mean |x - 0.3| %.4f (liar) vs %.4f (plain); within 0.01: %d vs %d of %d%n",
                liarDistance / seeds, plainDistance / seeds, liarNear, plainNear, seeds);
        assertTrue(liarDistance > plainDistance * 1.2, "liar " + liarDistance / seeds + " vs plain " + plainDistance / seeds);
        assertTrue(liarNear < plainNear, "within 0.01 of the running trial: liar " + liarNear + ", plain " + plainNear);
    }

    private static MutableTrialHistory copy(TrialHistory h) {
        MutableTrialHistory c = new MutableTrialHistory(h.direction());
        h.trials().forEach(c::put);
        return c;
    }

    @Test
    void runningTrialsDoNotEndTheStartupPhase() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int i = 0; i < 9; i++) {
            h.put(complete(i, x(i / 10.0), i));
        }
        for (int i = 9; i < 15; i++) {
            h.put(Trial.running(i, x(0.5), Map.of(), Instant.EPOCH));
        }
        TpeSampler liar = new TpeSampler(TpeSettings.defaults().withConstantLiar(true));
        assertEquals("startup", liar.propose(h, LINE, new SplittableRandom(1)).attrs().get(TrialFact.TPE_MODE.key()));
        h.put(complete(15, x(0.95), 3));
        assertEquals("model", liar.propose(h, LINE, new SplittableRandom(1)).attrs().get(TrialFact.TPE_MODE.key()));
    }

    @Test
    void startupProposalsAreUniformDecodes() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int t = 0; t < 10; t++) {
            SplittableRandom a = rng(11, t);
            SplittableRandom b = rng(11, t);
            Proposal p = new TpeSampler().propose(h, KINDS, a);
            double[] u = new double[KINDS.size()];
            for (int i = 0; i < u.length; i++) {
                u[i] = b.nextDouble();
            }
            assertEquals(KINDS.decode(u), p.config());
            assertEquals(Map.of(TrialFact.TPE_MODE.key(), "startup"), p.attrs());
            h.put(complete(t, p.config(), kindsObjective(p.config())));
        }
        assertEquals("model", new TpeSampler().propose(h, KINDS, rng(11, 10)).attrs().get(TrialFact.TPE_MODE.key()));
    }

    // --- explain -----------------------------------------------------------------------------

    @Test
    void explainedDensitiesIntegrateToOneAndFavourTheGoodRegion() {
        Branin b = new Branin();
        TpeSampler sampler = new TpeSampler();
        MutableTrialHistory h = TpeTestSupport.run(sampler, b.space(), Direction.MINIMIZE,
                c -> TpeTestSupport.evaluate(b, c), 2, 60);
        for (String name : List.of("x1", "x2")) {
            TpeExplanation e = sampler.explain(h, b.space(), name);
            assertEquals(name, e.paramName());
            assertTrue(!e.startupPhase());
            assertEquals(TpeSettings.defaultGamma(60), e.goodValues().length);
            assertEquals(60 - TpeSettings.defaultGamma(60), e.badValues().length);
            double low = name.equals("x1") ? -5 : 0;
            double high = name.equals("x1") ? 10 : 15;
            int n = 30_001;
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = low + (high - low) * i / (n - 1);
            }
            assertEquals(1.0, trapezoid(xs, e.good(xs)), 1e-4, name + " good");
            assertEquals(1.0, trapezoid(xs, e.bad(xs)), 1e-4, name + " bad");
            // Outside the range there is no density.
            assertEquals(0.0, e.good(new double[] {high + 1})[0]);

            // l beats g at the best trial's value, and on average over the good observations,
            // while g wins on average over the bad ones.
            double bestX = h.best().orElseThrow().config().getDouble(name);
            double[] atBest = e.logRatio(new double[] {bestX});
            assertTrue(atBest[0] > 0, name + ": log l - log g at the best trial = " + atBest[0]);
            assertTrue(mean(e.logRatio(e.goodValues())) > 0);
            assertTrue(mean(e.logRatio(e.badValues())) < 0);
            double[] lg = e.logGood(new double[] {bestX});
            double[] lb = e.logBad(new double[] {bestX});
            assertEquals(atBest[0], lg[0] - lb[0], 1e-12);
        }
    }

    @Test
    void explainCoversLogDiscreteAndCategoricalParameters() {
        TpeSampler sampler = new TpeSampler();
        MutableTrialHistory h = TpeTestSupport.run(sampler, KINDS, Direction.MINIMIZE,
                TpeSamplerTest::kindsObjective, 5, 50);

        // Log-scale float: a density per unit of x, integrating to 1 over [1e-5, 1].
        TpeExplanation lr = sampler.explain(h, KINDS, "lr");
        int n = 40_001;
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Math.pow(10, -5 + 5.0 * i / (n - 1));
        }
        assertEquals(1.0, trapezoid(xs, lr.good(xs)), 1e-3);
        assertEquals(1.0, trapezoid(xs, lr.bad(xs)), 1e-3);

        // Grid parameters: probabilities of the allowed values sum to 1.
        assertSumsToOne(sampler.explain(h, KINDS, "depth"), grid(1, 6, 1));
        assertSumsToOne(sampler.explain(h, KINDS, "frac"), new double[] {0, 0.3, 0.6, 0.9});
        assertSumsToOne(sampler.explain(h, KINDS, "units"), grid(1, 1000, 1));
        assertSumsToOne(sampler.explain(h, KINDS, "batch"), grid(16, 256, 16));
        TpeExplanation opt = sampler.explain(h, KINDS, "opt");
        assertSumsToOne(opt, new double[] {0, 1, 2});
        assertEquals("adam", opt.choice(1));
        // The objective prefers adam: it is the good set's favourite.
        double[] l = opt.good(new double[] {0, 1, 2});
        assertTrue(l[1] > l[0] && l[1] > l[2]);
        assertThrows(IllegalArgumentException.class, () -> sampler.explain(h, KINDS, "nope"));
    }

    @Test
    void explainOnAnEmptyHistoryShowsThePrior() {
        TpeExplanation e = new TpeSampler().explain(new MutableTrialHistory(Direction.MINIMIZE), LINE, "x");
        assertTrue(e.startupPhase());
        assertEquals(0, e.goodValues().length);
        double[] mid = e.good(new double[] {0.5});
        double[] bad = e.bad(new double[] {0.5});
        assertEquals(mid[0], bad[0]);
        assertNotEquals(0.0, mid[0]);
    }

    private static void assertSumsToOne(TpeExplanation e, double[] values) {
        double sl = 0;
        double sg = 0;
        for (double v : e.good(values)) {
            sl += v;
        }
        for (double v : e.bad(values)) {
            sg += v;
        }
        assertEquals(1.0, sl, 1e-9, e.paramName() + " good");
        assertEquals(1.0, sg, 1e-9, e.paramName() + " bad");
    }

    private static double[] grid(long low, long high, long step) {
        int m = (int) ((high - low) / step) + 1;
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = low + i * step;
        }
        return v;
    }

    private static double trapezoid(double[] xs, double[] ys) {
        double s = 0;
        for (int i = 1; i < xs.length; i++) {
            s += 0.5 * (ys[i] + ys[i - 1]) * (xs[i] - xs[i - 1]);
        }
        return s;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

}
