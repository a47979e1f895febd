package dev.rungs.bench;

import dev.rungs.bench.MultiFidelityRuns.Method;
import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.CountingOnes;
import dev.rungs.objective.bench.MultiFidelityHartmann;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./bench mf [SEEDS]}: the multi-fidelity methods compared.
 *
 * <p>Part 1, resource to a target: for random search, Hyperband, ASHA (4 workers) and BOHB
 * (η = 3 throughout) on multi-fidelity Hartmann-6 (R = 81, r = 1; target regrets 1.0 and 0.5)
 * and counting ones with 8 + 8 parameters (budgets 9 … 729; target regrets 3.5 and 2.0, of 16),
 * the median over seeds of the resource consumed when
 * the incumbent (best configuration evaluated at R) first reaches the target, within a limit of
 * {@value #CYCLES} Hyperband cycles' worth of resource. Runs that never reach it count as above
 * the limit.
 *
 * <p>Part 2, utilisation: ASHA, synchronous Successive Halving and Hyperband with 4 workers on
 * multi-fidelity Hartmann-6, with an objective that sleeps {@value #MS_PER_UNIT} ms per unit of
 * budget times a factor drawn uniformly from [0.5, 1.5] (stragglers). Utilisation is the time
 * workers spent in the objective divided by 4 × the wall time.
 */
final class MultiFidelityBench {
    static final double[] HARTMANN_TARGETS = {1.0, 0.5};
    static final double[] COUNTING_TARGETS = {3.5, 2.0};
    static final int CYCLES = 8;
    static final int MS_PER_UNIT = 2;

    private MultiFidelityBench() {
    }

    static void run(int seeds) {
        System.out.printf(Locale.ROOT, "mf: median resource to reach the target regret, %d seeds, limit %d Hyperband "
                + "cycles, eta 3%n", seeds, CYCLES);
        toTarget(new MultiFidelityHartmann(), 1, HARTMANN_TARGETS, seeds);
        toTarget(new CountingOnes(), CountingOnes.MIN_BUDGET, COUNTING_TARGETS, seeds);
        utilisation();
    }

    static void toTarget(BenchmarkProblem problem, long minResource, double[] targets, int seeds) {
        long limit = CYCLES * MultiFidelityRuns.cycleResource(minResource, problem.maxResource(), 3);
        System.out.printf(Locale.ROOT, "%n%s, limit %d (= %d evaluations at R)%n", problem.name(), limit,
                limit / problem.maxResource());
        System.out.printf(Locale.ROOT, "%-12s %8s", "method", "workers");
        for (double t : targets) {
            System.out.printf(Locale.ROOT, " %22s", String.format(Locale.ROOT, "to regret %.2f (reached)", t));
        }
        System.out.printf(Locale.ROOT, " %14s%n", "final regret");
        for (Method m : Method.values()) {
            int workers = m == Method.ASHA ? 4 : 1;
            long[][] toTarget = new long[targets.length][seeds];
            double[] finals = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                MultiFidelityRuns.Outcome o = MultiFidelityRuns.run(m, problem, minResource, 3, limit, 500 + s,
                        workers, targets, problem);
                for (int i = 0; i < targets.length; i++) {
                    toTarget[i][s] = o.resourceToTarget()[i] < 0 ? Long.MAX_VALUE : o.resourceToTarget()[i];
                }
                finals[s] = o.finalRegret();
            }
            System.out.printf(Locale.ROOT, "%-12s %8d", m.name().toLowerCase(Locale.ROOT), workers);
            for (long[] row : toTarget) {
                Arrays.sort(row);
                long reached = Arrays.stream(row).filter(v -> v != Long.MAX_VALUE).count();
                long lo = row[(seeds - 1) / 2];
                long hi = row[seeds / 2];
                String med = hi == Long.MAX_VALUE ? "> " + limit : Long.toString((lo + hi) / 2);
                System.out.printf(Locale.ROOT, " %22s", med + " (" + reached + "/" + seeds + ")");
            }
            Arrays.sort(finals);
            System.out.printf(Locale.ROOT, " %14.4f%n", (finals[(seeds - 1) / 2] + finals[seeds / 2]) / 2);
        }
    }

    static void utilisation() {
        MultiFidelityHartmann problem = new MultiFidelityHartmann();
        long resource = 2 * MultiFidelityRuns.cycleResource(1, 81, 3);
        int workers = 4;
        System.out.printf(Locale.ROOT, "%nutilisation: mf-hartmann6, %d workers, %d ms per budget unit x U(0.5, 1.5), "
                + "resource %d%n", workers, MS_PER_UNIT, resource);
        System.out.printf(Locale.ROOT, "%-20s %10s %10s %12s %10s%n", "scheduler", "wall s", "busy s", "utilisation",
                "trials");
        Scheduler[] schedulers = {new AshaScheduler(1, 81, 3, 0, false), new SuccessiveHalvingScheduler(1, 81, 3),
            new HyperbandScheduler(1, 81, 3)};
        String[] names = {"asha", "successive_halving", "hyperband"};
        for (int i = 0; i < schedulers.length; i++) {
            AtomicLong busyNanos = new AtomicLong();
            Objective sleepy = (config, ctx) -> {
                long t0 = System.nanoTime();
                double factor = 0.5 + ctx.random().nextDouble();
                Thread.sleep(Math.round(ctx.budget() * MS_PER_UNIT * factor));
                double v = problem.evaluate(config, ctx);
                busyNanos.addAndGet(System.nanoTime() - t0);
                return v;
            };
            try (Tuner t = Tuner.builder(problem.space()).sampler(new RandomSampler()).scheduler(schedulers[i])
                    .maxResource(81).workers(workers).seed(3).build()) {
                long t0 = System.nanoTime();
                StudyResult r = t.optimize(sleepy, Budget.resource(resource));
                double wall = (System.nanoTime() - t0) / 1e9;
                double busy = busyNanos.get() / 1e9;
                System.out.printf(Locale.ROOT, "%-20s %10.2f %10.2f %11.1f%% %10d%n", names[i], wall, busy,
                        100 * busy / (workers * wall), r.trials().size());
            }
        }
    }
}
