package dev.rungs.sampler.bohb;

import dev.rungs.sampler.DensityExplanation;
import dev.rungs.sampler.ExplainsDensities;
import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * The model of BOHB (Falkner et al., ICML 2018), following HpBandSter's {@code BOHB} config
 * generator: Hyperband (or another multi-fidelity scheduler) decides budgets and promotions, and
 * this sampler proposes the configurations it starts.
 *
 * <p>Observations are kept per budget: the budgets are the {@link TrialFact#BUDGET} the
 * scheduler records on its trials, and a trial's observation at budget b is its
 * first report at or after b (a failure while running at b, or a non-finite value, counts as the
 * worst). A budget gets a model once it has at least {@code min_points_in_model} observations
 * (never fewer than d + 1) and both of its sets hold more than d points: the good set is the best
 * {@code max(min_points, 15 % of N)}, the bad set the next {@code max(min_points, 85 % of N)}.
 * Each set gets a {@link Kde}. Proposals use the model of the largest budget that has one.
 *
 * <p>With probability {@code random_fraction} (and always while no budget has a model) the
 * proposal is uniform. Otherwise {@code num_samples} candidates are drawn around the good
 * points with widened bandwidths and the one with the smallest {@code bad(x) / good(x)} is
 * proposed. Inactive conditional parameters are imputed as HpBandSter does: from a random
 * point of the same set that has them active, else uniformly.
 *
 * <p>Everything is rebuilt from the history on every call, so a resumed study proposes as it
 * would have without the interruption. Each proposal records {@link TrialFact#PROPOSED_BY}
 * (model or random), and for a model pick {@link TrialFact#MODEL_BUDGET}.
 */
public final class BohbSampler implements Sampler, ExplainsDensities {
    private final BohbSettings settings;

    /** A sampler with HpBandSter's defaults. */
    public BohbSampler() {
        this(BohbSettings.defaults());
    }

    /** A sampler with the given settings. */
    public BohbSampler(BohbSettings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public BohbSettings settings() {
        return settings;
    }

    /** A fitted model: the budget it belongs to and its two densities. */
    record Model(long budget, Kde good, Kde bad) {
    }

    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        int[] levels = levels(space);
        Model model = model(history, space, levels, rng);
        // As in HpBandSter, the coin is only thrown when there is a model to skip.
        if (model == null || rng.nextDouble() < settings.randomFraction()) {
            return new Proposal(space.decode(uniform(space.size(), rng)), Map.ofEntries(TrialFact.PROPOSED_BY.entry(TrialFact.Proposer.RANDOM)));
        }
        double best = Double.POSITIVE_INFINITY;
        double[] bestVector = null;
        for (int i = 0; i < settings.numSamples(); i++) {
            double[] x = model.good().sample(rng, settings.bandwidthFactor(), settings.minBandwidth());
            double l = model.good().pdf(x);
            double g = model.bad().pdf(x);
            double ratio = Math.max(1e-32, g) / Math.max(1e-32, l);
            if (ratio < best) {
                best = ratio;
                bestVector = x;
            }
        }
        if (bestVector == null) {
            return new Proposal(space.decode(uniform(space.size(), rng)), Map.ofEntries(TrialFact.PROPOSED_BY.entry(TrialFact.Proposer.RANDOM)));
        }
        return new Proposal(space.decode(toUnit(bestVector, levels)),
                Map.ofEntries(TrialFact.PROPOSED_BY.entry(TrialFact.Proposer.MODEL),
                        TrialFact.MODEL_BUDGET.entry(model.budget())));
    }

    /**
     * The good and bad densities of one parameter in the model this sampler would propose from
     * for {@code history}, for display; empty while no budget has enough observations for a
     * model. The model's inactive values are imputed with a fixed seed, so the same history
     * always gives the same picture.
     *
     * @throws IllegalArgumentException when the space has no such parameter
     */
    public Optional<BohbExplanation> explain(TrialHistory history, SearchSpace space, String paramName) {
        int j = space.indexOf(paramName);
        if (j < 0) {
            throw new IllegalArgumentException("no parameter named '" + paramName + "'");
        }
        Model m = model(history, space, levels(space), new SplittableRandom(0));
        return m == null ? Optional.empty() : Optional.of(new BohbExplanation(m.budget(), space.params().get(j), j,
                m.good(), m.bad()));
    }

    @Override
    public String modelName() {
        return "BOHB";
    }

    @Override
    public boolean modelsPerBudget() {
        return true;
    }

    /** {@link #explain} in the form every density-explaining sampler shares. */
    @Override
    public Optional<DensityExplanation> explainDensities(TrialHistory history, SearchSpace space, String paramName) {
        return explain(history, space, paramName).map(BohbExplanation::common);
    }

    @Override
    public String describeProposal(Trial trial, DensityExplanation model) {
        TrialFact.Proposer by = TrialFact.PROPOSED_BY.in(trial).orElse(null);
        if (by == TrialFact.Proposer.MODEL) {
            return String.format(Locale.ROOT, "Trial %d was proposed by BOHB's model of budget %s: it drew %d "
                    + "candidates around the good points and kept the one with the smallest g(x)/l(x).",
                    trial.number(), TrialFact.MODEL_BUDGET.in(trial).map(String::valueOf).orElse("?"), settings.numSamples());
        }
        if (by == TrialFact.Proposer.RANDOM) {
            return String.format(Locale.ROOT, "Trial %d was drawn at random: BOHB does so for %.0f %% of its "
                    + "proposals, and always while no budget has enough results for a model.", trial.number(),
                    100 * settings.randomFraction());
        }
        return String.format(Locale.ROOT, "Trial %d was not proposed by BOHB (it was queued by hand).",
                trial.number());
    }

    /** The model of the largest budget that can have one, or null; package-private for tests. */
    Model model(TrialHistory history, SearchSpace space, int[] levels, RandomGenerator rng) {
        int d = space.size();
        int minPoints = Math.max(settings.minPointsInModel(), d + 1);
        SortedMap<Long, List<double[]>> byBudget = observations(history, space, levels);
        for (Long budget : ((TreeMap<Long, List<double[]>>) byBudget).descendingKeySet()) {
            List<double[]> obs = byBudget.get(budget);
            int n = obs.size();
            if (n < minPoints) {
                continue;
            }
            int nGood = Math.max(minPoints, settings.topNPercent() * n / 100);
            int nBad = Math.max(minPoints, (100 - settings.topNPercent()) * n / 100);
            // Stable sort by loss (the last element of each row); ties keep trial order.
            obs.sort(Comparator.comparingDouble(r -> r[d]));
            int goodEnd = Math.min(nGood, n);
            int badEnd = Math.min(nGood + nBad, n);
            if (goodEnd <= d || badEnd - goodEnd <= d) {
                continue; // HpBandSter skips a fit with no more points than dimensions
            }
            double[][] good = impute(obs.subList(0, goodEnd), d, levels, rng);
            double[][] bad = impute(obs.subList(goodEnd, badEnd), d, levels, rng);
            return new Model(budget, new Kde(good, levels, settings.minBandwidth()),
                    new Kde(bad, levels, settings.minBandwidth()));
        }
        return null;
    }

    /**
     * Per budget, one row per observation: the model coordinates (NaN where inactive) and then
     * the loss.
     */
    static SortedMap<Long, List<double[]>> observations(TrialHistory history, SearchSpace space, int[] levels) {
        TreeSet<Long> budgets = new TreeSet<>();
        for (Trial t : history.trials()) {
            TrialFact.BUDGET.in(t).ifPresent(budgets::add);
        }
        Direction direction = history.direction();
        SortedMap<Long, List<double[]>> out = new TreeMap<>();
        int d = space.size();
        for (long budget : budgets) {
            out.put(budget, new ArrayList<>());
        }
        for (Trial t : history.trials()) {
            double[] coords = null; // computed once per trial, only if it is observed somewhere
            for (long budget : budgets) {
                double loss;
                java.util.OptionalDouble reached = t.reportAtOrAfter(budget);
                if (reached.isPresent()) {
                    double v = direction.toLoss(reached.getAsDouble());
                    loss = Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
                } else if (t.state() == TrialState.FAIL && TrialFact.BUDGET.in(t).orElse(-1L) == budget) {
                    loss = Double.POSITIVE_INFINITY;
                } else {
                    continue;
                }
                if (coords == null) {
                    coords = coordinates(space, t, levels);
                }
                double[] row = Arrays.copyOf(coords, d + 1);
                row[d] = loss;
                out.get(budget).add(row);
            }
        }
        return out;
    }

    /** Model coordinates: unit-cube value, or the category index; NaN where inactive. */
    private static double[] coordinates(SearchSpace space, Trial t, int[] levels) {
        double[] u = space.encode(t.config());
        for (int j = 0; j < u.length; j++) {
            if (levels[j] > 0 && !Double.isNaN(u[j])) {
                u[j] = Math.min(levels[j] - 1, Math.floor(u[j] * levels[j]));
            }
        }
        return u;
    }

    /** HpBandSter's imputation of inactive coordinates, on copies of the rows without the loss. */
    private static double[][] impute(List<double[]> rows, int d, int[] levels, RandomGenerator rng) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(rows.get(i), d);
        }
        for (int i = 0; i < out.length; i++) {
            double[] datum = out[i];
            for (int j = 0; j < d; j++) {
                if (!Double.isNaN(datum[j])) {
                    continue;
                }
                List<Integer> valid = new ArrayList<>();
                for (int k = 0; k < rows.size(); k++) {
                    if (!Double.isNaN(rows.get(k)[j])) {
                        valid.add(k);
                    }
                }
                if (valid.isEmpty()) {
                    datum[j] = levels[j] > 0 ? rng.nextInt(levels[j]) : rng.nextDouble();
                } else {
                    // Copy every still-missing coordinate from one donor row, as HpBandSter does.
                    double[] donor = rows.get(valid.get(rng.nextInt(valid.size())));
                    for (int m = j; m < d; m++) {
                        if (Double.isNaN(datum[m])) {
                            datum[m] = donor[m];
                        }
                    }
                }
            }
        }
        return out;
    }

    static int[] levels(SearchSpace space) {
        int[] levels = new int[space.size()];
        for (int j = 0; j < levels.length; j++) {
            Param p = space.params().get(j);
            levels[j] = p instanceof CategoricalParam c ? c.choices().size() : 0;
        }
        return levels;
    }

    private static double[] toUnit(double[] x, int[] levels) {
        double[] u = x.clone();
        for (int j = 0; j < u.length; j++) {
            if (levels[j] > 0) {
                u[j] = (u[j] + 0.5) / levels[j];
            }
        }
        return u;
    }

    private static double[] uniform(int d, RandomGenerator rng) {
        double[] u = new double[d];
        for (int i = 0; i < d; i++) {
            u[i] = rng.nextDouble();
        }
        return u;
    }

    @Override
    public String toString() {
        return "BohbSampler" + settings;
    }
}
