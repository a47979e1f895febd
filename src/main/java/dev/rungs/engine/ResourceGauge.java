package dev.rungs.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The study's resource as the workers report it, counted on the worker's thread at each report
 * so that a report answered without a round trip to the engine (a queued one) still learns at
 * once that the resource budget is spent. It counts reports the way {@link ResourceMeter} does
 * (the growth of a run's highest step, restored steps paid before), which stays the study's one
 * account: the gauge only decides when a report must wait for the engine, which then cuts the
 * running trials. Thread-safe.
 */
final class ResourceGauge {
    /** The resource budget; 0 = none. */
    private final long limit;
    private final AtomicLong used;

    ResourceGauge(long limit, long usedAtStart) {
        this.limit = limit;
        this.used = new AtomicLong(usedAtStart);
    }

    /** Counts {@code growth} more resource reported; returns whether the budget is now spent. */
    boolean reported(long growth) {
        return limit > 0 && used.addAndGet(growth) >= limit;
    }

    /** Whether the budget is spent as far as the reports tell. */
    boolean spent() {
        return limit > 0 && used.get() >= limit;
    }

    /** Resource reported so far by the whole study. */
    long used() {
        return used.get();
    }
}
