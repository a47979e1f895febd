package dev.rungs.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a spec something is: the root ({@code $}) and a step per field name or array index,
 * written as {@code $.space[1].low}. Code that wants to know which part of a spec a problem is
 * in asks this value ({@link #indexUnder}, {@link #fieldOf}) instead of reading the text.
 */
public final class SpecPath {
    private static final SpecPath ROOT = new SpecPath(List.of());
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[(\\d+)\\]");

    /** One step down: into a field of an object or an element of an array. */
    public sealed interface Step permits Field, Index {
    }

    /** The field {@code name} of an object. */
    public record Field(String name) implements Step {
    }

    /** The element at {@code index} (from 0) of an array. */
    public record Index(int index) implements Step {
    }

    private final List<Step> steps;

    private SpecPath(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The whole document, {@code $}. */
    public static SpecPath root() {
        return ROOT;
    }

    /** The path of the field {@code name} of the object here. */
    public SpecPath field(String name) {
        return then(new Field(name));
    }

    /** The path of element {@code i} of the array here. */
    public SpecPath index(int i) {
        return then(new Index(i));
    }

    private SpecPath then(Step step) {
        List<Step> longer = new ArrayList<>(steps);
        longer.add(step);
        return new SpecPath(longer);
    }

    /** The steps from the root, first step first. */
    public List<Step> steps() {
        return steps;
    }

    /** True if this path is at or below the fields {@code fields}, as {@code $.sampler.type} is under "sampler". */
    public boolean isUnder(String... fields) {
        if (steps.size() < fields.length) {
            return false;
        }
        for (int i = 0; i < fields.length; i++) {
            if (!steps.get(i).equals(new Field(fields[i]))) {
                return false;
            }
        }
        return true;
    }

    /** The array index right below {@code fields}: 1 for {@code $.space[1].low} under "space". */
    public OptionalInt indexUnder(String... fields) {
        return isUnder(fields) && steps.size() > fields.length && steps.get(fields.length) instanceof Index i
                ? OptionalInt.of(i.index()) : OptionalInt.empty();
    }

    /** The field name right below {@code fields}: "low" for {@code $.sampler.low} under "sampler". */
    public Optional<String> fieldOf(String... fields) {
        return isUnder(fields) && steps.size() > fields.length && steps.get(fields.length) instanceof Field f
                ? Optional.of(f.name()) : Optional.empty();
    }

    /**
     * Reads a path written as {@link #toString} writes plain ones ({@code $.a.b[2]}); for code that
     * still builds its paths as text.
     *
     * @throws IllegalArgumentException if {@code text} is not such a path
     */
    public static SpecPath parse(String text) {
        if (!text.startsWith("$")) {
            throw new IllegalArgumentException("a spec path starts with $: " + text);
        }
        Matcher m = STEP.matcher(text);
        SpecPath path = ROOT;
        int at = 1;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("not a spec path: " + text);
            }
            path = m.group(1) != null ? path.field(m.group(1)) : path.index(Integer.parseInt(m.group(2)));
            at = m.end();
        }
        return path;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("$");
        for (Step s : steps) {
            if (s instanceof Index i) {
                b.append('[').append(i.index()).append(']');
            } else {
                String name = ((Field) s).name();
                if (PLAIN_NAME.matcher(name).matches()) {
                    b.append('.').append(name);
                } else {
                    b.append("[\"").append(SpecProblem.oneLine(name.replace("\\", "\\\\").replace("\"", "\\\"")))
                            .append("\"]");
                }
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecPath p && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }
}
