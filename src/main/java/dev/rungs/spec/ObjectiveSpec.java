package dev.rungs.spec;

import java.util.Map;

/**
 * Which objective a study tunes: an analytic benchmark problem ({@code "type": "benchmark"}), a
 * model family trained on a CSV dataset ({@code "dataset"}) or an external command
 * ({@code "command"}).
 *
 * @param type the kind of objective
 * @param name the problem's name (benchmark), or a label (dataset, command)
 * @param options the objective's options, checked and with defaults filled in; values are
 *        strings, numbers, booleans, lists and maps, as in JSON
 */
public record ObjectiveSpec(String type, String name, Map<String, Object> options) {
    public ObjectiveSpec {
        options = Map.copyOf(options);
    }
}
