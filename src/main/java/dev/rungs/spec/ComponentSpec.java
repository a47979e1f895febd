package dev.rungs.spec;

import java.util.Map;

/**
 * A sampler or scheduler named in a spec, with its settings as written (snake_case keys).
 *
 * @param type the method, such as {@code tpe} or {@code median}
 * @param settings its settings; absent ones take the method's defaults
 */
public record ComponentSpec(String type, Map<String, Object> settings) {
    public ComponentSpec {
        settings = Map.copyOf(settings);
    }
}
