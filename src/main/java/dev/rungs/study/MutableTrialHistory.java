package dev.rungs.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link TrialHistory} that its owner (the engine, a test, a resumed study) appends to and
 * updates in place. Not thread-safe.
 */
public final class MutableTrialHistory implements TrialHistory {
    private final Direction direction;
    private final List<Trial> trials = new ArrayList<>();
    private final List<Trial> view = Collections.unmodifiableList(trials);
    /** The numbers of the last {@link #RECENT} trials put, by change count modulo its length. */
    private final int[] recent = new int[RECENT];
    private long changes;

    /** How many changes {@link #changedSince} remembers; a reader further behind looks at every trial. */
    private static final int RECENT = 4096;

    public MutableTrialHistory(Direction direction) {
        this.direction = direction;
    }

    @Override
    public List<Trial> trials() {
        return view;
    }

    @Override
    public Direction direction() {
        return direction;
    }

    /** The number the next added trial must have. */
    public int nextNumber() {
        return trials.size();
    }

    @Override
    public long changeCount() {
        return changes;
    }

    @Override
    public int[] changedSince(long since) {
        if (since < changes - RECENT || since > changes) {
            return null;
        }
        int[] out = new int[(int) (changes - since)];
        for (int i = 0; i < out.length; i++) {
            out[i] = recent[(int) ((since + i) % RECENT)];
        }
        return out;
    }

    /** Adds a new trial, or replaces the one with the same number. */
    public void put(Trial t) {
        if (t.number() == trials.size()) {
            trials.add(t);
        } else if (t.number() >= 0 && t.number() < trials.size()) {
            trials.set(t.number(), t);
        } else {
            throw new IllegalArgumentException("trial number " + t.number() + " is not next (" + trials.size() + ")");
        }
        recent[(int) (changes % RECENT)] = t.number();
        changes++;
    }

    public Trial get(int number) {
        return trials.get(number);
    }
}
