package dev.rungs.bench;

import dev.rungs.engine.Tuner;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Rungs' benchmark harness. Speed is measured here, not in unit tests; run it with
 * {@code ./bench SUITE} (see the README). Suites:
 * <ul>
 *   <li>{@code engine}: whole-run time of ask + tell with a trivial objective, 10 float
 *       parameters, at 1,000 and 10,000 trials, for each sampler.</li>
 *   <li>{@code store}: trials per second the SQLite store takes from one thread when each
 *       trial is saved three times (start, one report, complete), as the engine does; then the
 *       same from 8 threads, and one long trial with many reports (which must not slow down as
 *       the trial grows). See {@link StoreBench}.</li>
 *   <li>{@code ui}: opening a stored study of 10,000 trials in the run view, and how responsive
 *       the UI thread stays while such a study runs live. See {@link UiBench}.</li>
 *   <li>{@code mf}: multi-fidelity methods on multi-fidelity Hartmann-6 and counting ones: the
 *       median resource to reach a target regret, and ASHA's worker utilisation against
 *       synchronous Successive Halving. See {@link MultiFidelityBench}.</li>
 *   <li>{@code overhead}: time spent inside scheduler calls per trial, for every scheduler, at
 *       1,000 and 10,000 trials through the Tuner with one worker and a trivial objective. See
 *       {@link OverheadBench}.</li>
 *   <li>{@code workers}: 16 workers on trials that sleep 2 ms per step and report every step:
 *       the share of time they spend in the objective for random search, Successive Halving,
 *       Hyperband and ASHA, and ASHA's wall time for a fixed resource budget with 1 and 16
 *       workers. See {@link WorkersBench}.</li>
 * </ul>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) {
        String suite = args.length > 0 ? args[0] : "engine";
        switch (suite) {
            case "engine" -> engine(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            case "e2e" -> endToEnd(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            case "store" -> StoreBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
            case "ui" -> {
                try {
                    UiBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            case "mf" -> MultiFidelityBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "overhead" -> OverheadBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 10_000);
            case "workers" -> WorkersBench.run(args.length > 1 ? Long.parseLong(args[1]) : 24_000);
            default -> {
                System.err.println("unknown suite " + suite + "; known: engine, e2e, store, ui, mf, overhead, workers");
                System.exit(2);
            }
        }
    }

    /** Whole optimize runs into a fresh SQLite file: random sampler, trivial objective, 1 and 4 workers. */
    static void endToEnd(int trials) {
        System.out.printf(Locale.ROOT, "e2e: optimize into SQLite, random sampler, trivial objective, %d trials%n", trials);
        System.out.printf(Locale.ROOT, "%-8s %10s %12s%n", "workers", "seconds", "trials/s");
        for (int workers : new int[] {1, 4}) {
            for (int round = 0; round < 2; round++) {
                try {
                    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("rungs-bench");
                    try (dev.rungs.store.StudyStore store =
                            dev.rungs.store.sqlite.SqliteStudyStore.open(dir.resolve("b.db"));
                            Tuner tuner = Tuner.builder(tenFloats()).sampler(new RandomSampler()).workers(workers)
                                    .seed(1).store(store).build()) {
                        long t0 = System.nanoTime();
                        tuner.optimize((c, ctx) -> sphere(c), dev.rungs.engine.Budget.trials(trials));
                        double s = (System.nanoTime() - t0) / 1e9;
                        if (round == 1) { // round 0 warms the JIT
                            System.out.printf(Locale.ROOT, "%-8d %10.3f %12.0f%n", workers, s, trials / s);
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    static SearchSpace tenFloats() {
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 0; i < 10; i++) {
            b.floatParam("x" + i, -5, 5);
        }
        return b.build();
    }

    static double sphere(Config c) {
        double s = 0;
        for (Object v : c.values().values()) {
            double x = ((Number) v).doubleValue();
            s += x * x;
        }
        return s;
    }

    /** Seconds for a fresh study of {@code trials} ask/tell rounds. */
    static double askTell(Supplier<Sampler> sampler, SearchSpace space, int trials, long seed) {
        long t0 = System.nanoTime();
        try (Tuner tuner = Tuner.builder(space).sampler(sampler.get()).seed(seed).build()) {
            for (int i = 0; i < trials; i++) {
                Trial t = tuner.ask();
                tuner.tell(t.number(), sphere(t.config()));
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static void engine(int largest) {
        Map<String, Supplier<Sampler>> samplers = new LinkedHashMap<>();
        samplers.put("random", RandomSampler::new);
        samplers.put("tpe", dev.rungs.sampler.tpe.TpeSampler::new);
        SearchSpace space = tenFloats();
        System.out.printf(Locale.ROOT, "engine: ask+tell, trivial objective, 10 float parameters, %d cores, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"));
        List<Integer> sizes = new ArrayList<>(List.of(1_000));
        if (largest > 1_000) {
            sizes.add(largest);
        }
        System.out.printf(Locale.ROOT, "%-10s %8s %12s %14s%n", "sampler", "trials", "seconds", "ms per trial");
        for (Map.Entry<String, Supplier<Sampler>> e : samplers.entrySet()) {
            askTell(e.getValue(), space, 300, 1); // warm the JIT; not reported
            for (int n : sizes) {
                double s = askTell(e.getValue(), space, n, 42);
                System.out.printf(Locale.ROOT, "%-10s %8d %12.3f %14.4f%n", e.getKey(), n, s, 1000 * s / n);
            }
        }
    }
}
