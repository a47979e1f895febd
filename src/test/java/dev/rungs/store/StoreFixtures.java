package dev.rungs.store;

import dev.rungs.space.Config;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Trials and configurations that exercise every field and value type a store must keep. */
public final class StoreFixtures {
    /** An instant with all nine fraction digits, so a store that rounds is caught. */
    public static final Instant T0 = Instant.parse("2024-05-01T12:00:00.123456789Z");

    private StoreFixtures() {
    }

    /**
     * A configuration with every kind of value: Double, Long, string (with a comma and a quote),
     * Boolean, and categorical choices written in code as Integer and as a whole Double.
     */
    public static Config mixedConfig(double lr) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("lr", lr);
        v.put("layers", 3L);
        v.put("activation", "relu, \"leaky\"");
        v.put("batch_norm", true);
        v.put("width", 64);            // Integer: a categorical choice from code
        v.put("dropout", 0.0);         // a Double that looks like an integer
        v.put("tag", "3");             // a string that looks like a number
        return new Config(v);
    }

    /** A finished trial with every field set. */
    public static Trial richTrial(int number) {
        TreeMap<Long, Double> inter = new TreeMap<>();
        inter.put(1L, 0.9);
        inter.put(2L, 0.5 + number * 1e-9);
        inter.put(3L, Double.NaN);
        inter.put(4L, Double.POSITIVE_INFINITY);
        inter.put(5L, -0.0);
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("bracket", "1");
        attrs.put("rung", "0");
        attrs.put(Trial.USER_ATTR_PREFIX + "note", "comma, \"quoted\" and\nnewline");
        attrs.put(Trial.USER_ATTR_PREFIX + "empty", "");
        return new Trial(number, TrialState.COMPLETE, mixedConfig(0.001 * (number + 1)), OptionalDouble.of(0.25),
                inter, attrs, T0.plusNanos(number), T0.plusSeconds(2).plusNanos(7), OptionalInt.of(0));
    }

    /** A trial as created, before it runs: no value, no times, no parent. */
    public static Trial waiting(int number) {
        return new Trial(number, TrialState.WAITING, Config.empty(), OptionalDouble.empty(), new TreeMap<>(), Map.of(),
                null, null, OptionalInt.empty());
    }

    /** Attribute entries in order, to check that a store keeps the order as well as the content. */
    public static List<Map.Entry<String, String>> attrOrder(Trial t) {
        return List.copyOf(t.attrs().entrySet());
    }

    /** Config entries in order. */
    public static List<Map.Entry<String, Object>> configOrder(Trial t) {
        return List.copyOf(t.config().values().entrySet());
    }
}
