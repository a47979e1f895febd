package dev.rungs.scheduler;

import java.util.Map;

/** What a scheduler asks the engine to run next when a worker is free. */
public sealed interface Work permits Work.NewTrial, Work.Resume, Work.Prune, Work.Wait, Work.Done {

    /** Nothing can start now (a synchronous rung is not full yet); ask again when a trial ends. */
    Wait WAIT = new Wait();
    /** The scheduler has nothing more to run. */
    Done DONE = new Done();

    /**
     * Start a new trial with a configuration from the sampler.
     *
     * @param budget the resource it may use (epochs, trees, samples)
     * @param attrs attributes to record on the trial (bracket, rung)
     */
    record NewTrial(long budget, Map<String, String> attrs) implements Work {
        public NewTrial {
            attrs = Map.copyOf(attrs);
        }
    }

    /**
     * Resume a paused trial from its checkpoint with a larger budget (a promotion).
     *
     * @param trialNumber the paused trial
     * @param budget the resource it may now use in total
     * @param attrs attributes to record (the new rung)
     */
    record Resume(int trialNumber, long budget, Map<String, String> attrs) implements Work {
        public Resume {
            attrs = Map.copyOf(attrs);
        }
    }

    /**
     * End a PAUSED trial as PRUNED: a synchronous rung was decided and the trial was not
     * promoted, so it will never be resumed. Takes no worker; the engine carries it out and asks
     * for the next work at once.
     *
     * @param trialNumber the paused trial
     * @param attrs attributes to record (the outcome)
     */
    record Prune(int trialNumber, Map<String, String> attrs) implements Work {
        public Prune {
            attrs = Map.copyOf(attrs);
        }
    }

    /** Nothing can start now. */
    record Wait() implements Work {
    }

    /** Nothing more to run. */
    record Done() implements Work {
    }
}
