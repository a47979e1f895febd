package dev.rungs.spec;

import java.util.Map;

/**
 * Which objective a study tunes. Only analytic benchmark problems exist so far
 * ({@code "type": "benchmark"}); datasets and external commands join later.
 *
 * @param type the kind of objective
 * @param name the problem's name within its kind
 * @param options the problem's options
 */
public record ObjectiveSpec(String type, String name, Map<String, Object> options) {
    public ObjectiveSpec {
        options = Map.copyOf(options);
    }
}
