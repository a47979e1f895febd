package dev.rungs.store;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The right to run one study: while a runner holds a live lease, no other runner may write the
 * study (DESIGN.md, "One runner per study"). The holder renews it by a heartbeat; a lease whose
 * heartbeat is older than its timeout, or whose holder process is gone from this machine, is
 * stale and may be taken over.
 *
 * @param studyId the study
 * @param token a secret of the holder, different for every acquisition; writes are checked
 *     against it
 * @param holder who holds it
 * @param since when it was taken
 * @param heartbeat when it was last renewed
 * @param timeout how old the heartbeat may get before the lease is stale (stated by the holder)
 */
public record Lease(long studyId, String token, LeaseHolder holder, Instant since, Instant heartbeat,
        Duration timeout) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public Lease {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Whether another runner may take it over at {@code now}. */
    public boolean isStale(Instant now) {
        return heartbeat.plus(timeout).isBefore(now) || holder.isGoneFromThisHost();
    }

    /** This lease renewed at {@code now}. */
    public Lease renewedAt(Instant now) {
        return new Lease(studyId, token, holder, since, now, timeout);
    }

    /** For messages: {@code process 1234 on host lab-3 (rungs run) since 2026-12-02 10:00:00 UTC}. */
    public String describe() {
        return holder.describe() + " since " + WHEN.format(since);
    }
}
