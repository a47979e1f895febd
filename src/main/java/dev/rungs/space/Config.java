package dev.rungs.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One point of a search space: a value for every active parameter, nothing for inactive ones.
 * Values are in the canonical types of {@link Param#normalize}: {@code Double}, {@code Long},
 * or the categorical choice.
 *
 * @param values parameter name to value, in the search space's order
 */
public record Config(Map<String, Object> values) {
    public Config {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** An empty configuration (for spaces without parameters). */
    public static Config empty() {
        return new Config(Map.of());
    }

    /** Whether the parameter is present (active) in this configuration. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The raw value of an active parameter. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new NoSuchElementException("parameter '" + name + "' is not set in " + values);
        }
        return v;
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    public int getInt(String name) {
        return Math.toIntExact(getLong(name));
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public boolean getBoolean(String name) {
        Object v = get(name);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
