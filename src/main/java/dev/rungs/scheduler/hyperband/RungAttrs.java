package dev.rungs.scheduler.hyperband;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialFact.RungOutcome;
import dev.rungs.study.TrialState;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The facts the multi-fidelity schedulers record about a trial ({@link TrialFact#BRACKET},
 * {@link TrialFact#RUNG}, {@link TrialFact#BUDGET}, {@link TrialFact#ROUND},
 * {@link TrialFact#OUTCOME}), and how they read a trial's result at a rung. The facts are all a
 * scheduler remembers: it rebuilds its state from them, so a study resumed from disk carries
 * on where it stopped.
 */
public final class RungAttrs {
    /** The attributes of a trial a rung did not promote: it ends PRUNED. */
    static final Map<String, String> STOPPED_HERE = Map.ofEntries(TrialFact.OUTCOME.entry(RungOutcome.STOPPED));

    private RungAttrs() {
    }

    static Map<String, String> attrs(int bracket, OptionalInt round, int rung, long budget, RungOutcome outcome) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        put(m, TrialFact.BRACKET.entry(bracket));
        round.ifPresent(r -> put(m, TrialFact.ROUND.entry(r)));
        put(m, TrialFact.RUNG.entry(rung));
        put(m, TrialFact.BUDGET.entry(budget));
        if (outcome != null) {
            put(m, TrialFact.OUTCOME.entry(outcome));
        }
        return m;
    }

    private static void put(Map<String, String> m, Map.Entry<String, String> e) {
        m.put(e.getKey(), e.getValue());
    }

    /** The trial's bracket, or empty for a trial of another scheduler. */
    public static OptionalInt bracket(Trial t) {
        return TrialFact.BRACKET.in(t).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * Which of {@code count} brackets numbered from {@code first} a trial is in, from 0; with one
     * bracket every trial is in it, whatever its bracket says; -1 when it is in none of them.
     */
    static int bracketIndex(Trial t, int first, int count) {
        if (count == 1) {
            return 0;
        }
        OptionalInt s = bracket(t);
        int b = s.isPresent() ? s.getAsInt() - first : -1;
        return b >= 0 && b < count ? b : -1;
    }

    /** The rung the trial is at, or empty. */
    public static OptionalInt rung(Trial t) {
        return TrialFact.RUNG.in(t).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The repetition of the bracket cycle the trial belongs to, or empty (ASHA has none). */
    public static OptionalInt round(Trial t) {
        return TrialFact.ROUND.in(t).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The resource the trial's current run was given, or empty. */
    static OptionalLong budget(Trial t) {
        return TrialFact.BUDGET.in(t).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Whether the trial has a result at a rung of {@code resource}: a report at or beyond it, or
     * a failure while running towards it (which counts as the worst result, as in HpBandSter).
     */
    static boolean hasResult(Trial t, long resource) {
        return t.lastStep() >= resource || t.state() == TrialState.FAIL;
    }

    /**
     * The trial's result at a rung of {@code resource} as a loss: its first report at or after
     * that step (the value it had when it reached the rung, as Optuna records it); a failure, a
     * non-finite value or no report is the worst possible loss.
     */
    static double lossAt(Trial t, long resource, Direction direction) {
        java.util.OptionalDouble v = t.reportAtOrAfter(resource);
        if (v.isEmpty() || Double.isNaN(v.getAsDouble())) {
            return Double.POSITIVE_INFINITY;
        }
        double loss = direction.toLoss(v.getAsDouble());
        return Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
    }
}
