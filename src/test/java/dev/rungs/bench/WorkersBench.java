package dev.rungs.bench;

import dev.rungs.engine.Budget;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.objective.Objective;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.space.SearchSpace;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Whether workers wait for the engine. Each step of a trial sleeps {@value #MS_PER_STEP} ms and
 * reports; a paused trial saves its step as a checkpoint and resumes from it. Utilisation is
 * the time workers spent in the objective's own work (not in calls to the engine) divided by
 * workers × the wall time of the run, so it counts every wait: for the engine's answer, for a
 * new trial, at a synchronous rung, and in the tail when the budget is reached. "In calls" is
 * the share spent inside the objective's calls to the engine (reports, checkpoints); "no work"
 * the rest: between trials, told to wait by a synchronous scheduler, and the tail.
 *
 * <p>Part 2: ASHA's wall time for the same resource budget with 1 and with
 * {@value #WORKERS} workers.
 */
final class WorkersBench {
    static final int WORKERS = 16;
    static final int MS_PER_STEP = 2;
    static final long MIN_RESOURCE = 1;
    static final long MAX_RESOURCE = 27;
    static final int ETA = 3;

    private WorkersBench() {
    }

    /** What one run measured. */
    record Measure(double wallSeconds, double workSeconds, double engineSeconds, int trials, long resource) {
        double utilisation(int workers) {
            return workSeconds / (workers * wallSeconds);
        }

        /** Share of worker time spent waiting inside a call to the engine (a report, a checkpoint). */
        double blocked(int workers) {
            return engineSeconds / (workers * wallSeconds);
        }
    }

    static void run(long resource) {
        System.out.printf(Locale.ROOT, "workers: %d workers, %d ms sleep per step, report every step, r=%d R=%d eta=%d,"
                + " resource budget %d steps, %d cores%n", WORKERS, MS_PER_STEP, MIN_RESOURCE, MAX_RESOURCE, ETA,
                resource, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %10s %8s %12s %10s %10s%n", "method", "wall s", "work s",
                "engine s", "trials", "utilisation", "in calls", "no work");
        measure(Scheduler::none, 2_000, WORKERS); // warms the JIT; not reported
        report("random", measure(Scheduler::none, resource, WORKERS));
        report("successive_halving", measure(() -> new SuccessiveHalvingScheduler(MIN_RESOURCE, MAX_RESOURCE, ETA),
                resource, WORKERS));
        report("hyperband", measure(() -> new HyperbandScheduler(MIN_RESOURCE, MAX_RESOURCE, ETA), resource, WORKERS));
        Measure asha16 = measure(WorkersBench::asha, resource, WORKERS);
        report("asha", asha16);

        long small = resource / 3;
        System.out.printf(Locale.ROOT, "%nASHA, resource budget %d steps: 1 worker against %d%n", small, WORKERS);
        Measure one = measure(WorkersBench::asha, small, 1);
        Measure many = measure(WorkersBench::asha, small, WORKERS);
        System.out.printf(Locale.ROOT, "%-10s %8s %8s %12s%n", "workers", "wall s", "trials", "utilisation");
        System.out.printf(Locale.ROOT, "%-10d %8.2f %8d %11.1f%%%n", 1, one.wallSeconds(), one.trials(),
                100 * one.utilisation(1));
        System.out.printf(Locale.ROOT, "%-10d %8.2f %8d %11.1f%%%n", WORKERS, many.wallSeconds(), many.trials(),
                100 * many.utilisation(WORKERS));
        System.out.printf(Locale.ROOT, "speed-up %.1fx (target >= 12x)%n", one.wallSeconds() / many.wallSeconds());
    }

    private static void report(String name, Measure m) {
        double idle = 1 - m.utilisation(WORKERS) - m.blocked(WORKERS);
        System.out.printf(Locale.ROOT, "%-20s %8.2f %8.2f %10.2f %8d %11.1f%% %9.1f%% %9.1f%%%n", name, m.wallSeconds(),
                m.workSeconds(), m.engineSeconds(), m.trials(), 100 * m.utilisation(WORKERS), 100 * m.blocked(WORKERS),
                100 * idle);
    }

    private static Scheduler asha() {
        return new AshaScheduler(MIN_RESOURCE, MAX_RESOURCE, ETA, 0, false);
    }

    static Measure measure(Supplier<Scheduler> scheduler, long resource, int workers) {
        LongAdder work = new LongAdder();
        LongAdder engine = new LongAdder();
        Objective sleepy = sleepingSteps(work, engine);
        SearchSpace space = SearchSpace.builder().floatParam("x", -5, 5).floatParam("y", -5, 5).build();
        try (Tuner t = Tuner.builder(space).sampler(new RandomSampler()).scheduler(scheduler.get())
                .maxResource(MAX_RESOURCE).workers(workers).seed(11).build()) {
            long t0 = System.nanoTime();
            StudyResult r = t.optimize(sleepy, Budget.resource(resource));
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Measure(wall, work.sum() / 1e9, engine.sum() / 1e9, r.trials().size(), r.resourceUsed());
        }
    }

    /** Sleeps per step and reports every step; the work is timed apart from the calls to the engine. */
    static Objective sleepingSteps(LongAdder workNanos, LongAdder engineNanos) {
        return (config, ctx) -> {
            long t0 = System.nanoTime();
            long step = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
            long t1 = System.nanoTime();
            engineNanos.add(t1 - t0);
            double x = config.getDouble("x");
            double y = config.getDouble("y");
            double value = Double.NaN;
            while (step < ctx.budget()) {
                long w0 = System.nanoTime();
                Thread.sleep(MS_PER_STEP);
                step++;
                value = x * x + y * y + 10.0 / step;
                long w1 = System.nanoTime();
                Decision d = ctx.report(step, value);
                long w2 = System.nanoTime();
                workNanos.add(w1 - w0);
                engineNanos.add(w2 - w1);
                if (!d.shouldContinue()) {
                    ctx.saveCheckpoint(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
                    engineNanos.add(System.nanoTime() - w2);
                    break;
                }
            }
            return value;
        };
    }
}
