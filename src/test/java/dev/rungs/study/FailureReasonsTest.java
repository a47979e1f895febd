package dev.rungs.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The distinct reasons trials failed for, counted once each, most frequent first. */
class FailureReasonsTest {
    private static Trial failed(int n, String reason) {
        Trial t = Trial.running(n, new Config(Map.of()), Map.of(), Instant.EPOCH);
        return (reason == null ? t : t.withAttr(Trial.FAIL_REASON, reason)).withState(TrialState.FAIL, Instant.EPOCH);
    }

    @Test
    void countsEachReasonWithItsFirstTrialMostFrequentFirst() {
        List<Trial> trials = new ArrayList<>();
        trials.add(Trial.running(0, new Config(Map.of()), Map.of(), Instant.EPOCH).withValue(1)
                .withState(TrialState.COMPLETE, Instant.EPOCH));
        trials.add(failed(1, "timeout after 5 s"));
        trials.add(failed(2, "cannot start ./train.py: No such file"));
        trials.add(failed(3, "cannot start ./train.py: No such file"));
        trials.add(failed(4, null));
        trials.add(failed(5, "cannot start ./train.py: No such file"));
        FailureReasons r = FailureReasons.of(trials);
        assertEquals(List.of(new FailureReasons.Reason("cannot start ./train.py: No such file", 3, 2),
                new FailureReasons.Reason("timeout after 5 s", 1, 1),
                new FailureReasons.Reason(FailureReasons.UNKNOWN, 1, 4)), r.reasons());
        assertEquals(5, r.failed());
    }

    @Test
    void noFailuresIsEmptyAndALongReasonShowsAsOneShortLine() {
        assertTrue(FailureReasons.of(List.of()).isEmpty());
        FailureReasons.Reason r = new FailureReasons.Reason("exit 1: " + "x".repeat(300) + "\nTraceback", 1, 0);
        assertEquals(40, r.oneLine(40).length());
        assertTrue(r.oneLine(40).endsWith("…") && !r.oneLine(40).contains("\n"));
        assertEquals("command exited with status 3; stderr ends with: out of memory", new FailureReasons.Reason(
                "CommandFailedException: command exited with status 3; stderr ends with:\nout of memory\n", 2, 0)
                .oneLine(200), "one line, without the Java exception's name");
    }
}
