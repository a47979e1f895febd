package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.objective.StopSignal;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Work;
import dev.rungs.space.Config;
import dev.rungs.store.StudyState;
import dev.rungs.study.Trial;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One call of {@link Tuner#start}: the engine side of the workers. It is the {@link TrialHost}
 * the executor's workers talk to, decides what each free worker does next, and ends the run
 * when the budget is reached.
 *
 * <p>Reports a decision is known for in advance (the scheduler
 * {@linkplain dev.rungs.scheduler.Scheduler#decidesOnlyAtBudget decides only at the budget}, and
 * nothing has marked the trial to end) are queued to the engine and answered CONTINUE at once,
 * so workers do not wait in line for the engine thread at every step. Checkpoints saved, user
 * attributes and outcomes are queued too, and a resumed trial's own checkpoint is handed out
 * from what the engine gave with the assignment. The engine runs queued calls and round trips
 * alike in the order they were made, so a worker's next round trip sees all its queued calls.
 *
 * <p><b>Resource budget.</b> Every report, queued or not, counts its steps on the worker's
 * thread ({@link ResourceGauge}); the report that spends the budget, and every report after it,
 * waits for the engine. The engine then cuts every running trial at its next report
 * ({@link RunningTrials#stopAllAtNextReport}), the spending one at once, so a study uses at most
 * its budget plus one step (one report's worth) per running trial. A trial cut mid-rung ends
 * PRUNED with its last reported value; one whose cutting report reaches its own budget is judged
 * as usual (COMPLETE at R, PAUSED at a rung); a run that never reports (a budget objective) cannot
 * be cut, runs to its end and is judged as usual too, so it may overshoot by its whole run. When a
 * time or resource budget ends the study, the trials left PAUSED by their scheduler end PRUNED
 * with their value at their last rung ({@link TrialLifecycle#pruneAllPaused}): a trial budget
 * instead lets the scheduler close what it started ({@code Scheduler.nextWorkWithoutNewTrials}),
 * and a stop request keeps its paused trials for the next run.
 */
final class Run implements TrialHost {
    /** How long a worker told to wait sleeps at most before it asks again. */
    private static final Duration WAIT = Duration.ofMillis(50);

    private final Tuner tuner;
    private final TrialLifecycle trials;
    private final Budget budget;
    private final CompletableFuture<StudyResult> done = new CompletableFuture<>();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final Object changed = new Object();
    private long startNanos;
    private long startResource;
    /** The resource reported, read by workers at every report; set before any worker starts. */
    private volatile ResourceGauge gauge;
    /** Set once the resource budget is spent and the running trials are cut; engine thread only. */
    private boolean resourceCut;
    /** Whether the time or resource budget ended the run; engine thread only. */
    private boolean budgetSpent;
    /** Engine thread only. */
    private String stopReason;
    /** Why the run failed as a whole (its first trials all failed alike); engine thread only. */
    private String failure;
    private volatile Throwable crash;
    /** Set once a stop is asked for; trials started after it start stopped. */
    private volatile boolean stopping;
    /**
     * {@link TrialLifecycle#transitions} when the scheduler last answered WAIT; until a trial
     * starts or ends it would answer the same, so waiting workers that ask again do not make
     * it look through the history again. Engine thread only.
     */
    private long waitedAt = -1;
    /** The trials being evaluated now, with their stop, told of a stop the moment it is asked for. */
    private final Map<Integer, LiveTrial> live = new ConcurrentHashMap<>();

    Run(Tuner tuner, Budget budget) {
        this.tuner = tuner;
        this.trials = tuner.lifecycle();
        this.budget = budget;
    }

    RunHandle start(TrialExecutor executor, Objective objective) {
        startNanos = System.nanoTime();
        startResource = tuner.engine().call(trials::resourceUsed);
        gauge = new ResourceGauge(budget.maxResource(), startResource);
        int n = tuner.workers();
        liveWorkers.set(n);
        executor.execute(tuner.name(), this, objective, n);
        return new RunHandle(done, this::requestStop);
    }

    private void requestStop() {
        tuner.engine().run(() -> {
            if (stopReason == null) {
                stopReason = StudyResult.STOP_REQUESTED;
            }
            trials.running().pauseAllAtNextReport();
        });
        // After the engine marked the pauses, so that an objective ending at once finds its trial marked.
        stopping = true;
        live.values().forEach(l -> l.stop.request());
        signal();
    }

    /**
     * Ends the run because something outside the trials failed (the store, the lease): running
     * trials are asked to stop, no new ones start, and {@link RunHandle#await} throws
     * {@link RunFailedException} with {@code why}.
     */
    void abort(Throwable why) {
        if (crash == null) {
            crash = why;
        }
        try {
            requestStop();
        } catch (RuntimeException engineGone) {
            // The tuner was closed under the run: stop what is evaluating all the same.
            stopping = true;
            live.values().forEach(l -> l.stop.request());
            signal();
        }
    }

    // ------------------------------------------------------------------ TrialHost

    @Override
    public Assignment next() {
        if (crash != null) {
            return Assignment.FINISHED;
        }
        return tuner.engine().call(this::nextAssignment);
    }

    @Override
    public void awaitChange(Duration atMost) throws InterruptedException {
        synchronized (changed) {
            changed.wait(Math.max(1, atMost.toMillis()));
        }
    }

    @Override
    public Decision report(int trialNumber, long step, double value) {
        LiveTrial l = live(trialNumber);
        boolean spent = Double.isFinite(value) ? gauge.reported(l.gaugeTo(step)) : gauge.spent();
        if (!spent && l.answersEarlyReports && step < l.running.budget && Double.isFinite(value)
                && l.running.pendingEnd == null) {
            tuner.engine().post(() -> reportOnEngine(trialNumber, step, value, false), this::abort);
            return Decision.CONTINUE;
        }
        Decision d = tuner.engine().call(() -> reportOnEngine(trialNumber, step, value, true));
        if (d instanceof Decision.Exploit) {
            l.exploited = true;
        }
        return d;
    }

    @Override
    public Config config(int trialNumber) {
        return tuner.engine().call(() -> trials.history().get(trialNumber).config());
    }

    @Override
    public Optional<byte[]> restoreCheckpoint(int trialNumber) {
        LiveTrial l = live(trialNumber);
        if (l.exploited) {
            byte[] state = tuner.engine().call(() -> trials.restoreCheckpoint(trialNumber));
            if (state != null) {
                l.restored();
            }
            return Optional.ofNullable(state);
        }
        if (l.checkpoint == null) {
            return Optional.empty();
        }
        l.restored();
        tuner.engine().post(() -> trials.restored(trialNumber), this::abort);
        return Optional.of(l.checkpoint.clone());
    }

    @Override
    public void saveCheckpoint(int trialNumber, byte[] state) {
        live(trialNumber);
        byte[] copy = state.clone(); // the objective may reuse its buffer once this returns
        tuner.engine().post(() -> trials.saveCheckpoint(trialNumber, copy), this::abort);
    }

    @Override
    public void setUserAttr(int trialNumber, String key, String value) {
        live(trialNumber);
        tuner.engine().post(() -> trials.setUserAttr(trialNumber, key, value), this::abort);
    }

    @Override
    public StopSignal stopSignal(int trialNumber) {
        return live(trialNumber).stop;
    }

    @Override
    public void finish(int trialNumber, TrialOutcome outcome) {
        live.remove(trialNumber);
        tuner.engine().post(() -> {
            if (outcome instanceof TrialOutcome.Value v) {
                trials.finish(trialNumber, v.value());
            } else if (outcome instanceof TrialOutcome.Failed f) {
                trials.fail(trialNumber, f.reason());
            } else {
                trials.endStopped(trialNumber);
            }
            cutIfResourceSpent(); // a run that never reported pays its whole budget as it ends
            signal();
        }, this::abort);
    }

    @Override
    public void workerFailed(Throwable why) {
        abort(why);
    }

    @Override
    public void workerEnded() {
        if (liveWorkers.decrementAndGet() == 0) {
            finishRun();
        }
    }

    private LiveTrial live(int trialNumber) {
        LiveTrial l = live.get(trialNumber);
        if (l == null) {
            throw new IllegalStateException("trial " + trialNumber + " is not being evaluated in this run");
        }
        return l;
    }

    // ------------------------------------------------------------------ engine thread

    /** Records a report; {@code answered} is false for one the worker already answered CONTINUE. */
    private Decision reportOnEngine(int trialNumber, long step, double value, boolean answered) {
        Decision d = trials.onReport(trialNumber, step, value, answered);
        return cutIfResourceSpent() && answered ? trials.running().answerCut(trialNumber, step, d) : d;
    }

    /**
     * Cuts every running trial at its next report once the resource budget is spent (by the
     * engine's account or by what workers have reported); returns whether it is.
     */
    private boolean cutIfResourceSpent() {
        if (!resourceCut && budget.maxResource() > 0
                && Math.max(trials.resourceUsed(), gauge.used()) >= budget.maxResource()) {
            resourceCut = true;
            trials.running().stopAllAtNextReport();
        }
        return resourceCut;
    }

    /** What a free worker does next; engine thread. */
    private Assignment nextAssignment() {
        if (stopReason == null) {
            // Trials a stop request paused count in the budget already: they go first.
            Work.Resume again = trials.nextPausedByStop();
            if (again != null) {
                return evaluate(trials.resume(again), true);
            }
            stopReason = limitReached();
            budgetSpent = stopReason != null;
            if (stopReason == null) {
                failure = trials.repeatedFailure().orElse(null);
                stopReason = failure;
            }
        }
        if (stopReason != null) {
            return Assignment.FINISHED;
        }
        // A trial budget stops new configurations only: the scheduler finishes what it started.
        boolean newTrialsEnded = budget.maxTrials() > 0 && trials.countedTrials() >= budget.maxTrials();
        if (waitedAt == trials.transitions()) {
            return new Assignment.Wait(WAIT);
        }
        Work w = nextWork(newTrialsEnded);
        while (w instanceof Work.Prune p) {
            // Settling a decided rung takes no worker: carry it out and ask again.
            trials.prunePaused(p);
            w = nextWork(newTrialsEnded);
        }
        if (w instanceof Work.NewTrial nt && !newTrialsEnded) {
            if (trials.sampler().isExhausted(trials.history(), trials.space())) {
                stopReason = "every configuration of the sampler has been tried";
                return Assignment.FINISHED;
            }
            return evaluate(trials.startNew(nt), false);
        }
        if (w instanceof Work.Resume r) {
            return evaluate(trials.resume(r), true);
        }
        if (w instanceof Work.Wait && trials.running().count() > 0) {
            waitedAt = trials.transitions();
            return new Assignment.Wait(WAIT);
        }
        stopReason = newTrialsEnded ? "trial budget reached (" + budget.maxTrials() + ")"
                : w instanceof Work.Wait ? "scheduler is waiting but no trial is running" : "scheduler finished";
        return Assignment.FINISHED;
    }

    /** Hands a just started trial to a worker; engine thread. */
    private Assignment evaluate(Trial t, boolean resumed) {
        RunningTrial r = trials.runningTrial(t.number());
        LiveTrial l = new LiveTrial(r, trials.scheduler().decidesOnlyAtBudget());
        live.put(t.number(), l);
        if (stopping) {
            l.stop.request();
        }
        if (resourceCut) {
            trials.running().stopAllAtNextReport(); // a trial a stop request paused, resumed first: it reports once
        }
        return resumed ? new Assignment.ResumeTrial(t.number(), t.config(), r.budget, r.randomSeed,
                r.restore == null ? 0 : r.restoreStep)
                : new Assignment.NewTrial(t.number(), t.config(), r.budget, r.randomSeed);
    }

    private Work nextWork(boolean newTrialsEnded) {
        return newTrialsEnded ? trials.scheduler().nextWorkWithoutNewTrials(trials.history(), tuner.maxResource())
                : trials.scheduler().nextWork(trials.history(), tuner.maxResource());
    }

    /** Why the run must stop starting any work now (time or resource spent), or null. */
    private String limitReached() {
        if (budget.maxTime() != null && elapsed().compareTo(budget.maxTime()) >= 0) {
            return "time budget reached (" + budget.maxTime().toSeconds() + " s)";
        }
        if (budget.maxResource() > 0 && Math.max(trials.resourceUsed(), gauge.used()) >= budget.maxResource()) {
            return "resource budget reached (" + budget.maxResource() + ")";
        }
        return null;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    /**
     * Ends the run's future whatever happens here: a caller blocked in {@link RunHandle#await}
     * (a Ctrl+C hook among them) must never wait for ever, even if ending breaks on an Error.
     */
    private void finishRun() {
        try {
            endRun();
        } catch (Throwable t) {
            done.completeExceptionally(new RunFailedException(t));
            if (t instanceof Error e) {
                throw e;
            }
        }
    }

    private void endRun() {
        tuner.runEnded(this);
        if (crash != null) {
            try {
                // Best effort: with a full disk even this may fail, and the study stays RUNNING
                // with no live lease, which resume treats the same way.
                tuner.engine().run(() -> tuner.setState(StudyState.STOPPED));
            } catch (RuntimeException ignored) {
                // the crash is the error to report
            }
            done.completeExceptionally(new RunFailedException(crash));
            return;
        }
        StudyResult result;
        try {
            result = tuner.engine().call(() -> {
                boolean resumable = StudyResult.STOP_REQUESTED.equals(stopReason) || failure != null;
                if (budgetSpent && !resumable) {
                    // Unlike a trial budget, which lets the scheduler close what it started, time
                    // and resource end the work at once: what the scheduler paused is not promoted.
                    trials.pruneAllPaused();
                }
                tuner.setState(resumable ? StudyState.STOPPED : StudyState.FINISHED);
                StudyResult r = new StudyResult(tuner.name(), trials.history().trials(), trials.history().best(),
                        stopReason == null ? "finished" : stopReason, elapsed(), trials.resourceUsed() - startResource,
                        Optional.ofNullable(failure), ProgressPoint.of(trials.history().trials(), tuner.direction()));
                trials.publish(new TrialEvent.Finished(r));
                return r;
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(new RunFailedException(e));
            return;
        }
        done.complete(result);
    }
}
