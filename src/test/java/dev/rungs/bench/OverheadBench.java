package dev.rungs.bench;

import dev.rungs.engine.Budget;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.scheduler.median.MedianStoppingScheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./bench overhead [TRIALS]}: time spent inside scheduler calls per trial, for every
 * scheduler, at 1,000 and {@code TRIALS} (default 10,000) trials.
 *
 * <p>Each study runs through the Tuner with one worker and a trivial objective, so the history
 * the scheduler sees is the engine's own; the scheduler is wrapped so that only the time in its
 * {@code onReport}, {@code nextWork} and {@code nextWorkWithoutNewTrials} is counted, as the
 * engine thread's CPU time (wall time would count the thread being descheduled on a busy
 * machine). The
 * multi-fidelity schedulers get a budget objective (one value per run, judged at the budget:
 * R = 81, r = 1); median stopping and no scheduler get an objective that reports 10 steps. The
 * figures are the mean over all trials, the mean over the last tenth of the trials (where the
 * history is largest: an overhead that grows with the study shows there) and the slowest call.
 */
final class OverheadBench {
    static final long R = 81;
    static final long STEPS = 10;
    /** Thread CPU time, not wall time: on a shared machine a descheduled thread is not the scheduler's cost. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private OverheadBench() {
    }

    /** Counts the nanoseconds spent in the wrapped scheduler's calls. */
    static final class Timed implements Scheduler {
        final Scheduler inner;
        final int trials;
        long nanos;
        long lateNanos;
        long slowest;
        long calls;

        Timed(Scheduler inner, int trials) {
            this.inner = inner;
            this.trials = trials;
        }

        private void count(long t0, TrialHistory h) {
            long d = CPU.getCurrentThreadCpuTime() - t0;
            nanos += d;
            calls++;
            slowest = Math.max(slowest, d);
            if (h.trials().size() > trials - trials / 10) {
                lateNanos += d;
            }
        }

        @Override
        public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
            long t0 = CPU.getCurrentThreadCpuTime();
            Decision d = inner.onReport(trial, step, value, history);
            count(t0, history);
            return d;
        }

        @Override
        public Work nextWork(TrialHistory history, long maxResource) {
            long t0 = CPU.getCurrentThreadCpuTime();
            Work w = inner.nextWork(history, maxResource);
            count(t0, history);
            return w;
        }

        @Override
        public Work nextWorkWithoutNewTrials(TrialHistory history, long maxResource) {
            long t0 = CPU.getCurrentThreadCpuTime();
            Work w = inner.nextWorkWithoutNewTrials(history, maxResource);
            count(t0, history);
            return w;
        }

        @Override
        public boolean judgesResults() {
            return inner.judgesResults();
        }
    }

    record Case(String name, Supplier<Sampler> sampler, Supplier<Scheduler> scheduler, boolean budgetObjective) {
    }

    static void run(int largest) {
        Map<String, Case> cases = new LinkedHashMap<>();
        add(cases, new Case("none", RandomSampler::new, Scheduler::none, false));
        add(cases, new Case("median", RandomSampler::new, MedianStoppingScheduler::new, false));
        add(cases, new Case("sh", RandomSampler::new, () -> new SuccessiveHalvingScheduler(1, R, 3), true));
        add(cases, new Case("hyperband", RandomSampler::new, () -> new HyperbandScheduler(1, R, 3), true));
        add(cases, new Case("asha", RandomSampler::new, () -> new AshaScheduler(1, R, 4, 0, false), true));
        add(cases, new Case("async-hb", RandomSampler::new, () -> new AshaScheduler(1, R, 4, 0, 3, false), true));
        add(cases, new Case("asha-pruner", RandomSampler::new, () -> new AshaScheduler(1, R, 4, 0, true), false));
        add(cases, new Case("bohb", BohbSampler::new, () -> new HyperbandScheduler(1, R, 3), true));
        System.out.printf(Locale.ROOT, "overhead: time in scheduler calls per trial, Tuner with 1 worker, trivial "
                + "objective, R = %d, %s %s%n", R, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-12s %8s %9s %14s %18s %14s%n", "scheduler", "trials", "calls",
                "us per trial", "us/trial last 10%", "slowest us");
        for (Case c : cases.values()) {
            measure(c, 1_000); // warm the JIT; not reported
            for (int n : largest > 1_000 ? new int[] {1_000, largest} : new int[] {1_000}) {
                Timed t = measure(c, n);
                System.out.printf(Locale.ROOT, "%-12s %8d %9d %14.2f %18.2f %14.0f%n", c.name(), n, t.calls,
                        t.nanos / 1e3 / n, t.lateNanos / 1e3 / (n / 10), t.slowest / 1e3);
            }
        }
    }

    private static void add(Map<String, Case> cases, Case c) {
        cases.put(c.name(), c);
    }

    static Timed measure(Case c, int trials) {
        SearchSpace space = Bench.tenFloats();
        Timed timed = new Timed(c.scheduler().get(), trials);
        Objective objective = c.budgetObjective() ? (config, ctx) -> Bench.sphere(config) / ctx.budget()
                : (config, ctx) -> {
                    double v = Bench.sphere(config);
                    for (long step = 1; step <= STEPS; step++) {
                        if (ctx.report(step, v / step) != Decision.CONTINUE) {
                            break;
                        }
                    }
                    return v / STEPS;
                };
        try (Tuner tuner = Tuner.builder(space).sampler(c.sampler().get()).scheduler(timed).maxResource(R)
                .workers(1).seed(7).build()) {
            tuner.optimize(objective, Budget.trials(trials));
        } catch (Exception e) {
            throw new IllegalStateException(c.name() + ": " + e, e);
        }
        return timed;
    }
}
