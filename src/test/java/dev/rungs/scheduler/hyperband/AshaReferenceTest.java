package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Work;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ASHA keeps its rungs incrementally; here it answers exactly as the straightforward form of the
 * rule (rank every rung afresh on every call) on random studies: random values, several workers
 * finishing in random order, failures, and trials paused by a stop before their rung was done.
 */
class AshaReferenceTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /** The promotion rule, computed from nothing on every call (ASHA as it was first written). */
    static Work referenceNextWork(TrialHistory history, long[] rungs, int eta, int s) {
        List<Trial> ours = new ArrayList<>();
        for (Trial t : history.trials()) {
            if (RungAttrs.rung(t).isPresent()) {
                ours.add(t);
            }
        }
        for (Trial t : ours) {
            int k = RungAttrs.rung(t).getAsInt();
            if (t.state() == TrialState.PAUSED && k < rungs.length && t.lastStep() < rungs[k]) {
                return new Work.Resume(t.number(), rungs[k], Map.of());
            }
        }
        Direction direction = history.direction();
        for (int k = rungs.length - 2; k >= 0; k--) {
            long resource = rungs[k];
            int rungIndex = k;
            List<Trial> recorded = new ArrayList<>();
            for (Trial t : ours) {
                int tk = RungAttrs.rung(t).getAsInt();
                if (tk > k || tk == k && t.state() != TrialState.RUNNING && t.state() != TrialState.WAITING
                        && (RungAttrs.hasResult(t, resource) || t.state() == TrialState.PRUNED)) {
                    recorded.add(t);
                }
            }
            int promotable = recorded.size() / eta;
            recorded.sort(Comparator.<Trial>comparingDouble(t -> RungAttrs.lossAt(t, resource, direction))
                    .thenComparingInt(Trial::number));
            for (int i = 0; i < promotable; i++) {
                Trial t = recorded.get(i);
                if (RungAttrs.rung(t).getAsInt() == rungIndex && t.state() == TrialState.PAUSED) {
                    return new Work.Resume(t.number(), rungs[k + 1], RungAttrs.attrs(s, OptionalInt.empty(),
                            k + 1, rungs[k + 1], TrialFact.RungOutcome.PROMOTED));
                }
            }
        }
        return new Work.NewTrial(rungs[0], RungAttrs.attrs(s, OptionalInt.empty(), 0, rungs[0], null));
    }

    /** The pruner rule, computed from nothing on every report. */
    static Decision referencePrune(Trial trial, long step, long[] rungs, int eta, TrialHistory history) {
        long previous = trial.intermediate().headMap(step).isEmpty() ? 0 : trial.intermediate().headMap(step).lastKey();
        for (int k = 0; k < rungs.length - 1; k++) {
            long resource = rungs[k];
            if (resource <= previous || resource > step) {
                continue;
            }
            double mine = RungAttrs.lossAt(trial, resource, history.direction());
            if (Double.isInfinite(mine) && mine > 0) {
                return Decision.STOP;
            }
            List<Double> values = new ArrayList<>();
            for (Trial t : history.trials()) {
                if (t.number() != trial.number() && t.lastStep() >= resource) {
                    values.add(RungAttrs.lossAt(t, resource, history.direction()));
                }
            }
            values.add(mine);
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(sorted);
            if (mine > sorted[Math.max(1, sorted.length / eta) - 1]) {
                return Decision.STOP;
            }
        }
        return Decision.CONTINUE;
    }

    @Test
    void promotionsMatchTheReferenceOnRandomStudies() {
        int compared = 0;
        int resumes = 0;
        for (int seed = 0; seed < 12; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int eta = 2 + seed % 3;
            long maxResource = new long[] {27, 52, 81, 100}[seed % 4];
            int s = seed % 5 == 4 ? 1 : 0;
            AshaScheduler asha = new AshaScheduler(1, 0, eta, s, false);
            long[] rungs = asha.rungResources(maxResource);
            MutableTrialHistory h = new MutableTrialHistory(seed % 2 == 0 ? Direction.MINIMIZE : Direction.MAXIMIZE);
            // Every third study through a history that does not count its changes: compared trial by trial.
            TrialHistory seen = seed % 3 == 2 ? uncounted(h) : h;
            List<Integer> running = new ArrayList<>();
            int workers = 1 + seed % 4;
            for (int event = 0; event < 600; event++) {
                while (running.size() < workers) {
                    Work expected = referenceNextWork(h, rungs, eta, s);
                    Work actual = asha.nextWork(seen, maxResource);
                    assertEquals(expected, actual, "seed " + seed + ", event " + event);
                    compared++;
                    running.add(RandomStudySteps.start(h, actual));
                    resumes += actual instanceof Work.Resume ? 1 : 0;
                }
                int n = running.remove(rnd.nextInt(running.size()));
                RandomStudySteps.finish(h, n, asha, rnd, 0.04, 0.04);
            }
        }
        assertTrue(resumes > 300, resumes + " promotions in " + compared + " compared calls");
    }

    /** The same trials, without {@link TrialHistory#changedSince}. */
    static TrialHistory uncounted(MutableTrialHistory h) {
        return new TrialHistory() {
            @Override
            public List<Trial> trials() {
                return h.trials();
            }

            @Override
            public Direction direction() {
                return h.direction();
            }
        };
    }

    @Test
    void prunerDecisionsMatchTheReferenceOnRandomReports() {
        int stops = 0;
        for (int seed = 0; seed < 8; seed++) {
            SplittableRandom rnd = new SplittableRandom(100 + seed);
            int eta = 2 + seed % 3;
            long maxResource = new long[] {27, 52, 81, 100}[seed % 4];
            AshaScheduler pruner = new AshaScheduler(1, 0, eta, 0, true);
            long[] rungs = pruner.rungResources(maxResource);
            MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
            List<Integer> running = new ArrayList<>();
            for (int event = 0; event < 3000; event++) {
                if (running.size() < 4) {
                    Work.NewTrial nt = (Work.NewTrial) pruner.nextWork(h, maxResource);
                    int n = h.nextNumber();
                    h.put(Trial.running(n, SPACE.validate(Map.of("x", 0.5)), nt.attrs(), Instant.EPOCH));
                    running.add(n);
                }
                int n = running.get(rnd.nextInt(running.size()));
                Trial t = h.get(n);
                long step = t.lastStep() + 1 + rnd.nextInt(3);
                double v = rnd.nextInt(30) / 3.0;
                t = t.withReport(step, v);
                h.put(t);
                Decision expected = referencePrune(t, step, rungs, eta, h);
                assertEquals(expected, pruner.onReport(t, step, v, h), "seed " + seed + ", event " + event);
                if (expected instanceof Decision.Stop || step >= maxResource) {
                    stops += expected instanceof Decision.Stop ? 1 : 0;
                    h.put(t.withValue(v).withState(expected instanceof Decision.Stop ? TrialState.PRUNED
                            : TrialState.COMPLETE, Instant.EPOCH));
                    running.remove((Integer) n);
                }
            }
        }
        assertTrue(stops > 200, stops + " stops");
    }
}
