package dev.rungs.engine;

import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.store.LineageEntry;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialChange;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every change of a trial's state: start, report, pause, resume, prune, exploit, end. Owns the
 * history, the sampler and the scheduler; engine thread only, so none of them needs a lock.
 * Each change is saved to the store first and then published as a {@link TrialEvent}.
 */
final class TrialLifecycle {
    private final String studyName;
    private final long studyId;
    private final SearchSpace space;
    private final Sampler sampler;
    private final Scheduler scheduler;
    private final TrialSeeds seeds;
    private final StudyStore store;
    private final MutableTrialHistory history;
    private final ResourceMeter meter = new ResourceMeter();
    private final FailureWatch failures;
    private final RunningTrials running = new RunningTrials();
    /** WAITING trials (enqueued or retried) in the order they run. */
    private final Deque<Integer> waiting = new ArrayDeque<>();
    /** PAUSED trials a stop request paused, which the next run resumes first, in number order. */
    private final TreeSet<Integer> pausedByStop = new TreeSet<>();
    private final List<Consumer<TrialEvent>> listeners = new CopyOnWriteArrayList<>();
    private int interrupted;
    /** Counts trials starting and ending, so a caller can tell that nothing has changed since it last looked. */
    private long transitions;

    TrialLifecycle(String studyName, long studyId, SearchSpace space, Sampler sampler, Scheduler scheduler, long seed,
            StudyStore store, MutableTrialHistory history, FailureWatch failures) {
        this.studyName = studyName;
        this.studyId = studyId;
        this.space = space;
        this.sampler = sampler;
        this.scheduler = scheduler;
        this.seeds = new TrialSeeds(seed);
        this.store = store;
        this.history = history;
        this.failures = failures;
    }

    MutableTrialHistory history() {
        return history;
    }

    SearchSpace space() {
        return space;
    }

    Sampler sampler() {
        return sampler;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    long resourceUsed() {
        return meter.used();
    }

    List<Consumer<TrialEvent>> listeners() {
        return listeners;
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

    /** How many times a trial has started or ended so far; a scheduler's answer can only change with it. */
    long transitions() {
        return transitions;
    }

    /** The trials running now, and the study's decisions about them at their next report. */
    RunningTrials running() {
        return running;
    }

    RunningTrial runningTrial(int number) {
        return running.get(number);
    }

    /** Takes a stored trial into the history when a study is resumed. */
    void adopt(Trial t) {
        history.put(t);
        if (t.state() == TrialState.WAITING) {
            waiting.add(t.number());
        }
        if (t.state() == TrialState.PAUSED && TrialFact.PAUSED_BY_STOP.isIn(t)) {
            pausedByStop.add(t.number());
        }
        if (t.isInterrupted()) {
            interrupted++;
        }
        failures.ended(t);
        meter.adopt(t);
    }

    /** Adds a WAITING trial that the next free worker (or {@code ask}) runs before sampling anew. */
    Trial queue(Config config, Map<String, String> attrs) {
        Trial t = add(new Trial(history.nextNumber(), TrialState.WAITING, config, OptionalDouble.empty(),
                new TreeMap<>(), attrs, null, null, OptionalInt.empty()));
        waiting.add(t.number());
        return t;
    }

    /**
     * Adds a new trial through the store, which gives it its number. Under the lease that number
     * is always the next one of this history (the sampler's random stream was derived from it);
     * anything else means another program wrote the study, and continuing would mix two runs.
     */
    private Trial add(Trial t) {
        Trial stored = store.addTrial(studyId, t);
        if (stored.number() != t.number()) {
            throw new IllegalStateException("study '" + studyName + "' got trial number " + stored.number()
                    + " where this runner expected " + t.number() + ": another program has written to the study");
        }
        history.put(stored);
        return stored;
    }

    /** Starts the first waiting trial, or a new one with a configuration from the sampler. */
    Trial startNew(Work.NewTrial work) {
        Trial t;
        if (!waiting.isEmpty()) {
            Trial queued = history.get(waiting.poll());
            for (Map.Entry<String, String> e : work.attrs().entrySet()) {
                queued = queued.withAttr(e.getKey(), e.getValue());
            }
            t = new Trial(queued.number(), TrialState.RUNNING, queued.config(), queued.value(),
                    queued.intermediate(), queued.attrs(), Instant.now(), null, queued.parent());
            save(t, TrialChange.row().andAttrs(work.attrs().keySet()));
        } else {
            int number = history.nextNumber();
            Proposal p = sampler.propose(history, space, new SplittableRandom(seeds.of(number, 0)));
            Map<String, String> attrs = new LinkedHashMap<>(p.attrs());
            attrs.putAll(work.attrs());
            t = add(Trial.running(number, p.config(), attrs, Instant.now()));
        }
        int number = t.number();
        running.started(new RunningTrial(number, work.budget(), seeds.of(number, 1)));
        transitions++;
        publish(new TrialEvent.Started(t));
        return t;
    }

    /** The first trial a stop request paused, as work that resumes it at its budget; null if none. */
    Work.Resume nextPausedByStop() {
        if (pausedByStop.isEmpty()) {
            return null;
        }
        Trial t = history.get(pausedByStop.first());
        return new Work.Resume(t.number(), TrialFact.PAUSED_BY_STOP.in(t).orElseThrow(), Map.of());
    }

    /** Runs a paused trial again with a larger budget, from its own checkpoint. */
    Trial resume(Work.Resume work) {
        Trial t = history.get(work.trialNumber());
        if (t.state() != TrialState.PAUSED) {
            throw new IllegalStateException("scheduler asked to resume trial " + t.number() + " in state " + t.state());
        }
        TrialChange change = TrialChange.row().andAttrs(work.attrs().keySet());
        if (TrialFact.PAUSED_BY_STOP.isIn(t)) {
            change = change.andAttrs(TrialFact.PAUSED_BY_STOP.key());
        }
        t = withAttrs(TrialFact.PAUSED_BY_STOP.off(t), work.attrs()).withState(TrialState.RUNNING, Instant.now());
        pausedByStop.remove(t.number());
        transitions++;
        RunningTrial r = new RunningTrial(t.number(), work.budget(), seeds.of(t.number(), 2 + t.lastStep()));
        r.restore = store.checkpoint(studyId, t.number()).orElse(null);
        r.restoreStep = t.lastStep();
        running.started(r);
        save(t, change);
        publish(new TrialEvent.Resumed(t, work.budget()));
        return t;
    }

    /** A report whose answer the trial waits for. */
    Decision onReport(int number, long step, double value) {
        return onReport(number, step, value, true);
    }

    /**
     * Records a report and returns the decision; {@code answered} is false for a report the
     * worker already answered CONTINUE (queued), whose decision the trial never hears.
     */
    Decision onReport(int number, long step, double value, boolean answered) {
        RunningTrial r = runningTrial(number);
        Trial t = history.get(number);
        if (r.pendingEnd != null && r.cutByBudget && !r.reachesBudget(step, value)) {
            // The step was run: it counts, and its value is the one the trial ends with.
            t = t.withReport(step, value);
            if (Double.isFinite(value)) {
                meter.reported(r, step);
            }
            r.endDelivered |= answered;
            save(t, TrialChange.report(step));
            publish(new TrialEvent.Reported(t, step, value, Decision.STOP));
            return Decision.STOP;
        }
        if (r.pendingEnd != null && !r.cutByBudget) {
            r.endDelivered = true;
            return r.pendingEnd;
        }
        if (!Double.isFinite(value)) {
            // A diverged trial is reported as-is but cannot be ranked; stop spending on it.
            t = t.withReport(step, value);
            r.cutByBudget = false;
            r.pendingEnd = Decision.STOP;
            save(t, TrialChange.report(step));
            publish(new TrialEvent.Reported(t, step, value, Decision.STOP));
            return Decision.STOP;
        }
        t = t.withReport(step, value);
        meter.reported(r, step);
        save(t, TrialChange.report(step));
        Decision d = scheduler.onReport(t, step, value, history);
        if (d instanceof Decision.Stop || d instanceof Decision.Pause) {
            r.endDelivered = true;
            r.cutByBudget = false;
            r.pendingEnd = d;
        }
        publish(new TrialEvent.Reported(t, step, value, d));
        if (d instanceof Decision.Exploit ex) {
            exploit(r, history.get(number), ex, step);
        }
        return d;
    }

    /**
     * Ends as PRUNED every trial its scheduler paused, with its value at its last rung: the
     * study has ended (its budget is spent) and will not promote them. Trials a stop request
     * paused stay PAUSED, for the next run resumes them first.
     */
    void pruneAllPaused() {
        for (Trial t : List.copyOf(history.trials())) {
            if (t.state() == TrialState.PAUSED && !TrialFact.PAUSED_BY_STOP.isIn(t)) {
                prunePaused(new Work.Prune(t.number(),
                        Map.ofEntries(TrialFact.OUTCOME.entry(TrialFact.RungOutcome.STOPPED))));
            }
        }
    }

    /**
     * Ends a trial whose objective ended at once because its run was stopped
     * ({@code TrialStoppedException}): PAUSED by the stop, so the next run resumes it first from
     * its checkpoint, unless its scheduler had already decided its end.
     */
    Trial endStopped(int number) {
        RunningTrial r = runningTrial(number);
        RunningTrials.pauseByStop(r);
        r.endDelivered = true;
        // It counts the resource it reported, not its whole budget: the rest is still to be run.
        r.reported = true;
        return finish(number, Double.NaN);
    }

    private void exploit(RunningTrial r, Trial t, Decision.Exploit ex, long step) {
        byte[] donorState = store.checkpoint(studyId, ex.donorTrial()).orElseThrow(() ->
                new IllegalStateException("exploit of trial " + t.number() + " names donor " + ex.donorTrial()
                        + ", which has no checkpoint"));
        Config newConfig = space.validate(ex.newConfig().values());
        Trial updated = t.withConfig(newConfig, OptionalInt.of(ex.donorTrial()));
        r.restore = donorState;
        store.saveLineage(studyId, new LineageEntry(t.number(), ex.donorTrial(), step, t.config(), newConfig,
                Instant.now()));
        save(updated, TrialChange.exploit());
        publish(new TrialEvent.Exploited(updated, ex.donorTrial(), step, t.config(), newConfig));
    }

    /**
     * Finishes a running trial with its value: COMPLETE, or PRUNED/PAUSED if its scheduler
     * said so; NaN or infinity make it FAIL.
     */
    Trial finish(int number, double value) {
        RunningTrial r = runningTrial(number);
        if (r.pausedByStop && !r.endDelivered) {
            // It never reported after the stop request, so it never heard of it and ran to its
            // end: its result stands, to be judged like any other.
            r.pendingEnd = null;
            r.pausedByStop = false;
        }
        if (r.cutByBudget && !r.endDelivered) {
            // Likewise for the resource budget's cut: a run that never reported again (a budget
            // objective reports nothing) ran to its end, and its result is judged as usual.
            r.pendingEnd = null;
            r.cutByBudget = false;
        }
        if (!r.reported && r.pendingEnd == null && Double.isFinite(value) && scheduler.judgesResults()) {
            // A budget objective: its result is its one report, at the budget it was given.
            onReport(number, r.budget, value);
        }
        Trial t = history.get(number);
        if (r.pendingEnd instanceof Decision.Pause) {
            // Paused by a stop request: the next run resumes it first, at the budget it had.
            return r.pausedByStop
                    ? end(r, TrialFact.PAUSED_BY_STOP.on(t, r.budget), TrialState.PAUSED,
                            TrialChange.attrs(TrialFact.PAUSED_BY_STOP.key()))
                    : end(r, t, TrialState.PAUSED, TrialChange.none());
        }
        if (r.pendingEnd instanceof Decision.Stop) {
            double reported = t.intermediate().isEmpty() ? Double.NaN : t.intermediate().get(t.lastStep());
            // Cut by the budget, it ends with its last reported value, like a trial pruned at its rung.
            double last = r.cutByBudget && Double.isFinite(reported) ? reported
                    : Double.isFinite(value) ? value : reported;
            return end(r, Double.isFinite(last) ? t.withValue(last) : t, TrialState.PRUNED, TrialChange.none());
        }
        if (!Double.isFinite(value)) {
            return fail(number, "objective returned " + value);
        }
        return end(r, t.withValue(value), TrialState.COMPLETE, TrialChange.none());
    }

    /** Marks a running trial as failed with the reason. */
    Trial fail(int number, String reason) {
        RunningTrial r = runningTrial(number);
        return end(r, history.get(number).withAttr(Trial.FAIL_REASON, reason), TrialState.FAIL,
                TrialChange.attrs(Trial.FAIL_REASON));
    }

    /**
     * Ends a running trial in {@code state}. {@code t} is the trial as its caller changed it,
     * and {@code change} names the attributes that caller set; its value, like the state, is
     * part of the trial row, which an end always writes.
     */
    private Trial end(RunningTrial r, Trial t, TrialState state, TrialChange change) {
        long used = meter.ended(r);
        running.ended(t.number());
        Trial ended = TrialFact.RESOURCE_USED.on(t, t.resourceUsed() + used)
                .withState(state, Instant.now());
        save(ended, change.and(TrialChange.row()).andAttrs(TrialFact.RESOURCE_USED.key()));
        transitions++;
        if (state == TrialState.PAUSED && TrialFact.PAUSED_BY_STOP.isIn(ended)) {
            pausedByStop.add(ended.number());
        }
        failures.ended(ended);
        if (ended.isInterrupted()) {
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
        t = withAttrs(t, work.attrs());
        if (!t.intermediate().isEmpty() && Double.isFinite(t.intermediate().get(t.lastStep()))) {
            t = t.withValue(t.intermediate().get(t.lastStep()));
        }
        Trial ended = t.withState(TrialState.PRUNED, Instant.now());
        save(ended, TrialChange.row().andAttrs(work.attrs().keySet()));
        transitions++;
        failures.ended(ended);
        publish(new TrialEvent.Pruned(ended));
        return ended;
    }

    private static Trial withAttrs(Trial t, Map<String, String> attrs) {
        for (Map.Entry<String, String> e : attrs.entrySet()) {
            t = t.withAttr(e.getKey(), e.getValue());
        }
        return t;
    }

    /** The checkpoint the trial continues from (null if none); the steps it holds count as paid. */
    byte[] restoreCheckpoint(int number) {
        RunningTrial r = runningTrial(number);
        if (r.restore == null) {
            return null;
        }
        meter.restored(r);
        return r.restore.clone();
    }

    /** The trial restored the checkpoint it was handed with its assignment: its steps count as paid. */
    void restored(int number) {
        meter.restored(runningTrial(number));
    }

    void saveCheckpoint(int number, byte[] state) {
        runningTrial(number);
        store.saveCheckpoint(studyId, number, state);
    }

    void setUserAttr(int number, String key, String value) {
        runningTrial(number);
        String attr = Trial.USER_ATTR_PREFIX + key;
        save(history.get(number).withAttr(attr, value), TrialChange.attrs(attr));
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

    /** Saves {@code t}, which differs from its last saved version exactly by {@code change}. */
    private void save(Trial t, TrialChange change) {
        store.saveTrial(studyId, t, change);
        history.put(t);
    }
}
