package dev.rungs.engine;

import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialChange;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes over a stored study when it is resumed. Trials left RUNNING by a process that died are
 * marked FAIL ("interrupted") and, while the retries allow, queued again as new trials with the
 * same configuration. Only the lease holder may do this: it alone may decide that RUNNING trials
 * belong to a runner that is gone.
 */
final class CrashRecovery {
    private CrashRecovery() {
    }

    /** Loads {@code stored} into {@code trials}, marking and retrying the interrupted ones; engine thread. */
    static void takeOver(List<Trial> stored, int retries, StudyStore store, long studyId, TrialLifecycle trials) {
        Instant now = Instant.now();
        List<Trial> interrupted = new ArrayList<>();
        for (Trial t : stored) {
            if (t.state() == TrialState.RUNNING) {
                t = t.withAttr(Trial.FAIL_REASON, Trial.INTERRUPTED).withState(TrialState.FAIL, now);
                store.saveTrial(studyId, t, TrialChange.row().andAttrs(Trial.FAIL_REASON));
                interrupted.add(t);
            }
            trials.adopt(t);
        }
        for (Trial t : interrupted) {
            if (retryDepth(t, trials.history()) < retries) {
                trials.queue(t.config(), Map.ofEntries(TrialFact.RETRY_OF.entry(t.number())));
            }
        }
    }

    /** How many interrupted trials this one retries in a chain. */
    private static int retryDepth(Trial t, MutableTrialHistory history) {
        int depth = 0;
        for (var retried = TrialFact.RETRY_OF.in(t); retried.isPresent(); retried = TrialFact.RETRY_OF.in(t)) {
            t = history.get(retried.get());
            depth++;
        }
        return depth;
    }
}
