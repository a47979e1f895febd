package dev.rungs.objective;

import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;

/**
 * A trial context for running an objective once, outside a study: the workbench's test run of a
 * command, and tests of objectives. It records every report, keeps the last checkpoint in
 * memory (and can be handed one to restore from), keeps user attributes, and answers each
 * report with a decision of the caller's choosing (CONTINUE unless told otherwise). A stop can
 * be asked for with {@link #requestStop()}, as the engine does when its run is stopped.
 *
 * <p>Thread-safe: an objective may report from threads of its own.
 */
public final class StandaloneContext implements TrialContext {
    private final int trialNumber;
    private final long budget;
    private final RandomGenerator random;
    private final LongFunction<Decision> decide;
    private final List<Long> steps = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final Map<String, String> userAttrs = new HashMap<>();
    private final StopRequest stop = new StopRequest();
    private Config config;
    private byte[] checkpoint;
    private long resumedFrom;

    /**
     * @param trialNumber the number the objective is told it runs as
     * @param config the configuration evaluated
     * @param budget the resource the run may use
     * @param random the run's random generator
     * @param decide the answer to a report at each step
     */
    public StandaloneContext(int trialNumber, Config config, long budget, RandomGenerator random,
            LongFunction<Decision> decide) {
        this.trialNumber = trialNumber;
        this.config = Objects.requireNonNull(config, "config");
        this.budget = budget;
        this.random = Objects.requireNonNull(random, "random");
        this.decide = Objects.requireNonNull(decide, "decide");
    }

    /** Trial 0 with a seeded generator, going on at every report. */
    public static StandaloneContext of(Config config, long budget, long seed) {
        return of(config, budget, new SplittableRandom(seed));
    }

    /** Trial 0 with the given generator, going on at every report. */
    public static StandaloneContext of(Config config, long budget, RandomGenerator random) {
        return new StandaloneContext(0, config, budget, random, step -> Decision.CONTINUE);
    }

    /** Trial 0 with a seeded generator, answering each report with {@code decide}. */
    public static StandaloneContext deciding(Config config, long budget, long seed, LongFunction<Decision> decide) {
        return new StandaloneContext(0, config, budget, new SplittableRandom(seed), decide);
    }

    // ------------------------------------------------------------------ what the run left

    /** The steps reported, in order. */
    public synchronized List<Long> steps() {
        return List.copyOf(steps);
    }

    /** The steps reported, as an array. */
    public synchronized long[] reportedSteps() {
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /** The values reported, in order. */
    public synchronized List<Double> values() {
        return List.copyOf(values);
    }

    /** The last checkpoint saved (or handed in), if any. */
    public synchronized Optional<byte[]> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** The checkpoint the run restores from, as when a paused trial resumes or clones a donor. */
    public synchronized void setCheckpoint(byte[] state) {
        checkpoint = state;
    }

    /**
     * The checkpoint the run restores from and the step it was saved at, as when a paused trial
     * is resumed with a larger budget ({@link #resumedFrom()}).
     */
    public synchronized void resumeFrom(byte[] state, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must not be negative, got " + step);
        }
        checkpoint = Objects.requireNonNull(state, "state");
        resumedFrom = step;
    }

    /** Changes the configuration, as an exploit does between reports. */
    public synchronized void setConfig(Config c) {
        config = Objects.requireNonNull(c, "c");
    }

    /** Asks the objective to stop, as stopping a study's run does. */
    public void requestStop() {
        stop.request();
    }

    /** The user attributes the run set. */
    public synchronized Map<String, String> userAttrs() {
        return Map.copyOf(userAttrs);
    }

    // ------------------------------------------------------------------ TrialContext

    @Override
    public int trialNumber() {
        return trialNumber;
    }

    @Override
    public synchronized Config config() {
        return config;
    }

    @Override
    public Decision report(long step, double value) {
        synchronized (this) {
            steps.add(step);
            values.add(value);
        }
        return decide.apply(step);
    }

    @Override
    public synchronized Optional<byte[]> restoreCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }

    @Override
    public synchronized void saveCheckpoint(byte[] state) {
        checkpoint = state;
    }

    @Override
    public long budget() {
        return budget;
    }

    @Override
    public synchronized long resumedFrom() {
        return resumedFrom;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public synchronized void setUserAttr(String key, String value) {
        userAttrs.put(key, value);
    }

    @Override
    public StopSignal stopSignal() {
        return stop;
    }
}
