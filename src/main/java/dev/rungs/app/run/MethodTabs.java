package dev.rungs.app.run;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.rungs.RungsViewModel;
import dev.rungs.app.tpe.TpeViewModel;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Trial;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The view models of a run's method tabs, TPE and rungs, owned by its {@link RunViewModel}:
 * which of them the study has, and the study handed to each only while its tab is in front
 * (the TPE view fits densities in the background, so a hidden one must not).
 *
 * <p>UI thread only, as the run view model.
 */
final class MethodTabs {

    private final TpeViewModel tpe;
    private final RungsViewModel rungs;
    private final ObjectProperty<RunTab> shown = new SimpleObjectProperty<>(this, "shown", RunTab.HISTORY);
    private final ReadOnlyBooleanWrapper hasTpe = new ReadOnlyBooleanWrapper(this, "hasTpe");
    private final ReadOnlyBooleanWrapper hasRungs = new ReadOnlyBooleanWrapper(this, "hasRungs");

    /** The study's trials as the run view model keeps them; copied for a tab when it is fed. */
    private final List<Trial> trials;
    private StudySpec spec;
    /** Whether the study changed since the TPE (rungs) view model last had it. */
    private boolean tpeStale;
    private boolean rungsStale;

    /**
     * @param tasks runs the tabs' background work
     * @param trials the study's trials, kept up to date by the owner
     */
    MethodTabs(TaskExecutor tasks, List<Trial> trials) {
        this.trials = trials;
        tpe = new TpeViewModel(tasks);
        rungs = new RungsViewModel(tasks);
        shown.addListener(o -> feedShown());
    }

    TpeViewModel tpe() {
        return tpe;
    }

    RungsViewModel rungs() {
        return rungs;
    }

    ObjectProperty<RunTab> shownProperty() {
        return shown;
    }

    ReadOnlyBooleanProperty hasTpeProperty() {
        return hasTpe.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasRungsProperty() {
        return hasRungs.getReadOnlyProperty();
    }

    /** The study's spec was read or changed. */
    void specChanged(StudySpec newSpec) {
        spec = newSpec;
        hasTpe.set(newSpec != null && TpeViewModel.explains(newSpec));
        hasRungs.set(newSpec != null && RungsViewModel.shows(newSpec));
        trialsChanged();
    }

    /** The study's trials changed (one batch of changes). */
    void trialsChanged() {
        tpeStale = true;
        rungsStale = true;
        feedShown();
    }

    private void feedShown() {
        if (spec == null) {
            return;
        }
        if (shown.get() == RunTab.TPE && tpeStale && hasTpe.get()) {
            tpeStale = false;
            tpe.setStudy(spec, List.copyOf(trials));
        }
        if (shown.get() == RunTab.RUNGS && rungsStale && hasRungs.get()) {
            rungsStale = false;
            rungs.setStudy(spec, List.copyOf(trials));
        }
    }
}
