package dev.rungs.app.run;

import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The trials one run view shows, kept up to date while a run goes on, with their
 * {@link StudySummary} counted as they change.
 *
 * <p>The engine thread only {@link #offer}s a changed trial (a concurrent map, by number); the UI
 * thread {@link #apply}s everything offered in one batch, as often as the run view's throttle
 * lets it. Each trial costs O(1) to count ({@link StudySummary.Tally}), so a run of thousands of
 * trials a second never recounts the study. Everything but {@link #offer} belongs to the UI thread.
 */
final class LiveTrials {
    /** Up to this many changed trials are applied one by one; more are applied as one change. */
    static final int SMALL_BATCH = 20;

    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    // Read-only views are made once: a wrapper made per call holds its listeners weakly, so a
    // listener added to it is lost when the wrapper is collected.
    private final ObservableList<Trial> trialsView = FXCollections.unmodifiableObservableList(trials);
    private final FilteredList<Trial> shown = new FilteredList<>(trials);
    private final ObservableList<Trial> shownView = FXCollections.unmodifiableObservableList(shown);
    private final ObjectProperty<Set<TrialState>> shownStates =
            new SimpleObjectProperty<>(this, "shownStates", TrialFilter.ALL_STATES);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Trial> selected = new SimpleObjectProperty<>(this, "selectedTrial");
    /** Counts the batches applied to {@link #trials}; charts redraw when it changes, once per batch. */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    /** Trials changed by the engine and not yet shown, by number; written on the engine thread. */
    private final ConcurrentSkipListMap<Integer, Trial> pending = new ConcurrentSkipListMap<>();
    private StudySummary.Tally tally;

    LiveTrials() {
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> new TrialFilter(shownStates.get(), filterText.get()), shownStates, filterText));
    }

    ObservableList<Trial> trials() {
        return trialsView;
    }

    ObservableList<Trial> shown() {
        return shownView;
    }

    ObjectProperty<Set<TrialState>> shownStatesProperty() {
        return shownStates;
    }

    StringProperty filterTextProperty() {
        return filterText;
    }

    ObjectProperty<Trial> selectedProperty() {
        return selected;
    }

    ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The counts of what is shown now; {@link StudySummary#EMPTY} before the first trial. */
    StudySummary summary() {
        return tally == null ? StudySummary.EMPTY : tally.summary();
    }

    /** Selects trial {@code number}, if it is shown. */
    void select(int number) {
        if (number >= 0 && number < trials.size()) {
            selected.set(trials.get(number));
        }
    }

    /** Any thread: {@code t} changed; shown at the next {@link #apply}. */
    void offer(Trial t) {
        pending.put(t.number(), t);
    }

    /** Offers the trials of {@code fresh} that differ from those shown (a study read again). */
    void offerChanged(List<Trial> fresh) {
        for (Trial t : fresh) {
            if (t.number() >= trials.size() || !t.equals(trials.get(t.number()))) {
                pending.put(t.number(), t);
            }
        }
    }

    /** Shows exactly {@code all} (a study just read, or a run just started), best by {@code direction}. */
    void replace(List<Trial> all, Direction direction) {
        trials.clear();
        tally = new StudySummary.Tally(direction);
        List<Trial> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Trial> dense = new ArrayList<>(sorted.size());
        for (Trial t : sorted) {
            if (t.number() == dense.size()) {
                dense.add(t);
                tally.put(t);
            }
        }
        trials.setAll(dense);
    }

    /**
     * Shows what was offered, in number order and without gaps (a later number waits for the
     * earlier ones, which always come: numbers are dense). Returns whether anything changed;
     * then call {@link #announce}.
     *
     * @param direction the study's, for the best value should no trial have been shown before
     */
    boolean apply(Direction direction) {
        List<Trial> batch = new ArrayList<>();
        int next = trials.size();
        while (!pending.isEmpty()) {
            Map.Entry<Integer, Trial> first = pending.firstEntry();
            int n = first.getKey();
            if (n > next) {
                break; // an earlier number has not arrived yet
            }
            pending.remove(n, first.getValue());
            batch.add(first.getValue());
            next = Math.max(next, n + 1);
        }
        if (batch.isEmpty()) {
            return false;
        }
        if (tally == null) {
            tally = new StudySummary.Tally(direction);
        }
        if (batch.size() <= SMALL_BATCH) {
            batch.forEach(this::put);
        } else {
            // One change event for the whole batch: the sorted, filtered table then re-sorts
            // once instead of once per trial, which is what keeps a fast run responsive.
            List<Trial> all = new ArrayList<>(trials);
            for (Trial t : batch) {
                if (t.number() < all.size()) {
                    all.set(t.number(), t);
                } else {
                    all.add(t);
                }
                tally.put(t);
            }
            Trial was = selected.get();
            trials.setAll(all);
            if (was != null && was.number() < all.size()) {
                selected.set(all.get(was.number()));
            }
        }
        return true;
    }

    /**
     * Tells the charts that a batch was shown ({@link #revisionProperty}); the owner calls it
     * after {@link #replace} or an {@link #apply} that changed something, once its own counts
     * are up to date, so a chart that reads them then reads the new ones.
     */
    void announce() {
        revision.set(revision.get() + 1);
    }

    /** Shows a changed trial, keeping the selection on it and the counts right. */
    private void put(Trial t) {
        if (t.number() < trials.size()) {
            Trial old = trials.get(t.number());
            trials.set(t.number(), t);
            if (selected.get() == old) {
                selected.set(t);
            }
        } else {
            trials.add(t);
        }
        tally.put(t);
    }
}
