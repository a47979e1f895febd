package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Work;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.RungsVersion;
import dev.rungs.study.Trial;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one study: the ask/tell core, and {@link #optimize} built on it.
 *
 * <p>One engine thread owns the sampler, the scheduler and the trial history
 * ({@link TrialLifecycle}); every public method hands its work to that thread, so the class is
 * thread-safe and samplers and schedulers need no locks. {@link #optimize} evaluates trials on
 * the builder's {@link TrialExecutor}, whose workers reach the engine only through a
 * {@link TrialHost}.
 *
 * <pre>{@code
 * Tuner tuner = Tuner.builder(space).sampler(new TpeSampler()).seed(7).build();
 * Trial t = tuner.ask();
 * tuner.tell(t.number(), f(t.config()));
 * }</pre>
 */
public final class Tuner implements AutoCloseable {
    /** How long a study's lease stays live without a heartbeat, unless the builder says otherwise. */
    public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofSeconds(30);
    /** Same failures in a row, with no success before, after which a study stops by default. */
    public static final int DEFAULT_STOP_AFTER_FAILURES = 5;

    private final String name;
    private final SearchSpace space;
    private final Direction direction;
    private final long maxResource;
    private final int workers;
    private final StudyStore store;
    /** Whether the tuner opened the store ({@link TunerBuilder#storeAt}) and so closes it. */
    private final boolean ownsStore;
    private final StudyRecord study;
    private final LeaseKeeper lease;
    private final EngineThread engine;
    private final TrialLifecycle trials;
    private final TrialExecutor executor;
    /** The default executor, closed with the tuner; null when the caller gave one. */
    private final LocalTrialExecutor ownExecutor;
    /** The run going on, if any, so that losing the lease can stop it. */
    private volatile Run activeRun;

    Tuner(TunerBuilder b) {
        this.name = b.name;
        this.space = b.space;
        this.direction = b.built.direction();
        this.maxResource = b.maxResource;
        this.workers = b.workers;
        this.store = b.built.store();
        this.ownsStore = b.built.ownsStore();
        if (b.resume) {
            this.study = store.findStudy(name).orElseThrow(() ->
                    new IllegalArgumentException("there is no study named '" + name + "' to resume"));
            if (study.direction() != direction) {
                throw new IllegalArgumentException("study '" + name + "' was made to " + study.direction()
                        + ", not " + direction);
            }
        } else {
            this.study = store.createStudy(name, direction, b.specJson, provenance(b));
        }
        this.engine = new EngineThread(name);
        this.trials = new TrialLifecycle(name, study.id(), space, b.built.sampler(), b.scheduler, b.seed, store,
                new MutableTrialHistory(direction), new FailureWatch(b.stopAfterFailures));
        // The lease comes before anything is read for running: only its holder may decide that
        // RUNNING trials belong to a runner that is gone.
        this.lease = LeaseKeeper.take(store, study.id(), b.runner, b.leaseTimeout, this::leaseLost);
        try {
            if (b.resume) {
                CrashRecovery.takeOver(store.trials(study.id()), b.retries, store, study.id(), trials);
                store.setStudyState(study.id(), StudyState.RUNNING);
            }
        } catch (RuntimeException e) {
            lease.close();
            engine.close();
            throw e;
        }
        this.ownExecutor = b.executor == null ? new LocalTrialExecutor() : null;
        this.executor = b.executor == null ? ownExecutor : b.executor;
    }

    private void leaseLost(RuntimeException why) {
        Run r = activeRun;
        if (r != null) {
            r.abort(why);
        }
    }

    /** Whether a trial ended because its run was cut short (a crash, an interrupt), not by its own fault. */
    public static boolean isInterrupted(Trial t) {
        return t.isInterrupted();
    }

    /** Starts a builder for a study over {@code space}. */
    public static TunerBuilder builder(SearchSpace space) {
        return new TunerBuilder(space);
    }

    private static Map<String, String> provenance(TunerBuilder b) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sampler", b.built.sampler().getClass().getSimpleName());
        p.put("sampler_settings", b.built.sampler().toString());
        p.put("scheduler", b.scheduler.getClass().getSimpleName());
        p.put("scheduler_settings", b.scheduler.toString());
        p.put("seed", Long.toString(b.seed));
        p.put("rungs_version", RungsVersion.VERSION);
        return p;
    }

    /** The study's name. */
    public String name() {
        return name;
    }

    /** The search space. */
    public SearchSpace space() {
        return space;
    }

    /** Minimise or maximise. */
    public Direction direction() {
        return direction;
    }

    /** The study as stored. */
    public StudyRecord study() {
        return study;
    }

    /** Number of workers {@link #optimize} uses. */
    public int workers() {
        return workers;
    }

    /** The largest resource one trial may use. */
    public long maxResource() {
        return maxResource;
    }

    /**
     * Queues a trial with fixed parameters; it runs before the sampler is asked again (to try a
     * known good configuration first, say).
     *
     * @throws IllegalArgumentException if the values do not fit the search space
     */
    public Trial enqueue(Map<String, ?> params) {
        Config config = space.validate(params);
        return engine.call(() -> trials.queue(config, Map.of()));
    }

    /** Proposes a new trial and marks it running. Report on it, then {@link #tell} its value. */
    public Trial ask() {
        return engine.call(() -> trials.startNew(new Work.NewTrial(maxResource, Map.of())));
    }

    /**
     * Records an intermediate value of a running trial and returns the scheduler's decision.
     * After STOP or PAUSE, {@link #tell} ends the trial as PRUNED or PAUSED.
     */
    public Decision report(int trialNumber, long step, double value) {
        return engine.call(() -> trials.onReport(trialNumber, step, value));
    }

    /**
     * Finishes a running trial with its value: COMPLETE, or PRUNED/PAUSED if its scheduler
     * said so; NaN or infinity make it FAIL.
     */
    public Trial tell(int trialNumber, double value) {
        return engine.call(() -> trials.finish(trialNumber, value));
    }

    /** Marks a running trial as failed with the reason. */
    public Trial tellFailure(int trialNumber, String reason) {
        return engine.call(() -> trials.fail(trialNumber, reason));
    }

    /** A snapshot of all trials. */
    public List<Trial> trials() {
        return engine.call(() -> List.copyOf(trials.history().trials()));
    }

    /** The best completed trial so far. */
    public Optional<Trial> best() {
        return engine.call(() -> trials.history().best());
    }

    /**
     * Calls {@code listener} for every event, on the engine thread; it must return quickly.
     *
     * @return a handle that unsubscribes when run
     */
    public Runnable subscribe(Consumer<TrialEvent> listener) {
        trials.listeners().add(listener);
        return () -> trials.listeners().remove(listener);
    }

    /** Runs {@code objective} on the workers until {@code budget} is reached; returns at once. */
    public RunHandle start(Objective objective, Budget budget) {
        Run run = new Run(this, budget);
        activeRun = run;
        return run.start(executor, objective);
    }

    /** Runs {@code objective} on the workers until {@code budget} is reached, and waits. */
    public StudyResult optimize(Objective objective, Budget budget) {
        return start(objective, budget).await();
    }

    /**
     * Ends the tuner: gives up the study's lease and stops the engine thread and the default
     * executor. It closes the store only if it opened it ({@link TunerBuilder#storeAt}); a store
     * given to {@link TunerBuilder#store} is the caller's to close.
     */
    @Override
    public void close() {
        try {
            lease.close();
            engine.close();
            if (ownExecutor != null) {
                ownExecutor.close();
            }
        } finally {
            if (ownsStore) {
                store.close();
            }
        }
    }

    EngineThread engine() {
        return engine;
    }

    /** The trials' state machine; engine thread only. */
    TrialLifecycle lifecycle() {
        return trials;
    }

    void setState(StudyState state) {
        store.setStudyState(study.id(), state);
    }

    void runEnded(Run r) {
        if (activeRun == r) {
            activeRun = null;
        }
    }
}
