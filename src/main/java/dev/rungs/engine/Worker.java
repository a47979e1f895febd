package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.objective.StopSignal;
import dev.rungs.objective.TrialContext;
import dev.rungs.objective.TrialStoppedException;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import dev.rungs.study.Trial;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One worker's loop: ask the {@link TrialHost} for work, evaluate the objective, hand the
 * outcome back, until the host has nothing more. It knows the engine only through the host, so
 * the same loop runs on a local thread or, over a remote host, on another machine.
 */
public final class Worker {
    private final TrialHost host;
    private final Objective objective;

    public Worker(TrialHost host, Objective objective) {
        this.host = Objects.requireNonNull(host);
        this.objective = Objects.requireNonNull(objective);
    }

    /** Runs until the host answers {@link Assignment.Finished}; always ends with {@link TrialHost#workerEnded}. */
    public void run() {
        try {
            while (true) {
                Assignment next = host.next();
                if (next instanceof Assignment.Evaluate e) {
                    host.finish(e.trialNumber(), evaluate(e));
                } else if (next instanceof Assignment.Wait w) {
                    host.awaitChange(w.atMost());
                } else {
                    return; // Finished
                }
            }
        } catch (Throwable e) {
            host.workerFailed(e);
        } finally {
            host.workerEnded();
        }
    }

    private TrialOutcome evaluate(Assignment.Evaluate work) {
        Context ctx = new Context(work);
        try {
            return new TrialOutcome.Value(objective.evaluate(work.config(), ctx));
        } catch (TrialStoppedException e) {
            // Paused for a stop nobody asked for, it would be resumed at once, again and again.
            return ctx.stopRequested() ? new TrialOutcome.Stopped()
                    : new TrialOutcome.Failed(describe(e) + ", but no stop was asked for");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TrialOutcome.Failed(Trial.INTERRUPTED);
        } catch (Exception | LinkageError | AssertionError e) {
            return new TrialOutcome.Failed(describe(e));
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /** The objective's window onto the engine for one run of one trial; answers what it can itself. */
    private final class Context implements TrialContext {
        private final Assignment.Evaluate work;
        private final RandomGenerator random;
        private final StopSignal stop;
        /** The configuration now; replaced after an exploit. Objective thread only. */
        private Config config;

        Context(Assignment.Evaluate work) {
            this.work = work;
            this.random = work.random();
            this.stop = host.stopSignal(work.trialNumber());
            this.config = work.config();
        }

        @Override
        public int trialNumber() {
            return work.trialNumber();
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        public Decision report(long step, double value) {
            Decision d = host.report(work.trialNumber(), step, value);
            if (d instanceof Decision.Exploit) {
                config = host.config(work.trialNumber());
            }
            return d;
        }

        @Override
        public Optional<byte[]> restoreCheckpoint() {
            return host.restoreCheckpoint(work.trialNumber());
        }

        @Override
        public void saveCheckpoint(byte[] state) {
            host.saveCheckpoint(work.trialNumber(), state);
        }

        @Override
        public long budget() {
            return work.budget();
        }

        @Override
        public long resumedFrom() {
            return work.resumedFrom();
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public void setUserAttr(String key, String value) {
            host.setUserAttr(work.trialNumber(), key, value);
        }

        @Override
        public StopSignal stopSignal() {
            return stop;
        }
    }
}
