package dev.rungs.bench;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialChange;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Throughput of the SQLite study store alone, measured by hand ({@code ./bench store [trials]}),
 * never as a timed unit test. The engine's target is 2,000 trials/s with one worker, and it
 * saves each trial about three times (start, a report, the end), so the store alone must take
 * well above 6,000 saves/s from one thread.
 */
final class StoreBench {
    private StoreBench() {
    }

    static void run(int trials) {
        System.out.printf(Locale.ROOT, "store: SQLite, 10 float parameters, 3 saves per trial (start, report, complete),"
                + " %d cores, %s %s, temp dir %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.io.tmpdir"));
        for (SqliteStudyStore.Durability d : SqliteStudyStore.Durability.values()) {
            withStore(d, s -> oneThread(s, 10_000, "warm-up", false)); // the JIT, and the spin loops with it
            withStore(d, s -> oneThread(s, trials, "1 thread, " + d, true));
        }
        withStore(SqliteStudyStore.Durability.NORMAL, s -> threads(s, 8, trials));
        withStore(SqliteStudyStore.Durability.NORMAL, s -> longTrial(s, 20_000));
        try (InMemoryStudyStore m = new InMemoryStudyStore()) {
            longTrial(m, 20_000);
        }
    }

    private interface Body {
        void run(SqliteStudyStore s) throws Exception;
    }

    private static void withStore(SqliteStudyStore.Durability d, Body body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rungs-store-bench");
            try (SqliteStudyStore s = SqliteStudyStore.open(dir.resolve("bench.db"),
                    SqliteStudyStore.Options.defaults().withDurability(d))) {
                body.run(s);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // a temp dir left behind
                }
            }
        }
    }

    private static Config config(SearchSpace space, SplittableRandom rnd) {
        double[] u = new double[space.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextDouble();
        }
        return space.decode(u);
    }

    private static void oneThread(SqliteStudyStore s, int trials, String label, boolean print) {
        SearchSpace space = Bench.tenFloats();
        StudyRecord study = s.createStudy("bench", Direction.MINIMIZE, "{}", Map.of());
        SplittableRandom rnd = new SplittableRandom(1);
        long t0 = System.nanoTime();
        for (int n = 0; n < trials; n++) {
            saveOneTrial(s, study.id(), n, config(space, rnd));
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        if (print) {
            report(label, trials, sec, s.trials(study.id()).size());
        }
    }

    private static void saveOneTrial(SqliteStudyStore s, long studyId, int n, Config c) {
        Trial t = s.addTrial(studyId, Trial.running(n, c, Map.of(), Instant.now()));
        t = t.withReport(1, Bench.sphere(c));
        s.saveTrial(studyId, t, TrialChange.report(1));
        s.saveTrial(studyId, t.withValue(Bench.sphere(c)).withState(TrialState.COMPLETE, Instant.now()),
                TrialChange.row());
    }

    private static void threads(SqliteStudyStore s, int threads, int trials) throws InterruptedException {
        SearchSpace space = Bench.tenFloats();
        StudyRecord study = s.createStudy("bench", Direction.MINIMIZE, "{}", Map.of());
        AtomicInteger next = new AtomicInteger();
        List<Thread> ts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int seed = w;
            ts.add(new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                for (int n = next.getAndIncrement(); n < trials; n = next.getAndIncrement()) {
                    saveOneTrial(s, study.id(), n, config(space, rnd));
                }
            }));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        report(threads + " threads, NORMAL", trials, sec, s.trials(study.id()).size());
    }

    /**
     * One trial reporting many times. The SQL per report is one row whatever the trial's
     * length; the Java side is not constant, because {@link Trial#withReport} copies the
     * trial's map and the store compares the new map with the last saved one. The same loop
     * against the in-memory store shows the part that is the Trial's own.
     */
    private static void longTrial(StudyStore s, int reports) {
        SearchSpace space = Bench.tenFloats();
        StudyRecord study = s.createStudy("bench", Direction.MINIMIZE, "{}", Map.of());
        Trial t = s.addTrial(study.id(), Trial.running(0, config(space, new SplittableRandom(2)), Map.of(),
                Instant.now()));
        int quarter = reports / 4;
        StringBuilder line = new StringBuilder();
        long t0 = System.nanoTime();
        for (int q = 0; q < 4; q++) {
            long q0 = System.nanoTime();
            for (int i = 0; i < quarter; i++) {
                long step = (long) q * quarter + i + 1;
                t = t.withReport(step, 1.0 / step);
                s.saveTrial(study.id(), t, TrialChange.report(step));
            }
            line.append(String.format(Locale.ROOT, " %.0f", quarter / ((System.nanoTime() - q0) / 1e9)));
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-22s %8d reports %8.3f s   reports/s by quarter:%s%n",
                "1 long trial" + (s instanceof InMemoryStudyStore ? ", memory" : ""), reports, sec, line);
        if (s.trials(study.id()).get(0).intermediate().size() != reports) {
            throw new IllegalStateException("reports lost");
        }
    }

    private static void report(String label, int trials, double sec, int stored) {
        if (stored != trials) {
            throw new IllegalStateException("stored " + stored + " of " + trials + " trials");
        }
        System.out.printf(Locale.ROOT, "%-22s %8d trials %8.3f s %10.0f trials/s %10.0f saves/s%n", label, trials,
                sec, trials / sec, 3 * trials / sec);
    }
}
