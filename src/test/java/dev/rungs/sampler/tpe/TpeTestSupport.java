package dev.rungs.sampler.tpe;

import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Ask/tell loops and small statistics shared by the TPE tests. */
final class TpeTestSupport {
    private TpeTestSupport() {
    }

    /** The generator for one proposal: derived from the run's seed and the trial number. */
    static SplittableRandom rng(long seed, int trial) {
        return new SplittableRandom(seed * 1_000_003L + trial);
    }

    /** A finished trial with a value. */
    static Trial complete(int number, Config config, double value) {
        return Trial.running(number, config, java.util.Map.of(), Instant.EPOCH)
                .withValue(value).withState(TrialState.COMPLETE, Instant.EPOCH);
    }

    /** Runs {@code trials} ask/tell steps of a sampler and returns the history. */
    static MutableTrialHistory run(Sampler sampler, SearchSpace space, Direction direction,
            ToDoubleFunction<Config> objective, long seed, int trials) {
        MutableTrialHistory h = new MutableTrialHistory(direction);
        for (int t = 0; t < trials; t++) {
            Proposal p = sampler.propose(h, space, rng(seed, t));
            Trial trial = Trial.running(t, p.config(), p.attrs(), Instant.EPOCH);
            h.put(trial.withValue(objective.applyAsDouble(p.config())).withState(TrialState.COMPLETE, Instant.EPOCH));
        }
        return h;
    }

    /** Uniform random search: one unit draw per parameter, decoded by the space. */
    static final Sampler RANDOM = (history, space, rng) -> {
        double[] u = new double[space.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return Proposal.of(space.decode(u));
    };

    /** Best (smallest) value reached by the sampler on a minimised benchmark. */
    static double best(Sampler sampler, BenchmarkProblem problem, long seed, int trials) {
        MutableTrialHistory h = run(sampler, problem.space(), Direction.MINIMIZE,
                c -> evaluate(problem, c), seed, trials);
        return h.best().orElseThrow().value().getAsDouble();
    }

    /** The benchmark's value (its objectives ignore the trial context). */
    static double evaluate(BenchmarkProblem problem, Config c) {
        try {
            return problem.evaluate(c, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
