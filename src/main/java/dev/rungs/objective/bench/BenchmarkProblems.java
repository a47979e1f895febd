package dev.rungs.objective.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The benchmark problems by the names used in specs, with their options:
 * <ul>
 *   <li>{@code branin}, {@code hartmann3}, {@code hartmann6}: no options;</li>
 *   <li>{@code rosenbrock}: {@code dims} (default 2, at least 2);</li>
 *   <li>{@code mf-hartmann6}: {@code z_min} (default 1), {@code z_max} (81), {@code bias} (0.5),
 *       {@code noise} (0.1);</li>
 *   <li>{@code counting-ones}: {@code n_cat} (default 8), {@code n_cont} (8).</li>
 * </ul>
 * Names are matched ignoring case. Options a problem does not know are rejected rather than
 * ignored, so that a misspelt option in a spec does not silently run the default problem.
 */
public final class BenchmarkProblems {
    /** Default dimension of {@code rosenbrock}: the classic two-dimensional banana valley. */
    public static final int DEFAULT_ROSENBROCK_DIMS = 2;

    private record Entry(Set<String> options, Function<Options, BenchmarkProblem> factory) {
    }

    private static final Map<String, Entry> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put("branin", new Entry(Set.of(), o -> new Branin()));
        REGISTRY.put("hartmann3", new Entry(Set.of(), o -> Hartmann.three()));
        REGISTRY.put("hartmann6", new Entry(Set.of(), o -> Hartmann.six()));
        REGISTRY.put("rosenbrock", new Entry(Set.of("dims"),
                o -> new Rosenbrock(o.count("dims", DEFAULT_ROSENBROCK_DIMS))));
        REGISTRY.put("mf-hartmann6", new Entry(Set.of("z_min", "z_max", "bias", "noise"),
                o -> new MultiFidelityHartmann(
                        o.integer("z_min", MultiFidelityHartmann.DEFAULT_Z_MIN),
                        o.integer("z_max", MultiFidelityHartmann.DEFAULT_Z_MAX),
                        o.real("bias", MultiFidelityHartmann.DEFAULT_BIAS),
                        o.real("noise", MultiFidelityHartmann.DEFAULT_NOISE))));
        REGISTRY.put("counting-ones", new Entry(Set.of("n_cat", "n_cont"),
                o -> new CountingOnes(
                        o.count("n_cat", CountingOnes.DEFAULT_N_CAT),
                        o.count("n_cont", CountingOnes.DEFAULT_N_CONT))));
    }

    private BenchmarkProblems() {
    }

    /** The known problem names, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The problem called {@code name} with default options. */
    public static BenchmarkProblem byName(String name) {
        return byName(name, Map.of());
    }

    /**
     * The problem called {@code name}, configured by {@code options} (numbers, or strings that
     * parse as numbers, as they come from a spec file).
     *
     * @param options option name to value; null or empty for the defaults
     * @throws IllegalArgumentException for an unknown name (the message lists the known ones), an
     *     option the problem does not have, or a value that is not a valid number for it
     */
    public static BenchmarkProblem byName(String name, Map<String, Object> options) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Entry e = REGISTRY.get(key);
        if (e == null) {
            throw new IllegalArgumentException("unknown benchmark problem '" + name + "'; known problems: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        Map<String, Object> given = options == null ? Map.of() : options;
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(e.options());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("benchmark problem '" + key + "' has no option(s) " + unknown
                    + (e.options().isEmpty() ? "; it takes no options" : "; its options are "
                            + new TreeSet<>(e.options())));
        }
        return e.factory().apply(new Options(key, given));
    }

    /** Typed access to option values, with messages that name the problem and the option. */
    private record Options(String problem, Map<String, Object> values) {
        long integer(String option, long dflt) {
            Object v = values.get(option);
            if (v == null) {
                return dflt;
            }
            double d = number(option, v);
            if (d != Math.rint(d) || Math.abs(d) > 1e15) {
                throw bad(option, v, "a whole number");
            }
            return (long) d;
        }

        /** A whole number small enough to size a space (the problem checks its own lower bound). */
        int count(String option, int dflt) {
            long v = integer(option, dflt);
            if (v > 100_000 || v < Integer.MIN_VALUE) {
                throw bad(option, v, "at most 100000");
            }
            return (int) v;
        }

        double real(String option, double dflt) {
            Object v = values.get(option);
            return v == null ? dflt : number(option, v);
        }

        private double number(String option, Object v) {
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException ex) {
                    throw bad(option, v, "a number");
                }
            }
            throw bad(option, v, "a number");
        }

        private IllegalArgumentException bad(String option, Object v, String what) {
            return new IllegalArgumentException("option '" + option + "' of benchmark problem '" + problem
                    + "' must be " + what + ", got " + v);
        }
    }
}
