package dev.rungs.engine;

import dev.rungs.sampler.Sampler;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Direction;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/** Settings of a study; everything but the search space has a default. */
public final class TunerBuilder {
    final SearchSpace space;
    String name = "study-" + Long.toString(System.currentTimeMillis(), 36);
    Direction direction = Direction.MINIMIZE;
    Sampler sampler;
    Scheduler scheduler = Scheduler.none();
    long seed = new SplittableRandom().nextLong();
    long maxResource = 1;
    int workers = 1;
    StudyStore store;
    String specJson = "{}";
    boolean resume;
    int retries;
    String runner = "library";
    Duration leaseTimeout = Tuner.DEFAULT_LEASE_TIMEOUT;
    int stopAfterFailures = Tuner.DEFAULT_STOP_AFTER_FAILURES;
    TrialExecutor executor;

    TunerBuilder(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
    }

    public TunerBuilder name(String n) {
        if (n == null || n.isBlank()) {
            throw new IllegalArgumentException("a study name must not be blank");
        }
        this.name = n;
        return this;
    }

    public TunerBuilder direction(Direction d) {
        this.direction = Objects.requireNonNull(d);
        return this;
    }

    public TunerBuilder minimize() {
        return direction(Direction.MINIMIZE);
    }

    public TunerBuilder maximize() {
        return direction(Direction.MAXIMIZE);
    }

    public TunerBuilder sampler(Sampler s) {
        this.sampler = Objects.requireNonNull(s);
        return this;
    }

    public TunerBuilder scheduler(Scheduler s) {
        this.scheduler = Objects.requireNonNull(s);
        return this;
    }

    public TunerBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /** The largest resource (steps, epochs, budget units) one trial may use; default 1. */
    public TunerBuilder maxResource(long r) {
        if (r < 1) {
            throw new IllegalArgumentException("maxResource must be at least 1, got " + r);
        }
        this.maxResource = r;
        return this;
    }

    /** Parallel worker threads for {@link Tuner#optimize}; default 1. */
    public TunerBuilder workers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + n);
        }
        this.workers = n;
        return this;
    }

    /** Where the study is kept; default a fresh in-memory store. */
    public TunerBuilder store(StudyStore s) {
        this.store = Objects.requireNonNull(s);
        return this;
    }

    /** The spec the study was made from, stored for provenance. */
    public TunerBuilder specJson(String json) {
        this.specJson = Objects.requireNonNull(json);
        return this;
    }

    /**
     * Continue the stored study of this name instead of creating one: its trials are loaded,
     * trials a dead process left running are marked FAIL ("interrupted"), and samplers
     * propose from the whole history.
     */
    public TunerBuilder resume() {
        this.resume = true;
        return this;
    }

    /** How many times a trial interrupted by a crash is queued again on resume; default 0. */
    public TunerBuilder retries(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
        this.retries = n;
        return this;
    }

    /** What runs the study, as its lease names it to other runners ({@code rungs run}, {@code workbench}); default {@code library}. */
    public TunerBuilder runner(String r) {
        this.runner = Objects.requireNonNull(r);
        return this;
    }

    /**
     * How long the study's lease stays live without a heartbeat; after that another runner
     * may take the study over (at once if this process is gone from the same machine).
     * Default {@link Tuner#DEFAULT_LEASE_TIMEOUT}.
     */
    public TunerBuilder leaseTimeout(Duration d) {
        this.leaseTimeout = dev.rungs.store.Leases.checkTimeout(d);
        return this;
    }

    /**
     * Stop the study when its first {@code n} ended trials all failed with the same reason
     * (and none succeeded); 0 never stops. Default {@link Tuner#DEFAULT_STOP_AFTER_FAILURES}.
     */
    public TunerBuilder stopAfterFailures(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("stopAfterFailures must not be negative");
        }
        this.stopAfterFailures = n;
        return this;
    }

    /**
     * Where trials are evaluated; default a {@link LocalTrialExecutor} of {@link #workers}
     * threads, which the tuner closes with itself. An executor given here is the caller's to close.
     */
    public TunerBuilder executor(TrialExecutor e) {
        this.executor = Objects.requireNonNull(e);
        return this;
    }

    public Tuner build() {
        if (store == null) {
            store = new InMemoryStudyStore();
        }
        return new Tuner(this);
    }
}
