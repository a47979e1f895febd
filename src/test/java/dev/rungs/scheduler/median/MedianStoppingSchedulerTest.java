package dev.rungs.scheduler.median;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rungs.engine.Tuner;
import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianStoppingSchedulerTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("q", 0, 10).build();

    /** Learning curve of quality q: the loss falls as q + 1/step. */
    static double curve(double q, long step) {
        return q + 1.0 / step;
    }

    /** Runs trials with the given qualities through ask/report/tell; returns how each ended. */
    static List<Trial> run(MedianStoppingScheduler scheduler, double... qualities) {
        Deque<Double> queue = new ArrayDeque<>();
        for (double q : qualities) {
            queue.add(q);
        }
        Sampler fixed = (history, space, rng) -> Proposal.of(space.validate(Map.of("q", queue.poll())));
        try (Tuner t = Tuner.builder(SPACE).sampler(fixed).scheduler(scheduler).seed(3).build()) {
            for (int i = 0; i < qualities.length; i++) {
                Trial trial = t.ask();
                double q = trial.config().getDouble("q");
                double last = Double.NaN;
                for (long step = 1; step <= 10; step++) {
                    last = curve(q, step);
                    if (t.report(trial.number(), step, last) != Decision.CONTINUE) {
                        break;
                    }
                }
                t.tell(trial.number(), last);
            }
            return t.trials();
        }
    }

    @Test
    void stopsAClearlyBadTrialAndKeepsAGoodOne() {
        List<Trial> trials = run(new MedianStoppingScheduler(), 0.3, 0.4, 0.5, 0.6, 0.7, 5.0, 0.1);
        for (int i = 0; i < 5; i++) {
            assertEquals(TrialState.COMPLETE, trials.get(i).state());
        }
        Trial bad = trials.get(5);
        assertEquals(TrialState.PRUNED, bad.state());
        assertEquals(1, bad.lastStep(), "stopped at the first step it was worse than the median");
        Trial good = trials.get(6);
        assertEquals(TrialState.COMPLETE, good.state());
        assertEquals(10, good.lastStep());
    }

    @Test
    void aTrialNearTheMedianIsNotStoppedWhileItsBestStaysBelowIt() {
        // Median at every step is curve(0.5, t); 0.45 stays better throughout.
        List<Trial> trials = run(new MedianStoppingScheduler(), 0.3, 0.4, 0.5, 0.6, 0.7, 0.45);
        assertEquals(TrialState.COMPLETE, trials.get(5).state());
    }

    @Test
    void nothingIsStoppedBeforeTheStartupTrialsHaveCompleted() {
        List<Trial> trials = run(new MedianStoppingScheduler(), 0.1, 0.2, 0.3, 0.4, 9.0);
        assertEquals(TrialState.COMPLETE, trials.get(4).state(), "only 4 trials had completed");
    }

    @Test
    void warmupStepsAreNeverStopped() {
        List<Trial> trials = run(new MedianStoppingScheduler(5, 4, 1), 0.3, 0.4, 0.5, 0.6, 0.7, 5.0);
        assertEquals(TrialState.PRUNED, trials.get(5).state());
        assertEquals(4, trials.get(5).lastStep(), "first checked at the end of warm-up");
    }

    @Test
    void maximisingStudiesStopTheLowValues() {
        MedianStoppingScheduler s = new MedianStoppingScheduler(2, 0, 1);
        var history = new dev.rungs.study.MutableTrialHistory(dev.rungs.study.Direction.MAXIMIZE);
        for (int i = 0; i < 3; i++) {
            Trial t = Trial.running(i, SPACE.validate(Map.of("q", 1.0)), Map.of(), null)
                    .withReport(1, 0.8).withValue(0.9).withState(TrialState.COMPLETE, null);
            history.put(t);
        }
        Trial low = Trial.running(3, SPACE.validate(Map.of("q", 1.0)), Map.of(), null).withReport(1, 0.2);
        Trial high = Trial.running(4, SPACE.validate(Map.of("q", 1.0)), Map.of(), null).withReport(1, 0.85);
        history.put(low);
        history.put(high);
        assertEquals(Decision.STOP, s.onReport(low, 1, 0.2, history));
        assertEquals(Decision.CONTINUE, s.onReport(high, 1, 0.85, history));
    }
}
