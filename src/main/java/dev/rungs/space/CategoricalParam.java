package dev.rungs.space;

import java.util.List;
import java.util.Optional;

/**
 * A parameter that takes one of a list of choices (strings, numbers or booleans).
 *
 * @param name the parameter's name
 * @param choices the allowed values, in order; not empty, no duplicates
 * @param condition when the parameter is active; null when it always is
 */
public record CategoricalParam(String name, List<Object> choices, Condition condition) implements Param {

    public CategoricalParam {
        Params.checkName(name);
        if (choices == null || choices.isEmpty()) {
            throw Params.bad(name, "a categorical parameter needs at least one choice");
        }
        choices = List.copyOf(choices);
        for (int i = 0; i < choices.size(); i++) {
            Object c = choices.get(i);
            if (!(c instanceof String || c instanceof Number || c instanceof Boolean)) {
                throw Params.bad(name, "choices must be strings, numbers or booleans, got " + Params.describe(c));
            }
            for (int j = 0; j < i; j++) {
                if (ValueEquality.same(choices.get(j), c)) {
                    throw Params.bad(name, "choice " + c + " appears twice");
                }
            }
        }
    }

    /** An always-active categorical parameter. */
    public CategoricalParam(String name, List<Object> choices) {
        this(name, choices, null);
    }

    @Override
    public Optional<Condition> when() {
        return Optional.ofNullable(condition);
    }

    /** Position of {@code value} among the choices, or -1. */
    public int indexOf(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            if (ValueEquality.same(choices.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object fromUnit(double u) {
        u = Params.clampUnit(u);
        int k = choices.size();
        return choices.get(Math.min((int) Math.floor(u * k), k - 1));
    }

    @Override
    public double toUnit(Object value) {
        return (indexOf(value) + 0.5) / choices.size();
    }

    @Override
    public Object normalize(Object value) {
        int i = indexOf(value);
        if (i < 0) {
            throw Params.bad(name, Params.describe(value) + " is not one of " + choices);
        }
        return choices.get(i);
    }

    @Override
    public CategoricalParam withCondition(Condition c) {
        return new CategoricalParam(name, choices, c);
    }
}
