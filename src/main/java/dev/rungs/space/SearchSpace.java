package dev.rungs.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a study tunes, in declaration order. A conditional parameter's parent must be
 * declared before it, so walking the list in order always meets a parent before its children.
 *
 * <p>Build one with {@link #builder()}; definitions that make no sense (low above high, a
 * log scale with low ≤ 0, no choices, an unknown parent) are rejected with a message that
 * names the parameter.
 *
 * @param params the parameters, parents before children
 */
public record SearchSpace(List<Param> params) {

    public SearchSpace {
        params = List.copyOf(params);
        Map<String, Param> seen = new HashMap<>();
        for (Param p : params) {
            if (seen.containsKey(p.name())) {
                throw Params.bad(p.name(), "declared twice");
            }
            p.when().ifPresent(c -> checkCondition(p, c, seen));
            seen.put(p.name(), p);
        }
    }

    private static void checkCondition(Param child, Condition c, Map<String, Param> seen) {
        Param parent = seen.get(c.parent());
        if (parent == null) {
            throw Params.bad(child.name(), "condition refers to unknown parent '" + c.parent()
                    + "' (a parent must be declared before its children)");
        }
        if (c.values().isEmpty()) {
            throw Params.bad(child.name(), "condition on '" + c.parent() + "' lists no values");
        }
        for (Object v : c.values()) {
            try {
                parent.normalize(v);
            } catch (IllegalArgumentException e) {
                throw Params.bad(child.name(), "condition value " + Params.describe(v)
                        + " can never be taken by '" + c.parent() + "'");
            }
        }
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of parameters (active or not). */
    public int size() {
        return params.size();
    }

    /** The parameter with this name. */
    public Param param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter named '" + name + "'");
    }

    /** Position of the named parameter in {@link #params()}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether any parameter is conditional. */
    public boolean isConditional() {
        return params.stream().anyMatch(p -> p.when().isPresent());
    }

    /** Whether {@code p} is active given the values chosen so far for earlier parameters. */
    public static boolean isActive(Param p, Map<String, Object> chosen) {
        return p.when().map(c -> chosen.containsKey(c.parent()) && c.accepts(chosen.get(c.parent())))
                .orElse(true);
    }

    /**
     * Decodes a point of the unit cube (one coordinate per parameter, in order) into a
     * configuration; coordinates of inactive parameters are ignored.
     */
    public Config decode(double[] unit) {
        if (unit.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " coordinates, got " + unit.length);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < unit.length; i++) {
            Param p = params.get(i);
            if (isActive(p, values)) {
                values.put(p.name(), p.fromUnit(unit[i]));
            }
        }
        return new Config(values);
    }

    /** The unit-cube coordinates of a configuration; NaN for inactive parameters. */
    public double[] encode(Config config) {
        double[] u = new double[params.size()];
        Arrays.fill(u, Double.NaN);
        for (int i = 0; i < u.length; i++) {
            Param p = params.get(i);
            if (config.has(p.name())) {
                u[i] = p.toUnit(config.get(p.name()));
            }
        }
        return u;
    }

    /**
     * Checks values given from outside against the space: every active parameter present and
     * valid, no inactive or unknown ones. Returns them as a canonical configuration.
     */
    public Config validate(Map<String, ?> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param p : params) {
            boolean active = isActive(p, values);
            boolean given = raw.containsKey(p.name());
            if (active && !given) {
                throw Params.bad(p.name(), "is active but has no value");
            }
            if (!active && given) {
                throw Params.bad(p.name(), "has a value but is inactive here");
            }
            if (active) {
                values.put(p.name(), p.normalize(raw.get(p.name())));
            }
        }
        for (String k : raw.keySet()) {
            if (indexOf(k) < 0) {
                throw new IllegalArgumentException("parameter '" + k + "' is not in the search space");
            }
        }
        return new Config(values);
    }

    /** Collects parameters; each {@code when} applies to the parameter added just before it. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        public Builder floatParam(String name, double low, double high) {
            return add(new FloatParam(name, low, high, false, 0, null));
        }

        public Builder logFloatParam(String name, double low, double high) {
            return add(new FloatParam(name, low, high, true, 0, null));
        }

        public Builder steppedFloatParam(String name, double low, double high, double step) {
            return add(new FloatParam(name, low, high, false, step, null));
        }

        public Builder intParam(String name, long low, long high) {
            return add(new IntParam(name, low, high, false, 1, null));
        }

        public Builder logIntParam(String name, long low, long high) {
            return add(new IntParam(name, low, high, true, 1, null));
        }

        public Builder steppedIntParam(String name, long low, long high, long step) {
            return add(new IntParam(name, low, high, false, step, null));
        }

        public Builder categorical(String name, Object... choices) {
            return add(new CategoricalParam(name, Arrays.asList(choices), null));
        }

        public Builder add(Param p) {
            params.add(p);
            return this;
        }

        /** Makes the last added parameter active only when {@code parent} takes one of {@code values}. */
        public Builder when(String parent, Object... values) {
            if (params.isEmpty()) {
                throw new IllegalStateException("when(...) must follow a parameter");
            }
            int last = params.size() - 1;
            params.set(last, params.get(last).withCondition(new Condition(parent, Arrays.asList(values))));
            return this;
        }

        public SearchSpace build() {
            return new SearchSpace(params);
        }
    }
}
