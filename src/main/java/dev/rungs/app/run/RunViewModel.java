package dev.rungs.app.run;

import dev.rungs.app.charts.HistoryData;
import dev.rungs.app.Notice;
import dev.rungs.app.SaveFile;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.rungs.RungsViewModel;
import dev.rungs.app.tpe.TpeViewModel;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.studies.StoredState;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.Lease;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * One study as the run view shows it: its trials, progress and best value, live while a run
 * goes on, and the actions stop, resume and export.
 *
 * <p>Holds JavaFX properties and lists but no nodes. Every public method and property belongs
 * to the UI thread. Its parts: {@link ShownStudy} (what is shown), {@link StudyOpening} (reading
 * a stored study, and reading it again while it runs elsewhere), {@link StudyRun} (running it
 * here, with the engine's events applied in batches at most ten times a second) and
 * {@link MethodTabs} (the TPE and rungs tabs' view models).
 *
 * <p>A study that another runner runs is shown read-only ({@link StudyState#RUNNING_ELSEWHERE})
 * and read from the store again every {@link StoredState#RECHECK} until that runner ends.
 */
public final class RunViewModel {
    /** Shortest time between two live updates: at most ten a second. */
    public static final Duration LIVE_UPDATE_INTERVAL = Duration.ofMillis(100);
    /** How often the view should call {@link #tick} while a run goes on, so the clock moves with no events. */
    public static final Duration CLOCK_TICK = Duration.ofSeconds(1);

    private final StudyStore store;
    private final TaskExecutor tasks;
    private final ShownStudy shown = new ShownStudy();
    private final StudyOpening opening;
    private final StudyRun run;
    /** The TPE and rungs tabs' view models, fed while their tab is in front. */
    private final MethodTabs methodTabs;

    /**
     * @param store where the study lives
     * @param tasks runs background work and brings results to the UI thread
     */
    public RunViewModel(StudyStore store, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        opening = new StudyOpening(shown, store, tasks, this::resume);
        run = new StudyRun(shown, store, tasks, opening::followElsewhere);
        methodTabs = new MethodTabs(tasks, shown.live.trials());
        shown.spec.addListener(o -> methodTabs.specChanged(shown.spec.get()));
        shown.live.revisionProperty().addListener(o -> methodTabs.trialsChanged());
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The study's key in the store; -1 until it is known. */
    public ReadOnlyLongProperty studyIdProperty() {
        return shown.studyId.getReadOnlyProperty();
    }

    /** The study's name. */
    public ReadOnlyStringProperty nameProperty() {
        return shown.name.getReadOnlyProperty();
    }

    /** The study's spec; null until read. */
    public ReadOnlyObjectProperty<StudySpec> specProperty() {
        return shown.spec.getReadOnlyProperty();
    }

    /** Running (here or elsewhere), finished, stopped or failed; null until known. */
    public ReadOnlyObjectProperty<StudyState> stateProperty() {
        return shown.state.getReadOnlyProperty();
    }

    /**
     * The lease of the runner that runs the study elsewhere, while the state is
     * {@link StudyState#RUNNING_ELSEWHERE}; null otherwise. Set before the state changes.
     */
    public ReadOnlyObjectProperty<Lease> elsewhereProperty() {
        return shown.elsewhere.getReadOnlyProperty();
    }

    /** Whether a run goes on in this window. */
    public ReadOnlyBooleanProperty runningProperty() {
        return shown.running.getReadOnlyProperty();
    }

    /** Whether Resume would continue the study: it is stopped (or was interrupted) and its spec is known. */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return shown.canResume.getReadOnlyProperty();
    }

    /**
     * The study's trials in numbers: counted as the budget counts them, by state, with the best
     * value and the resource used ({@link StudySummary}); changes once per batch of updates.
     */
    public ReadOnlyObjectProperty<StudySummary> summaryProperty() {
        return shown.summary.getReadOnlyProperty();
    }

    /** Whether the study is being read from the store ({@link #open}); {@link #cancelOpen} stops that. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.openingProperty();
    }

    /**
     * The last thing worth a notification (the study finished, an export was written), or null;
     * each is a new object, so every one is a change.
     */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return shown.notice.getReadOnlyProperty();
    }

    /** Whether this view shows study {@code id}, or is reading it to show it. */
    public boolean shows(long id) {
        return id >= 0 && (shown.studyId.get() == id || opening.openingId() == id);
    }

    /** The study this view shows, or is reading to show; -1 while neither is known (a new study being created). */
    public long shownStudyId() {
        return shown.studyId.get() >= 0 ? shown.studyId.get() : opening.openingId();
    }

    /** When the study was created (its record's time); null until it is known, with {@link #studyIdProperty()}. */
    public Instant created() {
        return shown.created();
    }

    /** Who closes this view when its opening was cancelled: nothing of the study is shown then. */
    public void setOnOpenCancelled(Runnable action) {
        opening.setOnCancelled(action);
    }

    /** Fraction of the budget used, 0 to 1, or {@code ProgressBar.INDETERMINATE_PROGRESS} (-1). */
    public ReadOnlyDoubleProperty progressProperty() {
        return shown.progress.getReadOnlyProperty();
    }

    /** "23 of 30 trials · 0:12 elapsed · about 0:04 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return shown.progressText.getReadOnlyProperty();
    }

    /** The best completed value so far; the same as the {@link #summaryProperty()}'s. */
    public ReadOnlyObjectProperty<OptionalDouble> bestProperty() {
        return shown.best.getReadOnlyProperty();
    }

    /** One line about the last thing that happened. */
    public ReadOnlyStringProperty statusProperty() {
        return shown.status.getReadOnlyProperty();
    }

    /** A problem to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return shown.error.getReadOnlyProperty();
    }

    /** Bumped after each batch of changes to {@link #trials()}, so charts redraw once per batch. */
    public ReadOnlyLongProperty revisionProperty() {
        return shown.live.revisionProperty();
    }

    /** The optimisation history of the trials so far, for the history chart; empty without a study. */
    public HistoryData history() {
        StudySpec s = shown.spec.get();
        return s == null ? HistoryData.EMPTY : HistoryData.of(shown.live.trials(), s.direction());
    }

    /** Every trial of the study, at index = trial number. */
    public ObservableList<Trial> trials() {
        return shown.live.trials();
    }

    /** The trials the table shows: {@link #trials()} through the filter. */
    public ObservableList<Trial> shownTrials() {
        return shown.live.shown();
    }

    /** Which states the table shows; all at first. */
    public ObjectProperty<Set<TrialState>> shownStatesProperty() {
        return shown.live.shownStatesProperty();
    }

    /** Text a shown trial's number or parameters must contain. */
    public StringProperty filterTextProperty() {
        return shown.live.filterTextProperty();
    }

    /** The trial whose details are shown; kept up to date while it runs. */
    public ObjectProperty<Trial> selectedTrialProperty() {
        return shown.live.selectedProperty();
    }

    /** The TPE tab's view model; it has the study while {@link #shownTabProperty()} is {@link RunTab#TPE}. */
    public TpeViewModel tpe() {
        return methodTabs.tpe();
    }

    /** The rungs tab's view model; it has the study while the rungs tab is in front. */
    public RungsViewModel rungs() {
        return methodTabs.rungs();
    }

    /** The tab in front, which the view sets; the method tabs compute only while in front. */
    public ObjectProperty<RunTab> shownTabProperty() {
        return methodTabs.shownProperty();
    }

    /** Whether the study has a TPE tab: its sampler explains its densities trial by trial. */
    public ReadOnlyBooleanProperty hasTpeTabProperty() {
        return methodTabs.hasTpeProperty();
    }

    /** Whether the study has a rungs tab: its scheduler works in rungs. */
    public ReadOnlyBooleanProperty hasRungsTabProperty() {
        return methodTabs.hasRungsProperty();
    }

    /** Shows the details of trial {@code number}, as a click on a chart asks. */
    public void selectTrial(int number) {
        shown.live.select(number);
    }

    // ------------------------------------------------------------------ actions

    /** Shows a stored study: reads its spec and trials in the background. */
    public void open(long id) {
        open(id, "");
    }

    /**
     * Shows a stored study: reads its spec and trials in the background, as a task the status
     * bar shows with a Cancel (a study of many thousand trials takes a while); {@link #cancelOpen}
     * cancels it too, and a cancelled open closes the view ({@link #setOnOpenCancelled}).
     *
     * @param knownName the study's name if the caller knows it (the study list does), so the tab
     *     and the status say at once what is being opened; empty if not
     */
    public void open(long id, String knownName) {
        opening.open(id, knownName);
    }

    /**
     * Shows a stored study and continues it to its budget once it is read; one that runs
     * elsewhere by then is refused, naming who runs it.
     */
    public void openToResume(long id, String knownName) {
        opening.openToResume(id, knownName);
    }

    /** Stops reading the study ({@link #open}); the view is then closed, as if it had never opened. */
    public void cancelOpen() {
        opening.cancel();
    }

    /**
     * Creates a new study from {@code newSpec} and runs it. The study is named after the spec
     * plus the first free number ({@code branin-tpe-1}, {@code -2}, …), so the same spec can be
     * run again and again.
     */
    public void startNew(StudySpec newSpec) {
        run.startNew(newSpec);
    }

    /** Continues a stopped or interrupted study to its budget; one running elsewhere is refused. */
    public void resume() {
        run.resume();
    }

    /** Asks the run to stop: no new trials start, running ones are paused and can be resumed. */
    public void stop() {
        run.stop();
    }

    /** Writes every trial, as the store has them, to a CSV file in the store's layout. */
    public void exportCsv(Path file) {
        StudySpec s = shown.spec.get();
        long id = shown.studyId.get();
        if (s == null || id < 0) {
            return;
        }
        shown.status.set("Exporting to " + file + " …");
        tasks.execute(() -> {
            List<Trial> all = store.trials(id);
            SaveFile.write(file, out -> {
                try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    TrialsCsv.write(w, s.space(), all);
                }
            });
            return all.size();
        }, n -> {
            shown.status.set("Exported " + n + (n == 1 ? " trial to " : " trials to ") + file);
            shown.notice.set(new Notice("Exported the trials of " + shown.name.get(), file.toString()));
        }, e -> shown.fail("Cannot export the trials to " + file, e));
    }

    /**
     * Says that something of this study was written to {@code file}: the status line and a
     * notification. Exports that write files themselves (charts) call it once the file is whole.
     */
    public void notifyExported(Path file) {
        shown.status.set("Exported to " + file);
        shown.notice.set(new Notice("Exported from " + shown.name.get(), file.toString()));
    }

    /**
     * Moves the elapsed and remaining time on. The view calls it every {@link #CLOCK_TICK} while
     * a run goes on; the model keeps no timer of its own, so tests drive it step by step.
     */
    public void tick() {
        if (shown.running.get()) {
            shown.updateProgress();
        }
    }

    /** Forgets the error once the view has shown it. */
    public void clearError() {
        shown.error.set(null);
    }

    /** The view is closed: a run going on here is stopped, a study running elsewhere no longer followed. */
    public void close() {
        shown.close();
        if (shown.running.get()) {
            stop();
        }
    }

    /** Stops a run still going on and waits for it; for when the window closes. */
    public void shutdown() {
        shown.close();
        run.shutdown();
    }

    /** A value as the workbench shows it: six significant digits, or a dash for none. */
    public static String formatValue(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.6g", v.getAsDouble()) : "–";
    }


}
