package dev.rungs.scheduler.hyperband;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The trial attributes the multi-fidelity schedulers write, and how they read a trial's result
 * at a rung. The attributes are all a scheduler remembers: its indexes are built from them
 * alone (and follow them as trials change), so a study resumed from disk carries on where it
 * stopped.
 */
public final class RungAttrs {
    /** The bracket: Hyperband's s, or ASHA's minimum early-stopping rate. Exported to CSV. */
    public static final String BRACKET = "bracket";
    /** The rung the trial is at (0 = the smallest resource). Exported to CSV. */
    public static final String RUNG = "rung";
    /** The resource the trial's current run was given: the budget it reached or is reaching. */
    public static final String BUDGET = "budget";
    /** Which repetition of the bracket cycle the trial belongs to (synchronous schedulers). */
    public static final String ROUND = "round";
    /** {@link #PROMOTED} or {@link #STOPPED}; absent while no rung has decided about it. */
    public static final String OUTCOME = "outcome";
    /** {@link #OUTCOME}: the trial was promoted to its current rung. */
    public static final String PROMOTED = "promoted";
    /** {@link #OUTCOME}: the trial was not promoted and was ended as PRUNED. */
    public static final String STOPPED = "stopped";

    private RungAttrs() {
    }

    static Map<String, String> attrs(int bracket, OptionalInt round, int rung, long budget, String outcome) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(BRACKET, Integer.toString(bracket));
        round.ifPresent(r -> m.put(ROUND, Integer.toString(r)));
        m.put(RUNG, Integer.toString(rung));
        m.put(BUDGET, Long.toString(budget));
        if (outcome != null) {
            m.put(OUTCOME, outcome);
        }
        return m;
    }

    /** An integer attribute, or empty when absent or not a number (a trial of another scheduler). */
    public static OptionalInt intAttr(Trial t, String key) {
        String v = t.attrs().get(key);
        if (v == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    static OptionalLong longAttr(Trial t, String key) {
        String v = t.attrs().get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
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
