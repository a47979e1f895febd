package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.objective.StopRequest;
import dev.rungs.objective.StopSignal;
import dev.rungs.objective.TrialContext;
import dev.rungs.objective.TrialStoppedException;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Work;
import dev.rungs.space.Config;
import dev.rungs.store.StudyState;
import dev.rungs.study.Trial;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * One call of {@link Tuner#start}: worker threads that take work from the engine, evaluate
 * the objective and hand the result back, until the budget is reached.
 */
final class Run {
    private final Tuner tuner;
    private final Objective objective;
    private final Budget budget;
    private final CompletableFuture<StudyResult> done = new CompletableFuture<>();
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final Object changed = new Object();
    private long startNanos;
    private long startResource;
    /** Engine thread only. */
    private String stopReason;
    /** Why the run failed as a whole (its first trials all failed alike); engine thread only. */
    private String failure;
    private volatile Throwable crash;
    /** Set once a stop is asked for; contexts made after it start stopped. */
    private volatile boolean stopping;
    /** The contexts of the trials evaluating now, told of a stop the moment it is asked for. */
    private final Set<Context> live = ConcurrentHashMap.newKeySet();

    Run(Tuner tuner, Objective objective, Budget budget) {
        this.tuner = tuner;
        this.objective = objective;
        this.budget = budget;
    }

    RunHandle start() {
        startNanos = System.nanoTime();
        startResource = tuner.engine().call(tuner::resourceUsed);
        int n = tuner.workers();
        liveWorkers.set(n);
        tuner.runStarted(this);
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(this::workLoop, "rungs-worker-" + tuner.name() + "-" + i);
            t.setDaemon(true);
            t.start();
        }
        return new RunHandle(done, this::requestStop);
    }

    private void requestStop() {
        tuner.engine().run(() -> {
            if (stopReason == null) {
                stopReason = StudyResult.STOP_REQUESTED;
            }
            tuner.pauseAllAtNextReport();
        });
        // After the engine marked the pauses, so that an objective ending at once finds its trial marked.
        stopping = true;
        live.forEach(c -> c.stop.request());
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
        requestStop();
    }

    private void workLoop() {
        try {
            while (crash == null) {
                Object next = tuner.engine().call(this::nextAssignment);
                if (next == Work.DONE) {
                    break;
                }
                if (next == Work.WAIT) {
                    awaitChange();
                    continue;
                }
                evaluate((Trial) next);
                signal();
            }
        } catch (Throwable e) {
            abort(e);
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                finishRun();
            }
        }
    }

    /** A started trial, {@link Work#WAIT} or {@link Work#DONE}; engine thread. */
    private Object nextAssignment() {
        if (stopReason == null) {
            // Trials a stop request paused count in the budget already: they go first.
            Work.Resume again = tuner.nextPausedByStop();
            if (again != null) {
                return tuner.resume(again);
            }
            stopReason = limitReached();
            if (stopReason == null) {
                failure = tuner.repeatedFailure().orElse(null);
                stopReason = failure;
            }
        }
        if (stopReason != null) {
            return Work.DONE;
        }
        // A trial budget stops new configurations only: the scheduler finishes what it started.
        boolean newTrialsEnded = budget.maxTrials() > 0 && tuner.countedTrials() >= budget.maxTrials();
        Work w = nextWork(newTrialsEnded);
        while (w instanceof Work.Prune p) {
            // Settling a decided rung takes no worker: carry it out and ask again.
            tuner.prunePaused(p);
            w = nextWork(newTrialsEnded);
        }
        if (w instanceof Work.NewTrial nt && !newTrialsEnded) {
            if (tuner.sampler().isExhausted(tuner.history(), tuner.space())) {
                stopReason = "every configuration of the sampler has been tried";
                return Work.DONE;
            }
            return tuner.startNew(nt);
        }
        if (w instanceof Work.Resume r) {
            return tuner.resume(r);
        }
        if (w instanceof Work.Wait && tuner.runningCount() > 0) {
            return Work.WAIT;
        }
        stopReason = newTrialsEnded ? "trial budget reached (" + budget.maxTrials() + ")"
                : w instanceof Work.Wait ? "scheduler is waiting but no trial is running" : "scheduler finished";
        return Work.DONE;
    }

    private Work nextWork(boolean newTrialsEnded) {
        return newTrialsEnded ? tuner.scheduler().nextWorkWithoutNewTrials(tuner.history(), tuner.maxResource())
                : tuner.scheduler().nextWork(tuner.history(), tuner.maxResource());
    }

    /** Why the run must stop starting any work now (time or resource spent), or null. */
    private String limitReached() {
        if (budget.maxTime() != null && elapsed().compareTo(budget.maxTime()) >= 0) {
            return "time budget reached (" + budget.maxTime().toSeconds() + " s)";
        }
        if (budget.maxResource() > 0 && tuner.resourceUsed() >= budget.maxResource()) {
            return "resource budget reached (" + budget.maxResource() + ")";
        }
        return null;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void evaluate(Trial trial) {
        Context ctx = new Context(trial.number());
        live.add(ctx);
        if (stopping) {
            ctx.stop.request();
        }
        double value;
        try {
            value = objective.evaluate(trial.config(), ctx);
        } catch (TrialStoppedException e) {
            if (ctx.stopRequested()) {
                tuner.engine().call(() -> tuner.endStopped(trial.number()));
            } else {
                // Paused for a stop nobody asked for, it would be resumed at once, again and again.
                tuner.tellFailure(trial.number(), describe(e) + ", but no stop was asked for");
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tuner.tellFailure(trial.number(), Tuner.INTERRUPTED);
            return;
        } catch (Exception | LinkageError | AssertionError e) {
            tuner.tellFailure(trial.number(), describe(e));
            return;
        } finally {
            live.remove(ctx);
        }
        tuner.tell(trial.number(), value);
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    private void awaitChange() throws InterruptedException {
        synchronized (changed) {
            changed.wait(50);
        }
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
                tuner.setState(resumable ? StudyState.STOPPED : StudyState.FINISHED);
                StudyResult r = new StudyResult(tuner.name(), tuner.history().trials(), tuner.history().best(),
                        stopReason == null ? "finished" : stopReason, elapsed(), tuner.resourceUsed() - startResource,
                        Optional.ofNullable(failure),
                        ProgressPoint.of(tuner.history().trials(), tuner.direction()));
                tuner.publish(new TrialEvent.Finished(r));
                return r;
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(new RunFailedException(e));
            return;
        }
        done.complete(result);
    }

    /**
     * The objective's window onto the engine for one run of one trial. What stays fixed for the
     * run (budget, where it resumed from, its random generator, the configuration until an
     * exploit changes it) is read from the engine once, on first use, so objectives may ask as
     * often as they like, and one that asks nothing costs no extra trip.
     */
    private final class Context implements TrialContext {
        private final int number;
        final StopRequest stop = new StopRequest();
        /** Read on first use; racing readers read the same values. */
        private volatile Start start;
        /** The configuration an exploit switched to, if one did. */
        private volatile Config exploited;

        private record Start(long budget, long resumedFrom, RandomGenerator random, Config config) {
        }

        Context(int number) {
            this.number = number;
        }

        private Start start() {
            Start s = start;
            if (s == null) {
                s = tuner.engine().call(() -> {
                    RunningTrial r = tuner.runningTrial(number);
                    return new Start(r.budget, r.restore == null ? 0 : r.restoreStep, r.objectiveRandom,
                            tuner.history().trials().get(number).config());
                });
                start = s;
            }
            return s;
        }

        @Override
        public int trialNumber() {
            return number;
        }

        @Override
        public Config config() {
            Config c = exploited;
            return c != null ? c : start().config();
        }

        @Override
        public Decision report(long step, double value) {
            Decision d = tuner.report(number, step, value);
            if (d instanceof Decision.Exploit) {
                exploited = tuner.engine().call(() -> tuner.history().trials().get(number).config());
            }
            return d;
        }

        @Override
        public Optional<byte[]> restoreCheckpoint() {
            return Optional.ofNullable(tuner.engine().call(() -> tuner.restoreCheckpoint(number)));
        }

        @Override
        public void saveCheckpoint(byte[] state) {
            tuner.engine().run(() -> tuner.saveCheckpoint(number, state));
        }

        @Override
        public long budget() {
            return start().budget();
        }

        @Override
        public long resumedFrom() {
            return start().resumedFrom();
        }

        @Override
        public RandomGenerator random() {
            return start().random();
        }

        @Override
        public void setUserAttr(String key, String value) {
            tuner.engine().run(() -> tuner.setUserAttr(number, key, value));
        }

        @Override
        public StopSignal stopSignal() {
            return stop;
        }
    }
}
