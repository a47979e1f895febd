package dev.rungs.engine;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.Objects;
import java.util.Optional;

/**
 * Notices a misconfigured study: when the first {@code limit} trials that ended all failed for
 * the same reason (a missing program, a typo in a path) and none succeeded, running more would
 * only burn the budget on the same failure. Trials an interruption ended do not count. Fed
 * every trial as it ends, so it costs nothing per trial once a trial has succeeded.
 */
final class FailureWatch {
    private final int limit;
    private boolean anySuccess;
    private int failures;
    private String reason;
    private boolean mixed;

    /** @param limit how many same failures in a row stop the study; 0 never stops it */
    FailureWatch(int limit) {
        this.limit = limit;
    }

    void ended(Trial t) {
        if (anySuccess || limit == 0) {
            return;
        }
        if (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) {
            anySuccess = true;
        } else if (t.state() == TrialState.FAIL && !Tuner.isInterrupted(t)) {
            String r = t.attrs().getOrDefault(Trial.FAIL_REASON, "");
            if (failures == 0) {
                reason = r;
            } else if (!Objects.equals(reason, r)) {
                mixed = true;
            }
            failures++;
        }
    }

    /** The reason all of the first trials failed with, once there are {@code limit} of them. */
    Optional<String> verdict() {
        return !anySuccess && !mixed && limit > 0 && failures >= limit ? Optional.of(reason) : Optional.empty();
    }

    int limit() {
        return limit;
    }
}
