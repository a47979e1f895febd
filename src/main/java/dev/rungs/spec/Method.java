package dev.rungs.spec;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A sampler or scheduler that specs can name: its settings and how to build it.
 *
 * @param type the name used in specs
 * @param title a short description for people
 * @param settings what can be set, with defaults
 * @param factory builds the component from its settings (all keys present) and the study seed
 * @param <T> Sampler or Scheduler
 */
public record Method<T>(String type, String title, List<Setting> settings,
        BiFunction<Map<String, Object>, Long, T> factory) {

    /** Builds the component; settings missing from {@code given} take their defaults. */
    public T create(Map<String, Object> given, long seed) {
        Map<String, Object> all = new java.util.LinkedHashMap<>();
        for (Setting s : settings) {
            all.put(s.key(), given.getOrDefault(s.key(), s.defaultValue()));
        }
        return factory.apply(all, seed);
    }
}
