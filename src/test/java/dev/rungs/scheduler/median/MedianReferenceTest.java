package dev.rungs.scheduler.median;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.scheduler.Decision;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Median stopping keeps its medians incrementally; here it decides exactly as the rule computed afresh. */
class MedianReferenceTest {

    /** The rule over every trial of the history, on every report. */
    static Decision reference(MedianStoppingScheduler m, Trial trial, long step, double value, TrialHistory history) {
        if (step < m.warmupSteps() || (step - m.warmupSteps()) % m.intervalSteps() != 0) {
            return Decision.CONTINUE;
        }
        Direction direction = history.direction();
        List<Double> others = new ArrayList<>();
        int completed = 0;
        for (Trial t : history.trials()) {
            if (t.isComplete() && t.number() != trial.number()) {
                completed++;
                Double v = t.intermediate().get(step);
                if (v != null && !v.isNaN()) {
                    others.add(direction.toLoss(v));
                }
            }
        }
        if (completed < m.startupTrials() || others.isEmpty()) {
            return Decision.CONTINUE;
        }
        double bestSoFar = trial.intermediate().values().stream()
                .mapToDouble(direction::toLoss).min().orElse(direction.toLoss(value));
        Collections.sort(others);
        int n = others.size();
        double median = n % 2 == 1 ? others.get(n / 2) : (others.get(n / 2 - 1) + others.get(n / 2)) / 2;
        return bestSoFar > median ? Decision.STOP : Decision.CONTINUE;
    }

    @Test
    void decisionsMatchTheReferenceOnRandomStudies() {
        int stops = 0;
        for (int seed = 0; seed < 6; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            MedianStoppingScheduler median = new MedianStoppingScheduler(seed % 3 * 3, seed % 2, 1 + seed % 3);
            MutableTrialHistory h = new MutableTrialHistory(seed % 2 == 0 ? Direction.MINIMIZE : Direction.MAXIMIZE);
            List<Integer> running = new ArrayList<>();
            for (int event = 0; event < 4000; event++) {
                if (running.size() < 1 + seed % 4) {
                    int n = h.nextNumber();
                    h.put(Trial.running(n, MedianStoppingSchedulerTest.SPACE.validate(Map.of("q", 0.5)), Map.of(), Instant.EPOCH));
                    running.add(n);
                }
                int n = running.get(rnd.nextInt(running.size()));
                Trial t = h.get(n);
                long step = t.lastStep() + 1 + (rnd.nextInt(5) == 0 ? 1 : 0); // steps skipped now and then
                double v = rnd.nextInt(10) == 0 ? Double.NaN : rnd.nextInt(20) / 2.0;
                t = t.withReport(step, v);
                h.put(t);
                Decision expected = reference(median, t, step, v, h);
                assertEquals(expected, median.onReport(t, step, v, h), "seed " + seed + ", event " + event);
                if (expected instanceof Decision.Stop || step >= 12) {
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
