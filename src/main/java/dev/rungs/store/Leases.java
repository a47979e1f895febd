package dev.rungs.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lease rules every {@link StudyStore} applies, kept in one place: who may take a lease,
 * and who may write a study. A store keeps the tokens of the leases it holds here; its writes
 * to a study are checked against the study's current lease inside the write's transaction.
 */
public final class Leases {
    private final Map<Long, String> held = new ConcurrentHashMap<>();
    /**
     * Tokens this process gave up whose row may still be in the file, because deleting it failed
     * (a full disk): they count as stale in this process, so it can run the study again at once,
     * through this store or another one it opens on the file. Process-wide on purpose: the
     * holder a lease names is the process, not a store object.
     */
    private static final Set<String> RELEASED = ConcurrentHashMap.newKeySet();

    /**
     * The lease {@code holder} gets for a study whose current lease is {@code current}:
     * a new one when there is none or it is stale.
     *
     * @throws StudyBusyException if another runner holds it and is alive
     */
    public Lease grant(String studyName, long studyId, Lease current, LeaseHolder holder, Duration timeout,
            Instant now) {
        if (isLive(current, now)) {
            throw new StudyBusyException(studyName, current);
        }
        return new Lease(studyId, UUID.randomUUID().toString(), holder, now, now, timeout);
    }

    /** Remembers that this store now holds {@code lease}. */
    public void took(Lease lease) {
        held.put(lease.studyId(), lease.token());
    }

    /** Gives up {@code lease}, even if deleting its row failed; a newer lease of the study is kept. */
    public void released(Lease lease) {
        held.remove(lease.studyId(), lease.token());
        RELEASED.add(lease.token());
    }

    /** Forgets the lease of a deleted study. */
    public void deleted(long studyId) {
        held.remove(studyId);
    }

    private boolean isLive(Lease current, Instant now) {
        return current != null && !current.isStale(now) && !RELEASED.contains(current.token());
    }

    /**
     * Whether a write to the study is plainly allowed: nobody holds it and this store never did,
     * or {@code current} is this store's own lease. Checked first on every write, so the holder's
     * writes cost no more than the lease lookup.
     */
    public boolean plainlyWritable(long studyId, Lease current) {
        String mine = held.get(studyId);
        return current == null ? mine == null : current.token().equals(mine);
    }

    /**
     * Checks that this store may write the study whose current lease is {@code current}: it
     * holds that lease, or nobody holds a live one.
     *
     * @throws LeaseLostException if this store held the lease and another runner took it over
     * @throws StudyBusyException if another runner holds a live lease
     */
    public void checkWrite(String studyName, long studyId, Lease current, Instant now) {
        String mine = held.get(studyId);
        if (mine != null) {
            if (current == null || !current.token().equals(mine)) {
                held.remove(studyId, mine);
                throw new LeaseLostException(studyName, current == null ? "a runner that has ended since"
                        : current.describe());
            }
            return;
        }
        if (isLive(current, now)) {
            throw new StudyBusyException(studyName, current);
        }
    }

    /**
     * Checks that {@code lease} is still the study's current lease before it is renewed.
     *
     * @throws LeaseLostException if another runner has taken it over
     */
    public void checkRenew(String studyName, Lease lease, Lease current) {
        if (current == null || !current.token().equals(lease.token())) {
            held.remove(lease.studyId(), lease.token());
            throw new LeaseLostException(studyName, current == null ? "a runner that has ended since"
                    : current.describe());
        }
    }

    /** A lease timeout must leave room for a few heartbeats. */
    public static Duration checkTimeout(Duration timeout) {
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a lease timeout must be at least 1 s, got " + timeout);
        }
        return timeout;
    }
}
