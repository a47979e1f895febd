package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** A trial context with a fixed budget and a seeded generator, for evaluating problems in tests. */
final class FixedBudgetContext implements TrialContext {
    private final long budget;
    private final RandomGenerator random;

    FixedBudgetContext(long budget, RandomGenerator random) {
        this.budget = budget;
        this.random = random;
    }

    FixedBudgetContext(long budget, long seed) {
        this(budget, new SplittableRandom(seed));
    }

    @Override
    public int trialNumber() {
        return 0;
    }

    @Override
    public Config config() {
        return Config.empty();
    }

    @Override
    public Decision report(long step, double value) {
        return Decision.CONTINUE;
    }

    @Override
    public Optional<byte[]> restoreCheckpoint() {
        return Optional.empty();
    }

    @Override
    public void saveCheckpoint(byte[] state) {
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void setUserAttr(String key, String value) {
    }
}
