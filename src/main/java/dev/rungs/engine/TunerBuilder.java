package dev.rungs.engine;

import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.StudySeeded;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Settings of a study. Only the search space and the sampler must be given; the defaults
 * that change what a study means are:
 * <ul>
 *   <li><b>direction</b>: {@link Direction#MINIMIZE}, unless {@link #maximize()} or
 *       {@link #direction} says otherwise; a resumed study keeps the direction it was made
 *       with, and naming another one is refused.</li>
 *   <li><b>maximum resource</b>: 1 (each trial is one evaluation) for schedulers that do
 *       not work in rungs. A scheduler that does (Successive Halving, Hyperband, ASHA;
 *       BOHB is {@code BohbSampler} with Hyperband) has no sensible default, since every
 *       trial would silently run at resource 1: {@link #build()} refuses it unless
 *       {@link #maxResource} was given.</li>
 *   <li><b>seed</b>: a random one; samplers whose whole-study randomness was given no seed
 *       of their own ({@code new SobolSampler()}, {@code GridSampler.shuffled(n)}) take
 *       this one.</li>
 *   <li><b>store</b>: a fresh in-memory store, gone when the program ends; see
 *       {@link #store} and {@link #storeAt} for who closes what.</li>
 * </ul>
 */
public final class TunerBuilder {
    final SearchSpace space;
    String name = "study-" + Long.toString(System.currentTimeMillis(), 36);
    Direction direction = Direction.MINIMIZE;
    private boolean directionGiven;
    Sampler sampler;
    Scheduler scheduler = Scheduler.none();
    long seed = new SplittableRandom().nextLong();
    long maxResource = 1;
    private boolean maxResourceGiven;
    int workers = 1;
    StudyStore store;
    private Path storeFile;
    String specJson = "{}";
    boolean resume;
    int retries;
    String runner = "library";
    Duration leaseTimeout = Tuner.DEFAULT_LEASE_TIMEOUT;
    int stopAfterFailures = Tuner.DEFAULT_STOP_AFTER_FAILURES;
    TrialExecutor executor;
    /** What {@link #build()} settled for the tuner it is making; set during {@link #build()} only. */
    Built built;

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

    /** Whether smaller or larger values are better; default {@link Direction#MINIMIZE}. */
    public TunerBuilder direction(Direction d) {
        this.direction = Objects.requireNonNull(d);
        this.directionGiven = true;
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

    /**
     * The largest resource (steps, epochs, budget units) one trial may use: what
     * {@code TrialContext.budget()} is for a trial that runs to the end. Default 1, and
     * required with a scheduler that works in rungs (see the class comment).
     */
    public TunerBuilder maxResource(long r) {
        if (r < 1) {
            throw new IllegalArgumentException("maxResource must be at least 1, got " + r);
        }
        this.maxResource = r;
        this.maxResourceGiven = true;
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

    /**
     * Where the study is kept; default a fresh in-memory store. The store stays the
     * caller's: {@link Tuner#close()} leaves it open, so one store can serve several tuners
     * in turn, and the caller closes it after the last (try-with-resources around both).
     * To have the tuner open and close a SQLite file itself, use {@link #storeAt}.
     */
    public TunerBuilder store(StudyStore s) {
        this.store = Objects.requireNonNull(s);
        return this;
    }

    /**
     * Keeps the study in the SQLite file at {@code file} (created if missing), opened by
     * {@link #build()} and closed by {@link Tuner#close()}: the tuner owns this store. Not
     * together with {@link #store}.
     */
    public TunerBuilder storeAt(Path file) {
        this.storeFile = Objects.requireNonNull(file, "file");
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

    /**
     * Opens or creates the study.
     *
     * @throws IllegalStateException if a setting is missing or ambiguous: no sampler, a
     *     scheduler that works in rungs without {@link #maxResource}, two stores
     */
    public Tuner build() {
        if (sampler == null) {
            throw new IllegalStateException("a sampler is required: Tuner.builder(space).sampler(new TpeSampler())");
        }
        if (scheduler instanceof DescribesRungs && !maxResourceGiven) {
            throw new IllegalStateException(scheduler.getClass().getSimpleName() + " works in rungs up to the"
                    + " study's maximum resource, which has no default: give it with maxResource(R), the"
                    + " resource (epochs, steps) a trial that runs to the end uses");
        }
        if (store != null && storeFile != null) {
            throw new IllegalStateException("give the study one store: store(...) or storeAt(" + storeFile + ")");
        }
        StudyStore s = storeFile != null ? SqliteStudyStore.open(storeFile) : store != null ? store
                : new InMemoryStudyStore();
        try {
            Direction d = resume && !directionGiven
                    ? s.findStudy(name).map(StudyRecord::direction).orElse(direction) : direction;
            built = new Built(StudySeeded.seeded(sampler, seed), s, storeFile != null, d);
            return new Tuner(this);
        } catch (RuntimeException e) {
            if (storeFile != null) {
                s.close();
            }
            throw e;
        } finally {
            built = null;
        }
    }

    /** What {@link #build()} settled for the tuner it makes, leaving the settings as given. */
    record Built(Sampler sampler, StudyStore store, boolean ownsStore, Direction direction) {
    }
}
