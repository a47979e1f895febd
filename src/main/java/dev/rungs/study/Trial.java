package dev.rungs.study;

import dev.rungs.space.Config;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one trial. Every change makes a new record (the {@code with…}
 * methods), so a snapshot handed to a sampler, a listener or the UI never changes under it.
 *
 * @param number position in the study, from 0, dense and unique
 * @param state where the trial is in its life
 * @param config the parameters it evaluates
 * @param value the final objective value, once {@link TrialState#COMPLETE} (a pruned trial
 *     keeps its last reported value here so that it can still be ranked)
 * @param intermediate values reported per step (epoch, trees, samples)
 * @param attrs string attributes: the reason of a failure, bracket and rung, user attributes
 *     (keys starting {@code user_attrs_} are the objective's own)
 * @param started when it started running, or null
 * @param finished when it reached a finished state, or null
 * @param parent the trial it was copied from (PBT exploit), if any
 */
public record Trial(int number, TrialState state, Config config, OptionalDouble value,
        SortedMap<Long, Double> intermediate, Map<String, String> attrs,
        Instant started, Instant finished, OptionalInt parent) {

    /** Attribute holding why a trial failed. */
    public static final String FAIL_REASON = "fail_reason";
    /** Prefix of attributes set by the objective itself. */
    public static final String USER_ATTR_PREFIX = "user_attrs_";
    /** The failure reason of a trial whose run was cut short by a crash or an interrupt, not by its own fault. */
    public static final String INTERRUPTED = "interrupted";

    public Trial {
        intermediate = Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }

    /** A new running trial. */
    public static Trial running(int number, Config config, Map<String, String> attrs, Instant started) {
        return new Trial(number, TrialState.RUNNING, config, OptionalDouble.empty(), new TreeMap<>(),
                attrs, started, null, OptionalInt.empty());
    }

    /** This trial under another number (the one the store gave it). */
    public Trial withNumber(int n) {
        return n == number ? this : new Trial(n, state, config, value, intermediate, attrs, started, finished, parent);
    }

    public Trial withState(TrialState newState, Instant at) {
        return new Trial(number, newState, config, value, intermediate, attrs, started,
                newState.isFinished() ? at : finished, parent);
    }

    public Trial withValue(double v) {
        return new Trial(number, state, config, OptionalDouble.of(v), intermediate, attrs, started, finished, parent);
    }

    public Trial withReport(long step, double v) {
        SortedMap<Long, Double> m = new TreeMap<>(intermediate);
        m.put(step, v);
        return new Trial(number, state, config, value, m, attrs, started, finished, parent);
    }

    public Trial withAttr(String key, String v) {
        Map<String, String> m = new LinkedHashMap<>(attrs);
        m.put(key, v);
        return new Trial(number, state, config, value, intermediate, m, started, finished, parent);
    }

    /** This trial without the attribute {@code key}. */
    public Trial withoutAttr(String key) {
        if (!attrs.containsKey(key)) {
            return this;
        }
        Map<String, String> m = new LinkedHashMap<>(attrs);
        m.remove(key);
        return new Trial(number, state, config, value, intermediate, m, started, finished, parent);
    }

    public Trial withConfig(Config c, OptionalInt newParent) {
        return new Trial(number, state, c, value, intermediate, attrs, started, finished, newParent);
    }

    /**
     * The value the trial had on reaching {@code step}: its first report at or after it, or
     * empty while it has not got that far. Multi-fidelity methods read a trial's result at a
     * rung this way (as Optuna records it), whatever the exact steps it reported at.
     */
    public OptionalDouble reportAtOrAfter(long step) {
        SortedMap<Long, Double> tail = intermediate.tailMap(step);
        return tail.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(tail.get(tail.firstKey()));
    }

    /** Largest step reported so far, or 0. */
    public long lastStep() {
        return intermediate.isEmpty() ? 0 : intermediate.lastKey();
    }

    /** The trial's value as a loss, for code written for minimisation. */
    public double loss(Direction direction) {
        return direction.toLoss(value.orElseThrow());
    }

    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }

    /** Whether the trial ended because its run was cut short (a crash, an interrupt), not by its own fault. */
    public boolean isInterrupted() {
        return state == TrialState.FAIL && INTERRUPTED.equals(attrs.get(FAIL_REASON));
    }

    /** The resource the trial has consumed over all its runs ({@link TrialFact#RESOURCE_USED}); 0 when none is recorded. */
    public long resourceUsed() {
        return TrialFact.RESOURCE_USED.in(this).orElse(0L);
    }
}
