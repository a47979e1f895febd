package dev.rungs.engine;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.LeaseLostException;
import dev.rungs.store.StoreException;
import dev.rungs.store.StudyStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Holds a study's lease for a runner: takes it, renews it by a heartbeat on a thread of its
 * own (so a long trial or a busy engine thread never lets it go stale), and releases it on
 * close. The heartbeat beats five times per timeout, so a lease is stale only after several
 * beats in a row were missed.
 */
final class LeaseKeeper implements AutoCloseable {
    private final StudyStore store;
    private final ScheduledExecutorService beat;
    private final Consumer<StoreException> onLost;
    private volatile Lease lease;
    private volatile boolean closed;

    private LeaseKeeper(StudyStore store, Lease lease, Consumer<StoreException> onLost) {
        this.store = store;
        this.lease = lease;
        this.onLost = onLost;
        this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rungs-lease-" + lease.studyId());
            t.setDaemon(true); // a forgotten Tuner must not keep the JVM alive; its lease then goes stale
            return t;
        });
        long every = Math.max(200, lease.timeout().toMillis() / 5);
        beat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease of the study for this process.
     *
     * @param onLost called (on the heartbeat thread) once the lease was taken over by another runner
     * @throws dev.rungs.store.StudyBusyException if another runner holds a live lease
     */
    static LeaseKeeper take(StudyStore store, long studyId, String runner, Duration timeout,
            Consumer<StoreException> onLost) {
        Lease l = store.acquireLease(studyId, LeaseHolder.thisProcess(runner), timeout);
        return new LeaseKeeper(store, l, onLost);
    }

    /** The lease as last renewed. */
    Lease lease() {
        return lease;
    }

    private void renew() {
        if (closed) {
            return;
        }
        try {
            lease = store.renewLease(lease);
        } catch (LeaseLostException e) {
            beat.shutdown();
            onLost.accept(e);
        } catch (StoreException | IllegalStateException e) {
            // A full disk or a closed store: the next beat tries again. If the runner stays
            // unable to write, its lease goes stale and another runner may take the study over,
            // which is right: this one cannot record anything anyway.
        }
    }

    /** Stops the heartbeat and gives the lease up (best effort: a full disk must not hide the real error). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        beat.shutdownNow();
        try {
            beat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.releaseLease(lease);
        } catch (StoreException | IllegalStateException e) {
            // The lease stays in the file; this process is about to end, so the next runner on
            // this machine takes it over at once, and one elsewhere after the timeout.
        }
    }
}
