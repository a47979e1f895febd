package dev.rungs.app.run;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which trials the trials table shows: those in some states, and those whose number or
 * parameters contain a piece of text.
 *
 * @param states the states shown (any set; none shows nothing)
 * @param text shown are trials whose number is this text, or whose {@code name=value} pairs
 *     contain it (case ignored); blank shows all
 */
public record TrialFilter(Set<TrialState> states, String text) implements Predicate<Trial> {
    /** Every state: what the table shows until the person chooses. */
    public static final Set<TrialState> ALL_STATES = Set.copyOf(EnumSet.allOf(TrialState.class));
    /** Everything. */
    public static final TrialFilter ALL = new TrialFilter(ALL_STATES, "");

    public TrialFilter {
        states = Set.copyOf(Objects.requireNonNull(states, "states"));
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    /** The states as a filter keeps them: a copy in which order and duplicates do not matter. */
    public static Set<TrialState> states(Collection<TrialState> chosen) {
        return chosen.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(chosen));
    }

    /** A state as the filter's check boxes and the table name it: {@code complete}, {@code failed}. */
    public static String label(TrialState s) {
        return s == TrialState.FAIL ? "failed" : s.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Trial t) {
        if (!states.contains(t.state())) {
            return false;
        }
        if (text.isEmpty() || text.equals(Integer.toString(t.number()))) {
            return true;
        }
        for (Map.Entry<String, Object> e : t.config().values().entrySet()) {
            String pair = (e.getKey() + "=" + e.getValue()).toLowerCase(Locale.ROOT);
            if (pair.contains(text)) {
                return true;
            }
        }
        return false;
    }
}
