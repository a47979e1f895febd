package dev.rungs.study;

import dev.rungs.study.TrialFact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rungs.space.Config;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a study's summary counts, and that counting trial by trial gives the same as counting them all. */
class StudySummaryTest {
    static Trial trial(int n, TrialState state, double value, long resource) {
        Trial t = Trial.running(n, new Config(Map.of()), Map.of(TrialFact.RESOURCE_USED.key(), Long.toString(resource)),
                Instant.EPOCH);
        if (state == TrialState.COMPLETE || state == TrialState.PRUNED) {
            t = t.withValue(value);
        }
        return t.withState(state, Instant.EPOCH);
    }

    static Trial interrupted(int n) {
        return trial(n, TrialState.FAIL, 0, 2).withAttr(Trial.FAIL_REASON, Trial.INTERRUPTED);
    }

    /** One trial in every state, and one interrupted. */
    static List<Trial> mixed() {
        return List.of(trial(0, TrialState.COMPLETE, 3.0, 9), trial(1, TrialState.PRUNED, 7.0, 3),
                trial(2, TrialState.COMPLETE, 1.5, 9), trial(3, TrialState.FAIL, 0, 1).withAttr(Trial.FAIL_REASON, "boom"),
                interrupted(4), trial(5, TrialState.PAUSED, 0, 3), trial(6, TrialState.RUNNING, 0, 0),
                trial(7, TrialState.WAITING, 0, 0));
    }

    @Test
    void trialsAreWhatTheBudgetCountsAndTheRestIsShownApart() {
        StudySummary s = StudySummary.of(mixed(), Direction.MINIMIZE);
        assertEquals(2, s.complete());
        assertEquals(1, s.pruned());
        assertEquals(1, s.failed(), "the interrupted trial is not a failure of its own");
        assertEquals(1, s.interrupted());
        assertEquals(1, s.paused());
        assertEquals(1, s.running());
        assertEquals(1, s.waiting());
        assertEquals(6, s.trials(), "complete, pruned, failed, paused and running count; interrupted and waiting not");
        assertEquals(4, s.ended());
        assertEquals(8, s.stored());
        assertEquals(OptionalDouble.of(1.5), s.best());
        assertEquals(OptionalInt.of(2), s.bestTrial());
        assertEquals(27, s.resourceUsed(), "every trial's resource, an interrupted one's too, as the engine totals it");
        assertEquals("2 complete, 1 pruned, 1 failed, 1 running, 1 paused", s.stateCounts());
        assertEquals("1 interrupted, 1 waiting", s.notCounted());
        assertEquals("6 trials (2 complete, 1 pruned, 1 failed, 1 running, 1 paused; not counted: 1 interrupted, "
                + "1 waiting)", s.describe());
        assertEquals("6 (2 complete, 1 pruned, 1 failed, 1 running, 1 paused; not counted: 1 interrupted, 1 waiting)",
                s.counts());
        assertEquals("6 of 20 trials (2 complete, 1 pruned, 1 failed, 1 running, 1 paused; not counted: "
                + "1 interrupted, 1 waiting)", s.progress(20));
    }

    @Test
    void aStudyOfCompleteTrialsOnlySaysSoBriefly() {
        StudySummary s = StudySummary.of(List.of(trial(0, TrialState.COMPLETE, 1, 0), trial(1, TrialState.COMPLETE, 2, 0)),
                Direction.MAXIMIZE);
        assertEquals("2 of 30 trials", s.progress(30));
        assertEquals("2 trials", s.progress(0));
        assertEquals("2 (2 complete)", s.counts());
        assertEquals(OptionalDouble.of(2), s.best(), "maximised");
        assertEquals("0 of 30 trials", StudySummary.EMPTY.progress(30));
        assertEquals("0 trials (none)", StudySummary.EMPTY.describe());
    }

    /** A run's life, event by event: the tally always equals counting the trials as they stand. */
    @Test
    void theTallyCountsLikeTheFactoryWhateverTheOrderOfChanges() {
        Random rng = new Random(11);
        StudySummary.Tally tally = new StudySummary.Tally(Direction.MINIMIZE);
        List<Trial> now = new ArrayList<>();
        for (int step = 0; step < 2000; step++) {
            int n = now.isEmpty() || rng.nextInt(3) == 0 ? now.size() : rng.nextInt(now.size());
            Trial old = n < now.size() ? now.get(n) : null;
            if (old != null && old.state().isFinished()) {
                continue; // an ended trial does not change again
            }
            TrialState next = old == null ? TrialState.RUNNING
                    : TrialState.values()[1 + rng.nextInt(TrialState.values().length - 1)];
            Trial t = rng.nextInt(10) == 0 && next == TrialState.FAIL ? interrupted(n)
                    : trial(n, next, rng.nextDouble(), rng.nextInt(5));
            if (n < now.size()) {
                now.set(n, t);
            } else {
                now.add(t);
            }
            tally.put(t);
            assertEquals(StudySummary.of(now, Direction.MINIMIZE), tally.summary(), "after step " + step);
        }
    }

    @Test
    void aBestTrialThatChangesIsLookedForAgain() {
        StudySummary.Tally tally = new StudySummary.Tally(Direction.MINIMIZE);
        tally.put(trial(0, TrialState.COMPLETE, 5, 0));
        tally.put(trial(1, TrialState.COMPLETE, 1, 0));
        tally.put(trial(1, TrialState.FAIL, 0, 0)); // a store edited by hand
        assertEquals(OptionalInt.of(0), tally.summary().bestTrial());
        assertEquals(OptionalDouble.of(5), tally.summary().best());
    }
}
