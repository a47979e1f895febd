package dev.rungs.store;

import dev.rungs.study.Trial;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which parts of a trial differ from what was saved of it before: what {@link StudyStore#saveTrial}
 * writes. The engine knows what each step of a trial's life changes (a report adds one value, an
 * end sets the state and a few attributes), so it says so, and a store writes just that instead of
 * comparing the whole trial with its last saved version.
 *
 * <p>Changes combine with {@link #and}: {@code TrialChange.row().andAttrs(keys)} is a state change
 * that also set or removed those attributes.
 */
public final class TrialChange {
    private static final TrialChange NONE = new TrialChange(false, false, false, Set.of(), new TreeSet<>());
    private static final TrialChange EVERYTHING = new TrialChange(true, true, true, Set.of(), new TreeSet<>());
    private static final TrialChange ROW = new TrialChange(false, true, false, Set.of(), new TreeSet<>());
    private static final TrialChange CONFIG = new TrialChange(false, true, true, Set.of(), new TreeSet<>());

    private final boolean everything;
    private final boolean row;
    private final boolean config;
    private final Set<String> attrs;
    private final SortedSet<Long> steps;

    private TrialChange(boolean everything, boolean row, boolean config, Set<String> attrs, SortedSet<Long> steps) {
        this.everything = everything;
        this.row = row;
        this.config = config;
        this.attrs = Collections.unmodifiableSet(attrs);
        this.steps = Collections.unmodifiableSortedSet(steps);
    }

    /** Nothing changed; a start for {@link #and}. */
    public static TrialChange none() {
        return NONE;
    }

    /**
     * Anything may have changed, reports and attributes removed included: the store rewrites the
     * whole trial. For callers that do not know what they changed (tools, imports); it costs a
     * write of every row of the trial.
     */
    public static TrialChange everything() {
        return EVERYTHING;
    }

    /** The trial's own fields changed: state, value, started, finished or parent. */
    public static TrialChange row() {
        return ROW;
    }

    /** The configuration was replaced and the parent set (a PBT exploit). */
    public static TrialChange exploit() {
        return CONFIG;
    }

    /** One intermediate value was reported (or reported again) at {@code step}. */
    public static TrialChange report(long step) {
        return new TrialChange(false, false, false, Set.of(), new TreeSet<>(Set.of(step)));
    }

    /** These attributes were set (a key the trial has) or removed (a key it no longer has). */
    public static TrialChange attrs(String... keys) {
        return attrs(Arrays.asList(keys));
    }

    /** These attributes were set (a key the trial has) or removed (a key it no longer has). */
    public static TrialChange attrs(Collection<String> keys) {
        return NONE.andAttrs(keys);
    }

    /** This change and {@code other}. */
    public TrialChange and(TrialChange other) {
        if (other == NONE) {
            return this;
        }
        Set<String> a = new LinkedHashSet<>(attrs);
        a.addAll(other.attrs);
        SortedSet<Long> s = new TreeSet<>(steps);
        s.addAll(other.steps);
        return new TrialChange(everything || other.everything, row || other.row, config || other.config, a, s);
    }

    /** This change and the attributes {@code keys} set or removed. */
    public TrialChange andAttrs(Collection<String> keys) {
        if (keys.isEmpty()) {
            return this;
        }
        Set<String> a = new LinkedHashSet<>(attrs);
        a.addAll(keys);
        return new TrialChange(everything, row, config, a, new TreeSet<>(steps));
    }

    /** This change and the attributes {@code keys} set or removed. */
    public TrialChange andAttrs(String... keys) {
        return andAttrs(Arrays.asList(keys));
    }

    /** Whether anything may have changed: the whole trial is to be rewritten. */
    public boolean rewritesAll() {
        return everything;
    }

    /** Whether the trial's own fields (state, value, started, finished, parent) changed. */
    public boolean touchesRow() {
        return row || everything;
    }

    /** Whether the configuration changed. */
    public boolean touchesConfig() {
        return config || everything;
    }

    /** The attribute keys named as set or removed; with {@link #rewritesAll()} any attribute may have changed. */
    public Set<String> attrKeys() {
        return attrs;
    }

    /** The steps named as reported; with {@link #rewritesAll()} any step may have changed. */
    public SortedSet<Long> reportedSteps() {
        return steps;
    }

    /**
     * Checks that {@code t} has a value at every step this change names as reported, so a store
     * is never asked to write a report the snapshot does not hold.
     *
     * @throws IllegalArgumentException if it has not
     */
    public void requireReportsIn(Trial t) {
        for (long step : steps) {
            if (!t.intermediate().containsKey(step)) {
                throw new IllegalArgumentException("trial " + t.number() + " is saved as reported at step " + step
                        + " but has no value there");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialChange c && everything == c.everything && row == c.row && config == c.config
                && attrs.equals(c.attrs) && steps.equals(c.steps);
    }

    @Override
    public int hashCode() {
        return ((Boolean.hashCode(everything) * 31 + Boolean.hashCode(row)) * 31 + Boolean.hashCode(config)) * 31
                + attrs.hashCode() * 17 + steps.hashCode();
    }

    @Override
    public String toString() {
        if (everything) {
            return "TrialChange[everything]";
        }
        return "TrialChange[" + (row ? "row " : "") + (config ? "config " : "") + "attrs=" + attrs + " steps=" + steps
                + "]";
    }
}
