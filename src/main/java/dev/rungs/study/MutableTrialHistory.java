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

    /** Adds a new trial, or replaces the one with the same number. */
    public void put(Trial t) {
        if (t.number() == trials.size()) {
            trials.add(t);
        } else if (t.number() >= 0 && t.number() < trials.size()) {
            trials.set(t.number(), t);
        } else {
            throw new IllegalArgumentException("trial number " + t.number() + " is not next (" + trials.size() + ")");
        }
    }

    public Trial get(int number) {
        return trials.get(number);
    }
}
