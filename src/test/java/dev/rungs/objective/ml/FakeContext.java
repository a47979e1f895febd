package dev.rungs.objective.ml;

import dev.rungs.objective.TrialContext;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/** A trial context without an engine: records reports and checkpoints, answers with a script. */
final class FakeContext implements TrialContext {
    final long budget;
    final List<long[]> steps = new ArrayList<>();
    final List<Double> values = new ArrayList<>();
    final Map<String, String> attrs = new HashMap<>();
    private final RandomGenerator random;
    private final LongFunction<Decision> decide;
    Config config;
    byte[] checkpoint;

    FakeContext(Config config, long budget, long seed, LongFunction<Decision> decide) {
        this.config = config;
        this.budget = budget;
        this.random = new SplittableRandom(seed);
        this.decide = decide;
    }

    FakeContext(Config config, long budget, long seed) {
        this(config, budget, seed, step -> Decision.CONTINUE);
    }

    @Override
    public int trialNumber() {
        return 0;
    }

    @Override
    public Config config() {
        return config;
    }

    @Override
    public Decision report(long step, double value) {
        steps.add(new long[] {step});
        values.add(value);
        return decide.apply(step);
    }

    @Override
    public Optional<byte[]> restoreCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public void saveCheckpoint(byte[] state) {
        checkpoint = state;
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
        attrs.put(key, value);
    }

    long[] reportedSteps() {
        return steps.stream().mapToLong(s -> s[0]).toArray();
    }
}
