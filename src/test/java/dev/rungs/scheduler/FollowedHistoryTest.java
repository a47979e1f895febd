package dev.rungs.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** An index that follows a history holds exactly what one built from the current trials would. */
class FollowedHistoryTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /** Indexes each trial's number of reports; counts how many changes it was handed. */
    static final class Reports implements FollowedHistory.Index {
        final Map<Integer, Integer> byTrial = new HashMap<>();
        int changes;

        @Override
        public void clear() {
            byTrial.clear();
        }

        @Override
        public void changed(Trial before, Trial after) {
            changes++;
            byTrial.put(after.number(), after.intermediate().size());
        }
    }

    private static Map<Integer, Integer> fresh(TrialHistory h) {
        Map<Integer, Integer> m = new HashMap<>();
        for (Trial t : h.trials()) {
            m.put(t.number(), t.intermediate().size());
        }
        return m;
    }

    @Test
    void theIndexMatchesTheTrialsWhetherFewOrManyChangedSinceTheLastCall() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        Reports index = new Reports();
        FollowedHistory followed = new FollowedHistory(index);
        SplittableRandom rnd = new SplittableRandom(1);
        for (int round = 0; round < 200; round++) {
            // Now and then far more changes than the history remembers: the follower compares every trial.
            int changes = round % 50 == 49 ? 5000 : rnd.nextInt(8);
            for (int c = 0; c < changes; c++) {
                if (h.trials().isEmpty() || rnd.nextInt(4) == 0) {
                    h.put(Trial.running(h.nextNumber(), SPACE.validate(Map.of("x", 0.5)), Map.of(), Instant.EPOCH));
                } else {
                    Trial t = h.get(rnd.nextInt(h.trials().size()));
                    h.put(t.withReport(t.lastStep() + 1, rnd.nextDouble()));
                }
            }
            followed.follow(h);
            assertEquals(fresh(h), index.byTrial, "round " + round);
        }
    }

    @Test
    void aCountedHistoryHandsOverOnlyTheChangedTrials() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (int i = 0; i < 1000; i++) {
            h.put(Trial.running(i, SPACE.validate(Map.of("x", 0.5)), Map.of(), Instant.EPOCH));
        }
        Reports index = new Reports();
        FollowedHistory followed = new FollowedHistory(index);
        followed.follow(h);
        assertEquals(1000, index.changes);
        long mark = h.changeCount();
        h.put(h.get(7).withReport(1, 0.5));
        h.put(h.get(900).withReport(1, 0.5));
        assertArrayEquals(new int[] {7, 900}, h.changedSince(mark));
        followed.follow(h);
        assertEquals(1002, index.changes, "two trials changed, two were looked at again");
        assertNull(h.changedSince(mark - 5000), "too long ago to say");
    }

    @Test
    void aSnapshotHandedInIsComparedAgainAtTheNextFollow() {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        h.put(Trial.running(0, SPACE.validate(Map.of("x", 0.5)), Map.of(), Instant.EPOCH));
        Reports index = new Reports();
        FollowedHistory followed = new FollowedHistory(index);
        followed.follow(h);
        followed.use(h.get(0).withReport(1, 0.1).withReport(2, 0.2));
        assertEquals(2, index.byTrial.get(0), "indexed as handed in");
        followed.follow(h);
        assertEquals(0, index.byTrial.get(0), "back to the history's own snapshot");
        assertEquals(List.of(0), List.copyOf(index.byTrial.keySet()));
    }
}
