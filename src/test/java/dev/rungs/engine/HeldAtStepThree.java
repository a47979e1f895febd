package dev.rungs.engine;

import dev.rungs.objective.Objective;
import dev.rungs.objective.TrialContext;
import dev.rungs.space.Config;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A trial of ten steps that checkpoints each step and, the first time any trial reports step 3,
 * waits there until the test has asked for a stop: so a stop lands mid-trial, at a known step.
 * It continues from its checkpoint when resumed.
 */
public final class HeldAtStepThree implements Objective {
    /** Counted down when the first trial has reported step 3. */
    public final CountDownLatch reported = new CountDownLatch(1);
    /** The test counts it down once it has asked for the stop. */
    public final CountDownLatch stopAsked = new CountDownLatch(1);
    /** The step each run started from (its checkpoint's, or 0). */
    public final List<Long> startSteps = new CopyOnWriteArrayList<>();

    @Override
    public double evaluate(Config config, TrialContext ctx) throws Exception {
        long from = ctx.restoreCheckpoint().map(b -> (long) b[0]).orElse(0L);
        startSteps.add(from);
        for (long s = from + 1; s <= 10; s++) {
            ctx.saveCheckpoint(new byte[] {(byte) s});
            if (!ctx.report(s, s).shouldContinue()) {
                return s;
            }
            if (s == 3 && reported.getCount() > 0) {
                reported.countDown();
                stopAsked.await();
            }
        }
        return 10;
    }
}
