package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.StudySeeded;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.InMemoryStudyStore;
import dev.rungs.store.LineageEntry;
import dev.rungs.store.StudyState;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.RungsVersion;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs one study: the ask/tell core, and {@link #optimize} built on it.
 *
 * <p>One engine thread owns the sampler, the scheduler and the trial history; every public
 * method hands its work to that thread, so the class is thread-safe and samplers and
 * schedulers need no locks. Each change of a trial is saved to the {@link StudyStore} first
 * and then published as a {@link TrialEvent}.
 *
 * <pre>{@code
 * Tuner tuner = Tuner.builder(space).sampler(new TpeSampler()).seed(7).build();
 * Trial t = tuner.ask();
 * tuner.tell(t.number(), f(t.config()));
 * }</pre>
 */
public final class Tuner implements AutoCloseable {
    /** Attribute: resource a trial has consumed over all its runs, so a resumed study knows its total. */
    public static final String RESOURCE_USED = Trial.RESOURCE_USED;
    /** Attribute: the interrupted trial this one retries. */
    public static final String RETRY_OF = "retry_of";
    /**
     * Attribute of a trial paused because its run was asked to stop: the budget it was running
     * at. The next run resumes such trials before anything else, whatever the scheduler.
     */
    public static final String PAUSED_BY_STOP = "paused_by_stop";
    /** The failure reason of a trial whose run was cut short by a crash or an interrupt, not by its own fault. */
    public static final String INTERRUPTED = Trial.INTERRUPTED;
    /** How long a study's lease stays live without a heartbeat, unless the builder says otherwise. */
    public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofSeconds(30);
    /** Same failures in a row, with no success before, after which a study stops by default. */
    public static final int DEFAULT_STOP_AFTER_FAILURES = 5;

    private final String name;
    private final SearchSpace space;
    private final Direction direction;
    private final Sampler sampler;
    private final Scheduler scheduler;
    private final long seed;
    private final long maxResource;
    private final int workers;
    private final StudyStore store;
    /** Whether the tuner opened the store ({@link Builder#storeAt}) and so closes it. */
    private final boolean ownsStore;
    private final StudyRecord study;
    private final LeaseKeeper lease;
    private final FailureWatch failures;
    /** The run going on, if any, so that losing the lease can stop it. */
    private volatile Run activeRun;

    private final EngineThread engine;
    private final MutableTrialHistory history;
    private final Map<Integer, RunningTrial> running = new HashMap<>();
    /** WAITING trials (enqueued or retried) in the order they run. */
    private final Deque<Integer> waiting = new ArrayDeque<>();
    private final List<Consumer<TrialEvent>> listeners = new CopyOnWriteArrayList<>();
    private long resourceUsed;
    private int interrupted;

    private Tuner(Builder b) {
        this.name = b.name;
        this.space = b.space;
        this.direction = b.built.direction();
        this.sampler = b.built.sampler();
        this.scheduler = b.scheduler;
        this.seed = b.seed;
        this.maxResource = b.maxResource;
        this.workers = b.workers;
        this.store = b.built.store();
        this.ownsStore = b.built.ownsStore();
        this.engine = new EngineThread(name);
        this.history = new MutableTrialHistory(direction);
        this.failures = new FailureWatch(b.stopAfterFailures);
        if (b.resume) {
            this.study = store.findStudy(name).orElseThrow(() ->
                    new IllegalArgumentException("there is no study named '" + name + "' to resume"));
            if (study.direction() != direction) {
                throw new IllegalArgumentException("study '" + name + "' was made to " + study.direction()
                        + ", not " + direction);
            }
        } else {
            this.study = store.createStudy(name, direction, b.specJson, provenance());
        }
        // The lease comes before anything is read for running: only its holder may decide that
        // RUNNING trials belong to a runner that is gone.
        this.lease = LeaseKeeper.take(store, study.id(), b.runner, b.leaseTimeout, this::leaseLost);
        try {
            if (b.resume) {
                load(store.trials(study.id()), b.retries);
                store.setStudyState(study.id(), StudyState.RUNNING);
            }
        } catch (RuntimeException e) {
            lease.close();
            engine.close();
            throw e;
        }
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

    /**
     * Takes over a stored study's trials. Trials left RUNNING by a process that died are marked
     * FAIL ("interrupted") and, while {@code retries} allows, queued again as new trials with the
     * same configuration.
     */
    private void load(List<Trial> stored, int retries) {
        Instant now = Instant.now();
        List<Trial> interrupted = new ArrayList<>();
        for (Trial t : stored) {
            if (t.state() == TrialState.RUNNING) {
                t = t.withAttr(Trial.FAIL_REASON, INTERRUPTED).withState(TrialState.FAIL, now);
                store.saveTrial(study.id(), t);
                interrupted.add(t);
            }
            history.put(t);
            if (t.state() == TrialState.WAITING) {
                waiting.add(t.number());
            }
            if (isInterrupted(t)) {
                this.interrupted++;
            }
            failures.ended(t);
            resourceUsed += Long.parseLong(t.attrs().getOrDefault(RESOURCE_USED, "0"));
        }
        for (Trial t : interrupted) {
            if (retryDepth(t) < retries) {
                waitingTrial(t.config(), Map.of(RETRY_OF, Integer.toString(t.number())));
            }
        }
    }

    private int retryDepth(Trial t) {
        int depth = 0;
        while (t.attrs().containsKey(RETRY_OF)) {
            t = history.get(Integer.parseInt(t.attrs().get(RETRY_OF)));
            depth++;
        }
        return depth;
    }

    /** Adds a WAITING trial that the next free worker (or {@link #ask}) runs before sampling anew. */
    private Trial waitingTrial(Config config, Map<String, String> attrs) {
        Trial t = add(new Trial(history.nextNumber(), TrialState.WAITING, config, java.util.OptionalDouble.empty(),
                new java.util.TreeMap<>(), attrs, null, null, OptionalInt.empty()));
        waiting.add(t.number());
        return t;
    }

    /**
     * Adds a new trial through the store, which gives it its number. Under the lease that number
     * is always the next one of this history (the sampler's random stream was derived from it);
     * anything else means another program wrote the study, and continuing would mix two runs.
     */
    private Trial add(Trial t) {
        Trial stored = store.addTrial(study.id(), t);
        if (stored.number() != t.number()) {
            throw new IllegalStateException("study '" + name + "' got trial number " + stored.number() + " where this"
                    + " runner expected " + t.number() + ": another program has written to the study");
        }
        history.put(stored);
        return stored;
    }

    /** Starts a builder for a study over {@code space}. */
    public static Builder builder(SearchSpace space) {
        return new Builder(space);
    }

    private Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sampler", sampler.getClass().getSimpleName());
        p.put("sampler_settings", sampler.toString());
        p.put("scheduler", scheduler.getClass().getSimpleName());
        p.put("scheduler_settings", scheduler.toString());
        p.put("seed", Long.toString(seed));
        p.put("rungs_version", RungsVersion.VERSION);
        return p;
    }

    // ------------------------------------------------------------------ public API

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

    /** Number of worker threads {@link #optimize} uses. */
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
        return engine.call(() -> waitingTrial(config, Map.of()));
    }

    /** Proposes a new trial and marks it running. Report on it, then {@link #tell} its value. */
    public Trial ask() {
        return engine.call(() -> startNew(new Work.NewTrial(maxResource, Map.of())));
    }

    /**
     * Records an intermediate value of a running trial and returns the scheduler's decision.
     * After STOP or PAUSE, {@link #tell} ends the trial as PRUNED or PAUSED.
     */
    public Decision report(int trialNumber, long step, double value) {
        return engine.call(() -> onReport(trialNumber, step, value));
    }

    /**
     * Finishes a running trial with its value: COMPLETE, or PRUNED/PAUSED if its scheduler
     * said so; NaN or infinity make it FAIL.
     */
    public Trial tell(int trialNumber, double value) {
        return engine.call(() -> finish(trialNumber, value));
    }

    /** Marks a running trial as failed with the reason. */
    public Trial tellFailure(int trialNumber, String reason) {
        return engine.call(() -> fail(trialNumber, reason));
    }

    /** A snapshot of all trials. */
    public List<Trial> trials() {
        return engine.call(() -> List.copyOf(history.trials()));
    }

    /** The best completed trial so far. */
    public Optional<Trial> best() {
        return engine.call(history::best);
    }

    /**
     * Calls {@code listener} for every event, on the engine thread; it must return quickly.
     *
     * @return a handle that unsubscribes when run
     */
    public Runnable subscribe(Consumer<TrialEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Runs {@code objective} on the workers until {@code budget} is reached; returns at once. */
    public RunHandle start(Objective objective, Budget budget) {
        return new Run(this, objective, budget).start();
    }

    /** Runs {@code objective} on the workers until {@code budget} is reached, and waits. */
    public StudyResult optimize(Objective objective, Budget budget) {
        return start(objective, budget).await();
    }

    /**
     * Ends the tuner: gives up the study's lease and stops the engine thread. It closes the store
     * only if it opened it ({@link Builder#storeAt}); a store given to {@link Builder#store} is
     * the caller's to close.
     */
    @Override
    public void close() {
        try {
            lease.close();
            engine.close();
        } finally {
            if (ownsStore) {
                store.close();
            }
        }
    }

    // ------------------------------------------------------------------ engine-thread internals

    EngineThread engine() {
        return engine;
    }

    TrialHistory history() {
        return history;
    }

    Sampler sampler() {
        return sampler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    long resourceUsed() {
        return resourceUsed;
    }

    /**
     * Trials that count against a trial budget: all but those waiting to run and those an
     * interruption ended, so a study resumed after a crash still ends with its budget of trials.
     */
    int countedTrials() {
        return history.trials().size() - waiting.size() - interrupted;
    }

    /** Why the study should stop because its first trials all failed alike, if they did. */
    Optional<String> repeatedFailure() {
        return failures.verdict().map(r -> "the first " + failures.limit() + " trials all failed: "
                + FailureReasons.oneLine(r, 300));
    }

    void runStarted(Run r) {
        activeRun = r;
    }

    void runEnded(Run r) {
        if (activeRun == r) {
            activeRun = null;
        }
    }

    int runningCount() {
        return running.size();
    }

    RunningTrial runningTrial(int number) {
        RunningTrial r = running.get(number);
        if (r == null) {
            throw new IllegalStateException("trial " + number + " is not running");
        }
        return r;
    }

    /** Samples a configuration and starts a trial with it. */
    Trial startNew(Work.NewTrial work) {
        Trial t;
        if (!waiting.isEmpty()) {
            Trial queued = history.get(waiting.poll());
            for (Map.Entry<String, String> e : work.attrs().entrySet()) {
                queued = queued.withAttr(e.getKey(), e.getValue());
            }
            t = new Trial(queued.number(), TrialState.RUNNING, queued.config(), queued.value(),
                    queued.intermediate(), queued.attrs(), Instant.now(), null, queued.parent());
            save(t);
        } else {
            int number = history.nextNumber();
            Proposal p = sampler.propose(history, space, streamFor(number, 0));
            Map<String, String> attrs = new LinkedHashMap<>(p.attrs());
            attrs.putAll(work.attrs());
            t = add(Trial.running(number, p.config(), attrs, Instant.now()));
        }
        int number = t.number();
        running.put(number, new RunningTrial(number, work.budget(), streamFor(number, 1)));
        publish(new TrialEvent.Started(t));
        return t;
    }

    /** The first trial a stop request paused, as work that resumes it at its budget; null if none. */
    Work.Resume nextPausedByStop() {
        for (Trial t : history.trials()) {
            String budget = t.attrs().get(PAUSED_BY_STOP);
            if (t.state() == TrialState.PAUSED && budget != null) {
                return new Work.Resume(t.number(), Long.parseLong(budget), Map.of());
            }
        }
        return null;
    }

    /** Runs a paused trial again with a larger budget, from its own checkpoint. */
    Trial resume(Work.Resume work) {
        Trial t = history.get(work.trialNumber());
        if (t.state() != TrialState.PAUSED) {
            throw new IllegalStateException("scheduler asked to resume trial " + t.number() + " in state " + t.state());
        }
        t = t.withoutAttr(PAUSED_BY_STOP);
        for (Map.Entry<String, String> e : work.attrs().entrySet()) {
            t = t.withAttr(e.getKey(), e.getValue());
        }
        t = t.withState(TrialState.RUNNING, Instant.now());
        RunningTrial r = new RunningTrial(t.number(), work.budget(), streamFor(t.number(), 2 + t.lastStep()));
        r.restore = store.checkpoint(study.id(), t.number()).orElse(null);
        r.restoreStep = t.lastStep();
        running.put(t.number(), r);
        save(t);
        publish(new TrialEvent.Resumed(t, work.budget()));
        return t;
    }

    Decision onReport(int number, long step, double value) {
        RunningTrial r = runningTrial(number);
        Trial t = history.get(number);
        if (r.pendingEnd != null) {
            r.endDelivered = true;
            return r.pendingEnd;
        }
        if (!Double.isFinite(value)) {
            // A diverged trial is reported as-is but cannot be ranked; stop spending on it.
            t = t.withReport(step, value);
            r.pendingEnd = Decision.STOP;
            save(t);
            publish(new TrialEvent.Reported(t, step, value, Decision.STOP));
            return Decision.STOP;
        }
        t = t.withReport(step, value);
        countResource(r, step);
        save(t);
        Decision d = scheduler.onReport(t, step, value, history);
        if (d instanceof Decision.Stop || d instanceof Decision.Pause) {
            r.pendingEnd = d;
            r.endDelivered = true;
        }
        publish(new TrialEvent.Reported(t, step, value, d));
        if (d instanceof Decision.Exploit ex) {
            exploit(r, history.get(number), ex, step);
        }
        return d;
    }

    /** Asks every running trial to pause at its next report (a stop request). */
    void pauseAllAtNextReport() {
        for (RunningTrial r : running.values()) {
            pauseByStop(r);
        }
    }

    private static void pauseByStop(RunningTrial r) {
        if (r.pendingEnd == null) {
            r.pendingEnd = Decision.PAUSE;
            r.pausedByStop = true;
        }
    }

    /**
     * Ends a trial whose objective ended at once because its run was stopped
     * ({@code TrialStoppedException}): PAUSED by the stop, so the next run resumes it first from
     * its checkpoint, unless its scheduler had already decided its end.
     */
    Trial endStopped(int number) {
        RunningTrial r = runningTrial(number);
        pauseByStop(r);
        r.endDelivered = true;
        // It counts the resource it reported, not its whole budget: the rest is still to be run.
        r.reported = true;
        return finish(number, Double.NaN);
    }

    private void exploit(RunningTrial r, Trial t, Decision.Exploit ex, long step) {
        byte[] donorState = store.checkpoint(study.id(), ex.donorTrial()).orElseThrow(() ->
                new IllegalStateException("exploit of trial " + t.number() + " names donor " + ex.donorTrial()
                        + ", which has no checkpoint"));
        Config newConfig = space.validate(ex.newConfig().values());
        Trial updated = t.withConfig(newConfig, OptionalInt.of(ex.donorTrial()));
        r.restore = donorState;
        store.saveLineage(study.id(), new LineageEntry(t.number(), ex.donorTrial(), step, t.config(), newConfig,
                Instant.now()));
        save(updated);
        publish(new TrialEvent.Exploited(updated, ex.donorTrial(), step, t.config(), newConfig));
    }

    private void countResource(RunningTrial r, long step) {
        r.reported = true;
        if (step > r.highWater) {
            resourceUsed += step - r.highWater;
            r.highWater = step;
        }
    }

    Trial finish(int number, double value) {
        RunningTrial r = runningTrial(number);
        if (r.pausedByStop && !r.endDelivered) {
            // It never reported after the stop request, so it never heard of it and ran to its
            // end: its result stands, to be judged like any other.
            r.pendingEnd = null;
            r.pausedByStop = false;
        }
        if (!r.reported && r.pendingEnd == null && Double.isFinite(value) && scheduler.judgesResults()) {
            // A budget objective: its result is its one report, at the budget it was given.
            onReport(number, r.budget, value);
        }
        Trial t = history.get(number);
        if (r.pendingEnd instanceof Decision.Pause) {
            // Paused by a stop request: the next run resumes it first, at the budget it had.
            return end(r, r.pausedByStop ? t.withAttr(PAUSED_BY_STOP, Long.toString(r.budget)) : t, TrialState.PAUSED);
        }
        if (r.pendingEnd instanceof Decision.Stop) {
            double last = Double.isFinite(value) ? value
                    : t.intermediate().isEmpty() ? Double.NaN : t.intermediate().get(t.lastStep());
            return end(r, Double.isFinite(last) ? t.withValue(last) : t, TrialState.PRUNED);
        }
        if (!Double.isFinite(value)) {
            return fail(number, "objective returned " + value);
        }
        return end(r, t.withValue(value), TrialState.COMPLETE);
    }

    Trial fail(int number, String reason) {
        RunningTrial r = runningTrial(number);
        Trial t = history.get(number).withAttr(Trial.FAIL_REASON, reason);
        return end(r, t, TrialState.FAIL);
    }

    private Trial end(RunningTrial r, Trial t, TrialState state) {
        long used = r.reported ? r.highWater - Math.min(r.highWater, r.restoredFrom) : r.budget;
        if (!r.reported) {
            resourceUsed += r.budget;
        }
        long before = Long.parseLong(t.attrs().getOrDefault(RESOURCE_USED, "0"));
        running.remove(t.number());
        Trial ended = t.withAttr(RESOURCE_USED, Long.toString(before + used)).withState(state, Instant.now());
        save(ended);
        failures.ended(ended);
        if (isInterrupted(ended)) {
            interrupted++;
        }
        publish(switch (state) {
            case COMPLETE -> new TrialEvent.Completed(ended);
            case PRUNED -> new TrialEvent.Pruned(ended);
            case PAUSED -> new TrialEvent.Paused(ended);
            case FAIL -> new TrialEvent.Failed(ended, ended.attrs().get(Trial.FAIL_REASON));
            default -> throw new IllegalStateException("a trial cannot end as " + state);
        });
        return ended;
    }

    /** Ends a PAUSED trial as PRUNED (not promoted at a decided rung), keeping its last value. */
    Trial prunePaused(Work.Prune work) {
        Trial t = history.get(work.trialNumber());
        if (t.state() != TrialState.PAUSED) {
            throw new IllegalStateException("scheduler asked to prune trial " + t.number() + " in state " + t.state());
        }
        for (Map.Entry<String, String> e : work.attrs().entrySet()) {
            t = t.withAttr(e.getKey(), e.getValue());
        }
        if (!t.intermediate().isEmpty() && Double.isFinite(t.intermediate().get(t.lastStep()))) {
            t = t.withValue(t.intermediate().get(t.lastStep()));
        }
        Trial ended = t.withState(TrialState.PRUNED, Instant.now());
        save(ended);
        failures.ended(ended);
        publish(new TrialEvent.Pruned(ended));
        return ended;
    }

    byte[] restoreCheckpoint(int number) {
        RunningTrial r = runningTrial(number);
        if (r.restore == null) {
            return null;
        }
        if (r.restoreStep > r.highWater) {
            r.highWater = r.restoreStep;
            r.restoredFrom = r.restoreStep;
        }
        return r.restore.clone();
    }

    void saveCheckpoint(int number, byte[] state) {
        runningTrial(number);
        store.saveCheckpoint(study.id(), number, state);
    }

    void setUserAttr(int number, String key, String value) {
        runningTrial(number);
        Trial t = history.get(number).withAttr(Trial.USER_ATTR_PREFIX + key, value);
        save(t);
    }

    void setState(StudyState state) {
        store.setStudyState(study.id(), state);
    }

    void publish(TrialEvent e) {
        for (Consumer<TrialEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                System.getLogger(Tuner.class.getName()).log(System.Logger.Level.WARNING,
                        "an event listener failed on " + e.getClass().getSimpleName(), ex);
            }
        }
    }

    private void save(Trial t) {
        store.saveTrial(study.id(), t);
        history.put(t);
    }

    /**
     * A random stream for one purpose of one trial, derived from the study seed alone, so that
     * proposals do not depend on which thread asked first.
     */
    private SplittableRandom streamFor(int number, long purpose) {
        return new SplittableRandom(mix(mix(seed) + number * 0x9E3779B97F4A7C15L + purpose));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

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
    public static final class Builder {
        private final SearchSpace space;
        private String name = "study-" + Long.toString(System.currentTimeMillis(), 36);
        private Direction direction = Direction.MINIMIZE;
        private boolean directionGiven;
        private Sampler sampler;
        private Scheduler scheduler = Scheduler.none();
        private long seed = new SplittableRandom().nextLong();
        private long maxResource = 1;
        private boolean maxResourceGiven;
        private int workers = 1;
        private StudyStore store;
        private Path storeFile;
        private String specJson = "{}";
        private boolean resume;
        private int retries;
        private String runner = "library";
        private Duration leaseTimeout = DEFAULT_LEASE_TIMEOUT;
        private int stopAfterFailures = DEFAULT_STOP_AFTER_FAILURES;
        /** Set during {@link #build()} only. */
        private Built built;

        private Builder(SearchSpace space) {
            this.space = Objects.requireNonNull(space, "space");
        }

        public Builder name(String n) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("a study name must not be blank");
            }
            this.name = n;
            return this;
        }

        /** Whether smaller or larger values are better; default {@link Direction#MINIMIZE}. */
        public Builder direction(Direction d) {
            this.direction = Objects.requireNonNull(d);
            this.directionGiven = true;
            return this;
        }

        public Builder minimize() {
            return direction(Direction.MINIMIZE);
        }

        public Builder maximize() {
            return direction(Direction.MAXIMIZE);
        }

        public Builder sampler(Sampler s) {
            this.sampler = Objects.requireNonNull(s);
            return this;
        }

        public Builder scheduler(Scheduler s) {
            this.scheduler = Objects.requireNonNull(s);
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * The largest resource (steps, epochs, budget units) one trial may use: what
         * {@code TrialContext.budget()} is for a trial that runs to the end. Default 1, and
         * required with a scheduler that works in rungs (see the class comment).
         */
        public Builder maxResource(long r) {
            if (r < 1) {
                throw new IllegalArgumentException("maxResource must be at least 1, got " + r);
            }
            this.maxResource = r;
            this.maxResourceGiven = true;
            return this;
        }

        /** Parallel worker threads for {@link Tuner#optimize}; default 1. */
        public Builder workers(int n) {
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
        public Builder store(StudyStore s) {
            this.store = Objects.requireNonNull(s);
            return this;
        }

        /**
         * Keeps the study in the SQLite file at {@code file} (created if missing), opened by
         * {@link #build()} and closed by {@link Tuner#close()}: the tuner owns this store. Not
         * together with {@link #store}.
         */
        public Builder storeAt(Path file) {
            this.storeFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** The spec the study was made from, stored for provenance. */
        public Builder specJson(String json) {
            this.specJson = Objects.requireNonNull(json);
            return this;
        }

        /**
         * Continue the stored study of this name instead of creating one: its trials are loaded,
         * trials a dead process left running are marked FAIL ("interrupted"), and samplers
         * propose from the whole history.
         */
        public Builder resume() {
            this.resume = true;
            return this;
        }

        /** How many times a trial interrupted by a crash is queued again on resume; default 0. */
        public Builder retries(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("retries must not be negative");
            }
            this.retries = n;
            return this;
        }

        /** What runs the study, as its lease names it to other runners ({@code rungs run}, {@code workbench}); default {@code library}. */
        public Builder runner(String r) {
            this.runner = Objects.requireNonNull(r);
            return this;
        }

        /**
         * How long the study's lease stays live without a heartbeat; after that another runner
         * may take the study over (at once if this process is gone from the same machine).
         * Default {@link #DEFAULT_LEASE_TIMEOUT}.
         */
        public Builder leaseTimeout(Duration d) {
            this.leaseTimeout = dev.rungs.store.Leases.checkTimeout(d);
            return this;
        }

        /**
         * Stop the study when its first {@code n} ended trials all failed with the same reason
         * (and none succeeded); 0 never stops. Default {@link #DEFAULT_STOP_AFTER_FAILURES}.
         */
        public Builder stopAfterFailures(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("stopAfterFailures must not be negative");
            }
            this.stopAfterFailures = n;
            return this;
        }

        /**
         * Opens or creates the study.
         *
         * @throws IllegalStateException if a setting is missing or ambiguous: no sampler, a
         *     scheduler that works in rungs without {@link #maxResource}
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
            if (store == null && storeFile == null) {
                store = new InMemoryStudyStore();
            }
            StudyStore s = storeFile != null ? SqliteStudyStore.open(storeFile) : store;
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
        private record Built(Sampler sampler, StudyStore store, boolean ownsStore, Direction direction) {
        }
    }
}
