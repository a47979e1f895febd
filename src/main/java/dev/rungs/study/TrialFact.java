package dev.rungs.study;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One fact the engine, a sampler or a scheduler records about a trial (the resource it used,
 * its bracket and rung, who proposed it, …), with its type. The facts are stored as trial
 * attributes, so the store, the CSV export and older studies keep their columns; this class
 * is the one place that knows each fact's key and how its value is written and read back.
 * User attributes ({@link Trial#USER_ATTR_PREFIX}) and the failure reason
 * ({@link Trial#FAIL_REASON}) stay plain strings.
 *
 * @param <T> the fact's type
 */
public final class TrialFact<T> {
    /** Resource the trial has consumed over all its runs, so a resumed study knows its total. */
    public static final TrialFact<Long> RESOURCE_USED = ofLong("resource_used");
    /** The trial this one retries: a failed or interrupted run started again from the same configuration. */
    public static final TrialFact<Integer> RETRY_OF = ofInt("retry_of");
    /** A trial paused by a stop of the whole run, not by its scheduler: the budget it was running towards. */
    public static final TrialFact<Long> PAUSED_BY_STOP = ofLong("paused_by_stop");
    /** The bracket: Hyperband's s, or ASHA's minimum early-stopping rate. */
    public static final TrialFact<Integer> BRACKET = ofInt("bracket");
    /** The rung the trial is at (0 = the smallest resource). */
    public static final TrialFact<Integer> RUNG = ofInt("rung");
    /** The resource the trial's current run was given: the budget it reached or is reaching. */
    public static final TrialFact<Long> BUDGET = ofLong("budget");
    /** Which repetition of the bracket cycle the trial belongs to (synchronous schedulers). */
    public static final TrialFact<Integer> ROUND = ofInt("round");
    /** What the last rung decided about the trial; absent while no rung has. */
    public static final TrialFact<RungOutcome> OUTCOME = ofEnum("outcome", RungOutcome.class);
    /** How TPE chose the configuration: at random while starting up, or by its model. */
    public static final TrialFact<Proposer> TPE_MODE = ofEnum("tpe_mode", Proposer.class);
    /** How BOHB chose the configuration: by its model or at random. */
    public static final TrialFact<Proposer> PROPOSED_BY = ofEnum("proposed_by", Proposer.class);
    /** The budget whose model BOHB sampled the configuration from. */
    public static final TrialFact<Long> MODEL_BUDGET = ofLong("model_budget");

    /** What a rung decided about a trial. */
    public enum RungOutcome {
        /** It was promoted to its current rung. */
        PROMOTED,
        /** It was not promoted and was ended as PRUNED. */
        STOPPED
    }

    /** Who chose a configuration. */
    public enum Proposer {
        /** Uniform random sampling during a sampler's start-up phase. */
        STARTUP,
        /** The sampler's model. */
        MODEL,
        /** Uniform random sampling after the start-up phase (BOHB's random fraction). */
        RANDOM
    }

    private final String key;
    private final Function<String, T> parse;
    private final Function<T, String> format;

    private TrialFact(String key, Function<String, T> parse, Function<T, String> format) {
        this.key = key;
        this.parse = parse;
        this.format = format;
    }

    private static TrialFact<Long> ofLong(String key) {
        return new TrialFact<>(key, Long::valueOf, v -> Long.toString(v));
    }

    private static TrialFact<Integer> ofInt(String key) {
        return new TrialFact<>(key, Integer::valueOf, v -> Integer.toString(v));
    }

    private static <E extends Enum<E>> TrialFact<E> ofEnum(String key, Class<E> type) {
        return new TrialFact<>(key, s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT)),
                v -> v.name().toLowerCase(Locale.ROOT));
    }

    /** The attribute the fact is kept in: the trials table's column in a CSV export. */
    public String key() {
        return key;
    }

    /** The fact as {@code t} records it; empty when absent or unreadable (a trial of another method). */
    public Optional<T> in(Trial t) {
        return read(t.attrs());
    }

    /** The fact in {@code attrs}; empty when absent or unreadable. */
    public Optional<T> read(Map<String, String> attrs) {
        String v = attrs.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(v));
        } catch (IllegalArgumentException unreadable) { // NumberFormatException too
            return Optional.empty();
        }
    }

    /** Whether {@code t} records the fact. */
    public boolean isIn(Trial t) {
        return t.attrs().containsKey(key);
    }

    /** {@code t} recording {@code value}. */
    public Trial on(Trial t, T value) {
        return t.withAttr(key, format.apply(value));
    }

    /** {@code t} without the fact. */
    public Trial off(Trial t) {
        return t.withoutAttr(key);
    }

    /** The attribute that records {@code value}, for the attributes a proposal starts a trial with. */
    public Map.Entry<String, String> entry(T value) {
        return Map.entry(key, format.apply(value));
    }

    @Override
    public String toString() {
        return key;
    }
}
