package dev.rungs.app.studies;

import dev.rungs.app.run.RunViewModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/**
 * The runs of this window whose rows the study list keeps live: each change of what a row
 * shows (state, counts, the lease of another runner) is handed to the list. UI thread only.
 */
final class MirroredRuns {
    private final Map<RunViewModel, InvalidationListener> runs = new LinkedHashMap<>();
    /** Shows a run in its row; the flag says whether to add the row when it is missing. */
    private final BiConsumer<RunViewModel, Boolean> show;
    private final Runnable untracked;

    /**
     * @param show shows a run's state in its row, adding the row (a study just created) if asked
     * @param untracked called once a run is no longer followed
     */
    MirroredRuns(BiConsumer<RunViewModel, Boolean> show, Runnable untracked) {
        this.show = show;
        this.untracked = untracked;
    }

    void track(RunViewModel run) {
        InvalidationListener sync = o -> show.accept(run, true);
        runs.put(run, sync);
        for (Observable o : mirrored(run)) {
            o.addListener(sync);
        }
        show.accept(run, true);
    }

    /** Stops following a run; one still stopping is followed until it has stopped, so its row ends right. */
    void untrack(RunViewModel run) {
        if (run.runningProperty().get()) {
            run.runningProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (!is) {
                        o.removeListener(this);
                        untrack(run);
                    }
                }
            });
            return;
        }
        InvalidationListener sync = runs.remove(run);
        if (sync != null) {
            // The last word, whatever order the listeners were told in; a deleted study stays gone.
            show.accept(run, false);
            for (Observable o : mirrored(run)) {
                o.removeListener(sync);
            }
        }
        untracked.run();
    }

    /** The run of this window that shows study {@code id}, or null. */
    RunViewModel runOf(long id) {
        for (RunViewModel r : runs.keySet()) {
            if (r.shows(id)) {
                return r;
            }
        }
        return null;
    }

    /** What of a run its row mirrors. */
    private static List<Observable> mirrored(RunViewModel run) {
        return List.of(run.studyIdProperty(), run.stateProperty(), run.elsewhereProperty(),
                run.summaryProperty(), run.openingProperty());
    }
}
