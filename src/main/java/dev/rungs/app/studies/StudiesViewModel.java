package dev.rungs.app.studies;

import dev.rungs.app.Recheck;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.Lease;
import dev.rungs.store.StudyStore;
import dev.rungs.study.FailureReasons;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind the study list: the studies in the store, with the ones running in this
 * window updating live, and the actions open, resume, stop and delete.
 *
 * <p>Holds JavaFX properties and lists but no nodes, so it is tested without a toolkit. Every
 * public method and property belongs to the UI thread; reading the store goes through the
 * injected {@link TaskExecutor}. Runs themselves belong to {@link RunViewModel}s; this list
 * only mirrors the ones it is given in {@link #track}. Studies that another runner runs are
 * read again every {@link StoredState#RECHECK} while the list shows any, so they are live too.
 */
public final class StudiesViewModel {
    private final TaskExecutor tasks;
    private final ObservableList<StudyRow> studies = FXCollections.observableArrayList();
    // Read-only views are made once: a wrapper made per call holds its listeners weakly, so a
    // listener added to it is lost when the wrapper is collected.
    private final ObservableList<StudyRow> studiesView = FXCollections.unmodifiableObservableList(studies);
    private final ObjectProperty<StudyRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canStop = new ReadOnlyBooleanWrapper(this, "canStop");
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper(this, "canDelete");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    /** Made from the list itself, so it can never say another number than the list shows. */
    // While the store is read the list may hold only the studies open in tabs: no count then.
    private final StringBinding count = Bindings.createStringBinding(() -> loading.get()
            ? "Reading studies …" : studies.size() + (studies.size() == 1 ? " study" : " studies"), studies, loading);
    private final ReadOnlyStringWrapper selectedHint = new ReadOnlyStringWrapper(this, "selectedHint", "");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    /** The runs of this window, each with the listener that mirrors it in its row. */
    private final MirroredRuns mirroredRuns = new MirroredRuns(this::sync, this::updateActions);

    private StudyStore store;
    private LongConsumer onOpen = id -> { };
    private LongConsumer onResume = id -> { };
    private LongConsumer onDeleted = id -> { };
    /** Reads the store again while it lists studies running elsewhere. */
    private final Recheck recheck;

    /**
     * @param store where studies are listed from
     * @param tasks runs background work and brings results to the UI thread
     */
    public StudiesViewModel(StudyStore store, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.recheck = new Recheck(tasks, StoredState.RECHECK, this::recheckElsewhere);
        InvalidationListener actions = o -> updateActions();
        selected.addListener(actions);
        updateActions();
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The studies, oldest first; the ones running in this window update live. */
    public ObservableList<StudyRow> studies() {
        return studiesView;
    }

    /** The study the actions apply to. */
    public ObjectProperty<StudyRow> selectedProperty() {
        return selected;
    }

    /** Whether the selected study can be resumed: it is stopped and runs neither here nor elsewhere. */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    /** Whether the selected study runs in this window and can be stopped. */
    public ReadOnlyBooleanProperty canStopProperty() {
        return canStop.getReadOnlyProperty();
    }

    /** Whether the selected study can be deleted: it runs neither in this window nor elsewhere. */
    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    /** Why the selected study's actions are limited, such as who runs it elsewhere; empty when they are not. */
    public ReadOnlyStringProperty selectedHintProperty() {
        return selectedHint.getReadOnlyProperty();
    }

    /** The last thing the list did or refused, for the status bar; empty when there is nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How many studies the list shows ("3 studies"), or that it is reading them; for the status bar. */
    public StringExpression countText() {
        return count;
    }

    /** Whether the store is being read; the list may still show what it had. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The problem to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ wiring

    /** Who opens a study's run view; called with the study id. */
    public void setOnOpen(LongConsumer action) {
        onOpen = Objects.requireNonNull(action);
    }

    /** Who resumes a study (opening its run view); called with the study id. */
    public void setOnResume(LongConsumer action) {
        onResume = Objects.requireNonNull(action);
    }

    /** Who hears that a study was deleted, to close its views; called with the study id. */
    public void setOnDeleted(LongConsumer action) {
        onDeleted = Objects.requireNonNull(action);
    }

    /** Lists the studies of another store from now on. */
    public void setStore(StudyStore newStore) {
        store = Objects.requireNonNull(newStore, "newStore");
        studies.clear();
        selected.set(null);
        status.set("");
        refresh();
    }

    /** Mirrors a run of this window in the list: its row shows the run's progress live. */
    public void track(RunViewModel run) {
        mirroredRuns.track(run);
    }

    /**
     * Stops mirroring a run, once its view is closed. A run still stopping is followed until it
     * has stopped, so its row ends with the right state.
     */
    public void untrack(RunViewModel run) {
        mirroredRuns.untrack(run);
    }

    // ------------------------------------------------------------------ actions

    /** Reads the store again. */
    public void refresh() {
        StudyStore from = store;
        loading.set(true);
        tasks.execute(() -> StudyRows.readStore(from), rows -> {
            if (from == store) {
                loading.set(false);
                mergeStudies(rows);
            }
        }, e -> {
            if (from == store) {
                loading.set(false);
                error.set(new ErrorReport("Cannot read the study store", ErrorReport.reason(e)));
            }
        });
    }

    /** The name the list shows for study {@code id}; empty when it lists no such study (yet). */
    public Optional<String> nameOf(long id) {
        StudyRow row = rowOf(id);
        return row == null ? Optional.empty() : Optional.of(row.name());
    }

    /** Opens the selected study's run view. */
    public void openSelected() {
        StudyRow row = selected.get();
        if (row != null) {
            onOpen.accept(row.studyId());
        }
    }

    /** Resumes the selected study; one running elsewhere is refused, naming who runs it. */
    public void resumeSelected() {
        StudyRow row = selected.get();
        if (row == null) {
            return;
        }
        Optional<Lease> elsewhere = row.elsewhere();
        if (elsewhere.isPresent()) {
            ErrorReport refusal = StoredState.refusal(row.name(), elsewhere.get());
            status.set(refusal.heading() + ": " + StoredState.hint(elsewhere.get()));
            error.set(refusal);
        } else if (canResume.get()) {
            onResume.accept(row.studyId());
            updateActions();
        }
    }

    /** Stops the selected study's run. */
    public void stopSelected() {
        StudyRow row = selected.get();
        RunViewModel run = row == null ? null : mirroredRuns.runOf(row.studyId());
        if (run != null) {
            run.stop();
        }
    }

    /** Deletes the selected study from the store, with all its trials; the view asks first. */
    public void deleteSelected() {
        StudyRow row = selected.get();
        if (row == null || !canDelete.get()) {
            return;
        }
        StudyStore from = store;
        status.set("Deleting " + row.name() + " …");
        tasks.execute(() -> {
            from.deleteStudy(row.studyId());
            return row;
        }, deleted -> {
            studies.remove(deleted);
            if (selected.get() == deleted) {
                selected.set(null);
            }
            status.set("Deleted " + deleted.name());
            onDeleted.accept(deleted.studyId());
        }, e -> error.set(new ErrorReport("Cannot delete " + row.name(), ErrorReport.reason(e))));
    }

    /** Forgets the error once the view has shown it, so the same error can be reported again. */
    public void clearError() {
        error.set(null);
    }

    // ------------------------------------------------------------------ inner workings

    private void mergeStudies(List<StudyRow> fromStore) {
        Map<Long, StudyRow> shown = new HashMap<>();
        for (StudyRow r : studies) {
            shown.put(r.studyId(), r);
        }
        List<StudyRow> merged = new ArrayList<>();
        for (StudyRow r : fromStore) {
            StudyRow old = shown.remove(r.studyId());
            // A study running in this window knows its state better than the store does.
            merged.add(old != null && mirroredRuns.runOf(r.studyId()) != null ? old : r);
        }
        // Runs whose study the store did not list yet (created while it was being read).
        for (StudyRow r : shown.values()) {
            if (mirroredRuns.runOf(r.studyId()) != null) {
                merged.add(r);
            }
        }
        StudyRow keep = selected.get();
        studies.setAll(merged);
        selected.set(keep == null ? null : rowOf(keep.studyId()));
        updateActions();
        recheckIfElsewhere();
    }

    /**
     * Reads the rows running elsewhere again, and only those: the list may hold many studies
     * with many trials, and only these can change without this window knowing.
     */
    private void recheckElsewhere() {
        StudyStore from = store;
        List<Long> ids = studies.stream()
                .filter(r -> r.state() == StudyState.RUNNING_ELSEWHERE && mirroredRuns.runOf(r.studyId()) == null)
                .map(StudyRow::studyId).toList();
        if (ids.isEmpty()) {
            return;
        }
        tasks.execute(() -> StudyRows.readRows(from, ids), fresh -> {
            if (from != store) {
                return;
            }
            for (long id : ids) {
                StudyRow row = rowOf(id);
                StudyRow now = fresh.stream().filter(f -> f.studyId() == id).findFirst().orElse(null);
                if (row == null || mirroredRuns.runOf(id) != null) {
                    continue; // gone from the list, or a run of this window has it now
                }
                if (now == null) {
                    // Deleted by the other side: as a reload would show it.
                    studies.remove(row);
                    if (selected.get() == row) {
                        selected.set(null);
                    }
                } else {
                    // In place, so the table keeps its selection and scroll position.
                    row.setState(now.state(), now.elsewhere().orElse(null));
                    row.setSummary(now.summary());
                    row.setFailures(now.failures());
                }
            }
            updateActions();
            recheckIfElsewhere();
        }, e -> error.set(new ErrorReport("Cannot read the study store", ErrorReport.reason(e))));
    }

    private void recheckIfElsewhere() {
        if (studies.stream().anyMatch(r -> r.state() == StudyState.RUNNING_ELSEWHERE)) {
            recheck.request();
        }
    }

    /** Shows the run's state in its row; adds the row (a study just created) if {@code add}. */
    private void sync(RunViewModel run, boolean add) {
        long id = run.studyIdProperty().get();
        if (id < 0 || run.stateProperty().get() == null) {
            return;
        }
        StudyRow row = rowOf(id);
        if (row == null && !add) {
            return;
        }
        if (row == null) {
            StudySpec spec = run.specProperty().get();
            row = new StudyRow(id, run.nameProperty().get(), spec == null ? "?" : StudyRows.methodName(spec),
                    run.created() == null ? java.time.Instant.now() : run.created(), run.stateProperty().get(),
                    run.elsewhereProperty().get());
            studies.add(row);
        }
        row.setState(run.stateProperty().get(), run.elsewhereProperty().get());
        row.setSummary(run.summaryProperty().get());
        row.setFailures(FailureReasons.of(run.trials()));
        updateActions();
    }

    private StudyRow rowOf(long id) {
        for (StudyRow r : studies) {
            if (r.studyId() == id) {
                return r;
            }
        }
        return null;
    }

    private void updateActions() {
        StudyRow row = selected.get();
        RunViewModel run = row == null ? null : mirroredRuns.runOf(row.studyId());
        // A view still reading the study to resume it counts as running: Resume again would start a second run.
        boolean runningHere = run != null && (run.runningProperty().get() || run.openingProperty().get());
        Optional<Lease> elsewhere = row == null ? Optional.empty() : row.elsewhere();
        canStop.set(runningHere);
        canDelete.set(row != null && !runningHere && elsewhere.isEmpty());
        canResume.set(row != null && !runningHere && row.state() == StudyState.STOPPED);
        selectedHint.set(elsewhere.map(l -> StoredState.hint(l) + " · stop or resume it there")
                .orElseGet(() -> row == null ? "" : row.failureHint()));
    }

}
