package dev.rungs.space;

import java.util.List;
import java.util.Objects;

/**
 * Makes a parameter active only when its parent parameter is active and has one of the
 * given values (for example {@code gamma} only when {@code kernel} is {@code rbf}).
 *
 * @param parent name of a parameter declared earlier in the same search space
 * @param values the parent values that activate the child; never empty
 */
public record Condition(String parent, List<Object> values) {
    public Condition {
        Objects.requireNonNull(parent, "parent");
        values = List.copyOf(values);
    }

    /** Whether a parent value activates the child; numbers compare by value, not by boxed type. */
    public boolean accepts(Object parentValue) {
        for (Object v : values) {
            if (ValueEquality.same(v, parentValue)) {
                return true;
            }
        }
        return false;
    }
}
