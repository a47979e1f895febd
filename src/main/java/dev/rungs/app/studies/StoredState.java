package dev.rungs.app.studies;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a stored study stands as this window sees it, decided here and only here from the
 * store's record and the study's lease, for the study list and the run view alike.
 *
 * @param state {@link StudyState#FINISHED}, {@link StudyState#STOPPED} or
 *     {@link StudyState#RUNNING_ELSEWHERE}; the other states belong to runs of this window
 * @param elsewhere the live lease of the other runner, exactly when running elsewhere
 */
public record StoredState(StudyState state, Optional<Lease> elsewhere) {
    /** What this window's runs are called in their leases. */
    public static final String RUNNER = "workbench";
    /**
     * How often a study running elsewhere is read again, so the list and its run view follow
     * the other runner; a heartbeat is far more frequent, so this is what limits liveness.
     */
    public static final Duration RECHECK = Duration.ofSeconds(2);

    public StoredState {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(elsewhere, "elsewhere");
        if (elsewhere.isPresent() != (state == StudyState.RUNNING_ELSEWHERE)) {
            throw new IllegalArgumentException(state + " with lease " + elsewhere);
        }
    }

    /**
     * The state of a study whose record is {@code record} and whose current lease is
     * {@code lease}, at {@code now}. A live lease of anyone but {@code self} means another runner
     * has it; a stale one is a run that died, which leaves the study stopped (and resumable).
     *
     * @param self the holder this window's runs take leases as
     */
    public static StoredState of(StudyRecord record, Optional<Lease> lease, LeaseHolder self, Instant now) {
        if (lease.isPresent() && !lease.get().isStale(now) && !lease.get().holder().equals(self)) {
            return new StoredState(StudyState.RUNNING_ELSEWHERE, lease);
        }
        // Not running anywhere: a RUNNING record is a run that died; what is left can be resumed.
        return new StoredState(record.state() == dev.rungs.store.StudyState.FINISHED
                ? StudyState.FINISHED : StudyState.STOPPED, Optional.empty());
    }

    /**
     * Reads the lease of {@code record}'s study and decides; on a background thread, since it
     * reads the store (and asks the system about the holder's process).
     */
    public static StoredState read(StudyStore store, StudyRecord record) {
        return of(record, store.lease(record.id()), LeaseHolder.thisProcess(RUNNER), Instant.now());
    }

    /** For the views: {@code Running elsewhere: process 4242 on host lab-3 (rungs run) since …}. */
    public static String hint(Lease elsewhere) {
        return "Running elsewhere: " + elsewhere.describe();
    }

    /** Why a study running elsewhere cannot be resumed here, in the store's words (they name the holder). */
    public static ErrorReport refusal(String studyName, Lease elsewhere) {
        return new ErrorReport("Cannot resume " + studyName, new StudyBusyException(studyName, elsewhere).getMessage());
    }
}
