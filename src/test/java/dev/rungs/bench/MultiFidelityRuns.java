package dev.rungs.bench;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.CountingOnes;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.Bracket;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.space.Config;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.util.HashMap;
import java.util.Map;

/**
 * One run of a multi-fidelity method on a benchmark problem through {@link Tuner#optimize}, with
 * the incumbent's regret traced against the resource consumed. Shared by the quality tests and
 * the {@code mf} bench suite.
 *
 * <p>The incumbent is the configuration with the best observed value among those evaluated at
 * the largest resource R (random search evaluates everything there); its regret is measured
 * on the noise-free function, so a lucky noisy draw does not count as progress.
 */
public final class MultiFidelityRuns {
    private MultiFidelityRuns() {
    }

    /** The methods compared. */
    public enum Method {
        /** Random search, every configuration at R. */
        RANDOM,
        /** Hyperband with random sampling. */
        HYPERBAND,
        /** ASHA (promotion form) with random sampling. */
        ASHA,
        /** BOHB: the KDE sampler with Hyperband. */
        BOHB
    }

    /**
     * What one run reached.
     *
     * @param finalRegret the incumbent's noise-free regret at the end (infinite when nothing reached R)
     * @param resourceToTarget per target given to {@link #run}, the resource consumed when the
     *     incumbent's regret first fell to it; -1 if never
     * @param resourceUsed resource consumed in total
     * @param trials trials started
     */
    public record Outcome(double finalRegret, long[] resourceToTarget, long resourceUsed, int trials) {
    }

    /** The resource of one whole Hyperband cycle (every bracket once) with r, R and η. */
    public static long cycleResource(long minResource, long maxResource, int eta) {
        long total = 0;
        for (Bracket b : Bracket.hyperband(minResource, maxResource, eta)) {
            for (Bracket.Rung r : b.rungs()) {
                total += r.configs() * r.resource();
            }
        }
        return total;
    }

    /** The noise-free value of a configuration evaluated at R. */
    static double trueValue(BenchmarkProblem problem, Config c, double observed) {
        if (problem instanceof CountingOnes co) {
            double sum = 0;
            for (int i = 1; i <= co.nCat(); i++) {
                sum += c.getInt("cat" + i);
            }
            for (int j = 1; j <= co.nCont(); j++) {
                sum += c.getDouble("cont" + j);
            }
            return -sum;
        }
        return observed; // multi-fidelity Hartmann is exact at R
    }

    /**
     * Runs {@code method} on {@code problem} until {@code resource} is consumed.
     *
     * @param minResource r of the multi-fidelity methods
     * @param eta their reduction factor
     * @param workers worker threads
     * @param targets regrets that count as reached for {@link Outcome#resourceToTarget}
     * @param objective the objective to run (the problem itself, or a slower wrapper)
     */
    public static Outcome run(Method method, BenchmarkProblem problem, long minResource, int eta, long resource,
            long seed, int workers, double[] targets, Objective objective) {
        long rMax = problem.maxResource();
        Sampler sampler = method == Method.BOHB ? new BohbSampler() : new RandomSampler();
        Scheduler scheduler = switch (method) {
            case RANDOM -> Scheduler.none();
            case HYPERBAND, BOHB -> new HyperbandScheduler(minResource, rMax, eta);
            case ASHA -> new AshaScheduler(minResource, rMax, eta, 0, false);
        };
        Map<Integer, Long> paid = new HashMap<>();
        long[] consumed = {0};
        double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}; // observed, regret
        long[] reachedAt = new long[targets.length];
        java.util.Arrays.fill(reachedAt, -1);
        try (Tuner t = Tuner.builder(problem.space()).sampler(sampler).scheduler(scheduler).maxResource(rMax)
                .workers(workers).seed(seed).build()) {
            t.subscribe(e -> {
                Trial tr = endedTrial(e);
                if (tr == null) {
                    return;
                }
                long used = Long.parseLong(tr.attrs().getOrDefault(TrialFact.RESOURCE_USED.key(), "0"));
                Long before = paid.put(tr.number(), used);
                consumed[0] += used - (before == null ? 0 : before);
                boolean atR = method == Method.RANDOM || Long.toString(rMax).equals(tr.attrs().get("budget"));
                if (tr.state() == TrialState.COMPLETE && atR && tr.value().getAsDouble() < best[0]) {
                    best[0] = tr.value().getAsDouble();
                    best[1] = problem.regret(trueValue(problem, tr.config(), best[0]));
                    for (int i = 0; i < targets.length; i++) {
                        if (reachedAt[i] < 0 && best[1] <= targets[i]) {
                            reachedAt[i] = consumed[0];
                        }
                    }
                }
            });
            StudyResult r = t.optimize(objective, Budget.resource(resource));
            return new Outcome(best[1], reachedAt, r.resourceUsed(), r.trials().size());
        }
    }

    private static Trial endedTrial(TrialEvent e) {
        if (e instanceof TrialEvent.Completed c) {
            return c.trial();
        }
        if (e instanceof TrialEvent.Pruned p) {
            return p.trial();
        }
        if (e instanceof TrialEvent.Paused p) {
            return p.trial();
        }
        if (e instanceof TrialEvent.Failed f) {
            return f.trial();
        }
        return null;
    }
}
