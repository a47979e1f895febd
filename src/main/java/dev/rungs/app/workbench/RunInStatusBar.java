package dev.rungs.app.workbench;

import dev.rungs.app.run.RunViewModel;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.StudySummary;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Which running study the status bar follows, and what it says about it: the study in front if
 * it runs, else the one started last that still runs, else none. Its line and bar are bound to
 * that study's {@link RunViewModel}, so they move with it: {@code branin-tpe-1 · 23 of 30 trials
 * (…) · best 0.397887}.
 */
public final class RunInStatusBar {
    private final ObservableList<RunViewModel> runs;
    private final ObservableValue<Object> focus;
    private final ReadOnlyObjectWrapper<RunViewModel> run = new ReadOnlyObjectWrapper<>(this, "run");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final InvalidationListener choose = o -> choose();

    RunInStatusBar(ObservableList<RunViewModel> runs, ObservableValue<Object> focus) {
        this.runs = runs;
        this.focus = focus;
        runs.addListener((ListChangeListener<RunViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(r -> r.runningProperty().removeListener(choose));
                c.getAddedSubList().forEach(r -> r.runningProperty().addListener(choose));
            }
            choose();
        });
        focus.addListener(choose);
    }

    /** The study followed; null when none runs. */
    public ReadOnlyObjectProperty<RunViewModel> runProperty() {
        return run.getReadOnlyProperty();
    }

    /** Its name, trials and best value; empty when none runs. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Its progress bar's value (as the run view's), 0 when none runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The line for {@code r}: name, trials as {@link StudySummary#progress} counts them, best value. */
    static String line(RunViewModel r) {
        StudySpec spec = r.specProperty().get();
        StudySummary s = r.summaryProperty().get();
        return r.nameProperty().get() + " · " + s.progress(spec == null ? 0 : spec.budget().maxTrials())
                + " · best " + RunViewModel.formatValue(s.best());
    }

    private void choose() {
        RunViewModel pick = null;
        if (focus.getValue() instanceof RunViewModel inFront && inFront.runningProperty().get()) {
            pick = inFront;
        } else {
            for (RunViewModel r : runs) {
                if (r.runningProperty().get()) {
                    pick = r;
                }
            }
        }
        if (pick == run.get()) {
            return;
        }
        text.unbind();
        progress.unbind();
        run.set(pick);
        if (pick == null) {
            text.set("");
            progress.set(0);
        } else {
            RunViewModel r = pick;
            text.bind(Bindings.createStringBinding(() -> line(r), r.nameProperty(), r.specProperty(),
                    r.summaryProperty()));
            progress.bind(r.progressProperty());
        }
    }
}
