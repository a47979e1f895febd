package dev.rungs.app.run;

import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which trials the trials table shows: those in some states, and those whose number or
 * parameters contain a piece of text.
 *
 * @param states the states shown
 * @param text shown are trials whose number is this text, or whose {@code name=value} pairs
 *     contain it (case ignored); blank shows all
 */
public record TrialFilter(States states, String text) implements Predicate<Trial> {
    /** Everything. */
    public static final TrialFilter ALL = new TrialFilter(States.ALL, "");

    /** The choices of the state filter. */
    public enum States {
        /** Every trial. */
        ALL("All states"),
        /** Completed trials. */
        COMPLETE("Complete"),
        /** Trials a scheduler stopped early. */
        PRUNED("Pruned"),
        /** Trials whose objective failed. */
        FAILED("Failed"),
        /** Trials not ended: running, paused or waiting. */
        UNFINISHED("Running or paused");

        private final String label;

        States(String label) {
            this.label = label;
        }

        boolean accepts(TrialState s) {
            switch (this) {
                case COMPLETE:
                    return s == TrialState.COMPLETE;
                case PRUNED:
                    return s == TrialState.PRUNED;
                case FAILED:
                    return s == TrialState.FAIL;
                case UNFINISHED:
                    return !s.isFinished();
                default:
                    return true;
            }
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public TrialFilter {
        Objects.requireNonNull(states, "states");
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Trial t) {
        if (!states.accepts(t.state())) {
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
