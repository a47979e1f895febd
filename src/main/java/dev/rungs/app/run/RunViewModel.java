package dev.rungs.app.run;

import dev.rungs.app.charts.HistoryData;
import dev.rungs.app.BackgroundTask;
import dev.rungs.app.Notice;
import dev.rungs.app.Recheck;
import dev.rungs.app.SaveFile;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.UiThrottle;
import dev.rungs.app.rungs.RungsViewModel;
import dev.rungs.app.tpe.TpeViewModel;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.studies.StoredState;
import dev.rungs.app.studies.StudyState;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.Lease;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
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
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * One study as the run view shows it: its trials, progress and best value, live while a run
 * goes on, and the actions stop, resume and export.
 *
 * <p>Holds JavaFX properties and lists but no nodes. Every public method and property belongs
 * to the UI thread. The engine's events arrive on the engine thread; they only record the
 * changed trial in a concurrent map and ask a {@link UiThrottle} for an update, which then
 * applies all changes at once on the UI thread, at most ten times a second. So a run of cheap
 * trials never floods the UI thread, and no change is lost.
 *
 * <p>A study that another runner runs is shown read-only ({@link StudyState#RUNNING_ELSEWHERE})
 * and read from the store again every {@link StoredState#RECHECK} until that runner ends.
 */
public final class RunViewModel {
    /** Shortest time between two live updates: at most ten a second. */
    public static final Duration LIVE_UPDATE_INTERVAL = Duration.ofMillis(100);
    /** How often the view should call {@link #tick} while a run goes on, so the clock moves with no events. */
    public static final Duration CLOCK_TICK = Duration.ofSeconds(1);

    /** Held while a new study picks its name and is created, so two runs never pick the same name. */
    private static final Object NAMING = new Object();

    private final StudyStore store;
    private final TaskExecutor tasks;
    private final UiThrottle throttle;
    private final Recheck recheck;

    private final ReadOnlyLongWrapper studyId = new ReadOnlyLongWrapper(this, "studyId", -1);
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<StudySpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ReadOnlyObjectWrapper<StudyState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Lease> elsewhere = new ReadOnlyObjectWrapper<>(this, "elsewhere");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyObjectWrapper<StudySummary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", StudySummary.EMPTY);
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<OptionalDouble> best =
            new ReadOnlyObjectWrapper<>(this, "best", OptionalDouble.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    /** The trials shown and their counts; the engine thread only offers changes to it. */
    private final LiveTrials live = new LiveTrials();
    /** The TPE and rungs tabs' view models, fed while their tab is in front. */
    private final MethodTabs methodTabs;
    /** The handle of the run going on; written by the run's thread, read by {@link #stop}. */
    private volatile RunHandle activeHandle;
    private volatile boolean stopRequested;
    /** The view is closed: stop following the study. UI thread only. */
    private boolean closed;
    /** Resume as soon as the study is read ({@link #openToResume}). UI thread only. */
    private boolean resumeWhenRead;
    /** When this window's run started, and how many trials had ended then; UI thread only. */
    private Instant runStarted;
    private int endedAtRunStart;
    /** The study being read ({@link #open}), so the workbench knows this view is its; -1 when none. */
    private long openingId = -1;
    /** The read going on, so it can be cancelled; null when none. UI thread only. */
    private TaskHandle openTask;
    private Runnable onOpenCancelled = () -> { };
    /** When the study was created, from its record; null until known. UI thread only. */
    private Instant created;

    /**
     * @param store where the study lives
     * @param tasks runs background work and brings results to the UI thread
     */
    public RunViewModel(StudyStore store, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.throttle = new UiThrottle(tasks, LIVE_UPDATE_INTERVAL, this::applyPending);
        this.recheck = new Recheck(tasks, StoredState.RECHECK, this::reread);
        state.addListener((o, old, s) -> {
            running.set(s == StudyState.RUNNING);
            canResume.set(s == StudyState.STOPPED && spec.get() != null);
        });
        methodTabs = new MethodTabs(tasks, live.trials());
        spec.addListener(o -> methodTabs.specChanged(spec.get()));
        live.revisionProperty().addListener(o -> methodTabs.trialsChanged());
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The study's key in the store; -1 until it is known. */
    public ReadOnlyLongProperty studyIdProperty() {
        return studyId.getReadOnlyProperty();
    }

    /** The study's name. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The study's spec; null until read. */
    public ReadOnlyObjectProperty<StudySpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    /** Running (here or elsewhere), finished, stopped or failed; null until known. */
    public ReadOnlyObjectProperty<StudyState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /**
     * The lease of the runner that runs the study elsewhere, while the state is
     * {@link StudyState#RUNNING_ELSEWHERE}; null otherwise. Set before the state changes.
     */
    public ReadOnlyObjectProperty<Lease> elsewhereProperty() {
        return elsewhere.getReadOnlyProperty();
    }

    /** Whether a run goes on in this window. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether Resume would continue the study: it is stopped (or was interrupted) and its spec is known. */
    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    /**
     * The study's trials in numbers: counted as the budget counts them, by state, with the best
     * value and the resource used ({@link StudySummary}); changes once per batch of updates.
     */
    public ReadOnlyObjectProperty<StudySummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the study is being read from the store ({@link #open}); {@link #cancelOpen} stops that. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /**
     * The last thing worth a notification (the study finished, an export was written), or null;
     * each is a new object, so every one is a change.
     */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Whether this view shows study {@code id}, or is reading it to show it. */
    public boolean shows(long id) {
        return id >= 0 && (studyId.get() == id || openingId == id);
    }

    /** The study this view shows, or is reading to show; -1 while neither is known (a new study being created). */
    public long shownStudyId() {
        return studyId.get() >= 0 ? studyId.get() : openingId;
    }

    /** When the study was created (its record's time); null until it is known, with {@link #studyIdProperty()}. */
    public Instant created() {
        return created;
    }

    /** Who closes this view when its opening was cancelled: nothing of the study is shown then. */
    public void setOnOpenCancelled(Runnable action) {
        onOpenCancelled = Objects.requireNonNull(action, "action");
    }

    /** Fraction of the budget used, 0 to 1, or {@code ProgressBar.INDETERMINATE_PROGRESS} (-1). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "23 of 30 trials · 0:12 elapsed · about 0:04 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The best completed value so far; the same as the {@link #summaryProperty()}'s. */
    public ReadOnlyObjectProperty<OptionalDouble> bestProperty() {
        return best.getReadOnlyProperty();
    }

    /** One line about the last thing that happened. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A problem to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Bumped after each batch of changes to {@link #trials()}, so charts redraw once per batch. */
    public ReadOnlyLongProperty revisionProperty() {
        return live.revisionProperty();
    }

    /** The optimisation history of the trials so far, for the history chart; empty without a study. */
    public HistoryData history() {
        StudySpec s = spec.get();
        return s == null ? HistoryData.EMPTY : HistoryData.of(live.trials(), s.direction());
    }

    /** Every trial of the study, at index = trial number. */
    public ObservableList<Trial> trials() {
        return live.trials();
    }

    /** The trials the table shows: {@link #trials()} through the filter. */
    public ObservableList<Trial> shownTrials() {
        return live.shown();
    }

    /** Which states the table shows; all at first. */
    public ObjectProperty<Set<TrialState>> shownStatesProperty() {
        return live.shownStatesProperty();
    }

    /** Text a shown trial's number or parameters must contain. */
    public StringProperty filterTextProperty() {
        return live.filterTextProperty();
    }

    /** The trial whose details are shown; kept up to date while it runs. */
    public ObjectProperty<Trial> selectedTrialProperty() {
        return live.selectedProperty();
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
        live.select(number);
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
        if (name.get().isEmpty()) {
            name.set(knownName);
        }
        String what = knownName.isEmpty() ? "the study" : knownName;
        openingId = id;
        opening.set(true);
        status.set((resumeWhenRead ? "Resuming " : "Opening ") + what + ": reading its trials …");
        progress.set(-1);
        progressText.set("Reading trials …");
        TaskHandle handle = tasks.start((resumeWhenRead ? "Resuming " : "Opening ") + what,
                p -> readStudy(id, p), l -> {
                    openEnded();
                    studyRead(l, true);
                }, e -> {
                    openEnded();
                    resumeWhenRead = false;
                    progressText.set("");
                    fail("Cannot open the study", e);
                });
        if (handle.runningProperty().get()) {
            openTask = handle;
            handle.runningProperty().addListener((o, was, is) -> {
                if (!is && handle.isCancelled()) {
                    openCancelled();
                }
            });
        } else if (handle.isCancelled()) {
            openCancelled();
        }
    }

    /**
     * Shows a stored study and continues it to its budget once it is read; one that runs
     * elsewhere by then is refused, naming who runs it.
     */
    public void openToResume(long id, String knownName) {
        resumeWhenRead = true;
        open(id, knownName);
    }

    /** Stops reading the study ({@link #open}); the view is then closed, as if it had never opened. */
    public void cancelOpen() {
        if (openTask != null) {
            openTask.cancel();
        }
    }

    /**
     * Creates a new study from {@code newSpec} and runs it. The study is named after the spec
     * plus the first free number ({@code branin-tpe-1}, {@code -2}, …), so the same spec can be
     * run again and again.
     */
    public void startNew(StudySpec newSpec) {
        Objects.requireNonNull(newSpec, "newSpec");
        beginRun(newSpec);
        tasks.execute(() -> runNew(newSpec), this::runEnded, this::runFailed);
    }

    /** Continues a stopped or interrupted study to its budget; one running elsewhere is refused. */
    public void resume() {
        StudySpec s = spec.get();
        Lease other = elsewhere.get();
        if (other != null) {
            refuse(other);
            return;
        }
        if (!canResume.get() || s == null) {
            return;
        }
        beginRun(s);
        long id = studyId.get();
        tasks.execute(() -> runResumed(id, s), this::runEnded, this::runFailed);
    }

    /** Asks the run to stop: no new trials start, running ones are paused and can be resumed. */
    public void stop() {
        Lease other = elsewhere.get();
        if (other != null) {
            status.set(StoredState.hint(other) + " · stop it there");
            return;
        }
        if (!running.get() || stopRequested) {
            return;
        }
        stopRequested = true;
        status.set("Stopping …");
        RunHandle h = activeHandle;
        if (h != null) {
            // RunHandle.stop waits for the engine thread, which may be busy: not on the UI thread.
            tasks.execute(() -> {
                h.stop();
                return null;
            }, ignored -> { }, e -> fail("Stopping the run failed", e));
        }
        // else the run has not started yet; it sees stopRequested as soon as it has a handle.
    }

    /** Writes every trial, as the store has them, to a CSV file in the store's layout. */
    public void exportCsv(Path file) {
        StudySpec s = spec.get();
        long id = studyId.get();
        if (s == null || id < 0) {
            return;
        }
        status.set("Exporting to " + file + " …");
        tasks.execute(() -> {
            List<Trial> all = store.trials(id);
            SaveFile.write(file, out -> {
                try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    TrialsCsv.write(w, s.space(), all);
                }
            });
            return all.size();
        }, n -> {
            status.set("Exported " + n + (n == 1 ? " trial to " : " trials to ") + file);
            notice.set(new Notice("Exported the trials of " + name.get(), file.toString()));
        }, e -> fail("Cannot export the trials to " + file, e));
    }

    /**
     * Says that something of this study was written to {@code file}: the status line and a
     * notification. Exports that write files themselves (charts) call it once the file is whole.
     */
    public void notifyExported(Path file) {
        status.set("Exported to " + file);
        notice.set(new Notice("Exported from " + name.get(), file.toString()));
    }

    /**
     * Moves the elapsed and remaining time on. The view calls it every {@link #CLOCK_TICK} while
     * a run goes on; the model keeps no timer of its own, so tests drive it step by step.
     */
    public void tick() {
        if (running.get()) {
            updateProgress();
        }
    }

    /** Forgets the error once the view has shown it. */
    public void clearError() {
        error.set(null);
    }

    /** The view is closed: a run going on here is stopped, a study running elsewhere no longer followed. */
    public void close() {
        closed = true;
        if (running.get()) {
            stop();
        }
    }

    /** Stops a run still going on and waits for it; for when the window closes. */
    public void shutdown() {
        closed = true;
        stopRequested = true;
        RunHandle h = activeHandle;
        if (h != null) {
            h.stop();
            h.await();
        }
    }

    // ------------------------------------------------------------------ background work

    private Loaded readStudy(long id) {
        return readStudy(id, BackgroundTask.Progress.NONE);
    }

    private Loaded readStudy(long id, BackgroundTask.Progress progress) {
        StudyRecord record = store.study(id).orElseThrow(() -> new IllegalStateException(
                "the study with id " + id + " is no longer in the store"));
        StudySpec read = SpecReader.parse(record.specJson());
        progress.update(-1, "Reading trials …");
        List<Trial> all = store.trials(id);
        progress.checkCancelled();
        progress.update(-1, "Reading the study's state …");
        return new Loaded(record, read, all, StoredState.read(store, record));
    }

    private StudyResult runNew(StudySpec base) {
        StudySpec named;
        Tuner created;
        synchronized (NAMING) {
            named = base.withName(uniqueName(base.name()));
            created = StudyFactory.createTuner(named, store, StoredState.RUNNER);
        }
        return runTuner(created, named);
    }

    private StudyResult runResumed(long id, StudySpec s) {
        return runTuner(StudyFactory.resumeTuner(s, store, 0, StoredState.RUNNER), s);
    }

    /** Runs the tuner to its budget on this background thread, feeding events to the UI. */
    private StudyResult runTuner(Tuner created, StudySpec s) {
        try (Tuner tuner = created) {
            StudyRecord record = tuner.study();
            List<Trial> before = tuner.trials();
            tasks.runOnUi(() -> runStarted(record, s, before));
            tuner.subscribe(this::onEvent);
            RunHandle handle = tuner.start(StudyFactory.createObjective(s), s.budget());
            activeHandle = handle;
            if (stopRequested) {
                handle.stop();
            }
            try {
                return handle.await();
            } finally {
                activeHandle = null;
            }
        }
    }

    /** On the engine thread: remember the change, ask for an update. */
    private void onEvent(TrialEvent e) {
        Trial t = e.trial();
        if (t != null) {
            live.offer(t);
            throttle.request();
        }
    }

    private String uniqueName(String base) {
        for (int n = 1;; n++) {
            String candidate = base + "-" + n;
            if (store.findStudy(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    // ------------------------------------------------------------------ back on the UI thread

    /**
     * Shows the study as read: all of it when {@code first}, else (a study running elsewhere,
     * read again) only the trials that changed, so the selection and the charts keep their place.
     */
    private void studyRead(Loaded l, boolean first) {
        if (closed || running.get()) {
            return; // a run of this window started meanwhile: it knows better than the store
        }
        StudyRecord r = l.record();
        // The id last: whoever follows it reads the name and spec then.
        name.set(r.name());
        spec.set(l.spec());
        created = r.created();
        studyId.set(r.id());
        if (first) {
            replaceTrials(l.trials());
            runStarted = null;
        } else {
            live.offerChanged(l.trials());
            applyPending();
        }
        StudyState was = state.get();
        elsewhere.set(l.state().elsewhere().orElse(null));
        state.set(l.state().state());
        updateProgress();
        if (elsewhere.get() != null) {
            status.set(StoredState.hint(elsewhere.get()) + " · its trials are read again every "
                    + StoredState.RECHECK.toSeconds() + " s");
            recheck.request();
        } else if (first) {
            status.set(summary.get().describe() + " read from the store");
        } else if (was == StudyState.RUNNING_ELSEWHERE) {
            status.set("The other runner has ended: " + name.get() + " is " + state.get().label());
        }
        if (resumeWhenRead) {
            resumeWhenRead = false;
            resume();
        }
    }

    /** Reads the study again while it runs elsewhere. */
    private void reread() {
        long id = studyId.get();
        if (closed || state.get() != StudyState.RUNNING_ELSEWHERE || id < 0) {
            return;
        }
        tasks.execute(() -> readStudy(id), l -> studyRead(l, false), e -> fail("Cannot read the study again", e));
    }

    /** Says why the study cannot be resumed here, naming who runs it. */
    private void refuse(Lease other) {
        ErrorReport refusal = StoredState.refusal(name.get(), other);
        status.set(refusal.heading() + ": " + StoredState.hint(other));
        error.set(refusal);
    }

    private void beginRun(StudySpec s) {
        stopRequested = false;
        spec.set(s);
        elsewhere.set(null);
        state.set(StudyState.RUNNING);
        status.set("Starting …");
        // Building the tuner reads the trials again and may load a dataset: seconds, for a large study.
        progress.set(-1);
        progressText.set(summary.get().progress(s.budget().maxTrials()) + " · starting the run …");
    }

    private void runStarted(StudyRecord record, StudySpec s, List<Trial> before) {
        name.set(record.name());
        spec.set(s);
        created = record.created();
        studyId.set(record.id());
        replaceTrials(before);
        runStarted = Instant.now();
        endedAtRunStart = summary.get().ended();
        status.set("Running …");
        updateProgress();
    }


    private void applyPending() {
        if (spec.get() != null && live.apply(spec.get().direction())) {
            updateProgress();
            live.announce();
        }
    }

    private void replaceTrials(List<Trial> all) {
        live.replace(all, spec.get().direction());
        publishSummary();
        live.announce();
    }

    private void publishSummary() {
        StudySummary now = live.summary();
        summary.set(now);
        // OptionalDouble.equals compares values, so an unchanged best fires no change event.
        best.set(now.best());
    }

    private void updateProgress() {
        StudySpec s = spec.get();
        if (s == null) {
            return;
        }
        publishSummary();
        RunProgress p = RunProgress.of(summary.get(), s.budget(), runStarted, endedAtRunStart, running.get(),
                state.get() == StudyState.FINISHED, Instant.now());
        progress.set(p.fraction());
        progressText.set(p.text());
    }

    private void openEnded() {
        openTask = null;
        openingId = -1;
        opening.set(false);
    }

    private void openCancelled() {
        openEnded();
        resumeWhenRead = false;
        closed = true;
        status.set("Opening cancelled");
        onOpenCancelled.run();
    }

    private void runEnded(StudyResult r) {
        applyPending();
        state.set(stopRequested || r.wasStopped()
                ? StudyState.STOPPED : StudyState.FINISHED);
        updateProgress();
        String outcome = r.failure().orElse(r.stopReason());
        status.set(String.format(Locale.ROOT, "%s %s: %s, best %s (%s, %.2f s)", name.get(),
                state.get().label(), summary.get().describe(), formatValue(best.get()), outcome,
                r.elapsed().toMillis() / 1000.0));
        if (!stopRequested) {
            // Whoever pressed Stop knows; a run that ended by itself may have been out of sight.
            notice.set(new Notice(name.get() + " " + state.get().label(), summary.get().progress(
                    spec.get().budget().maxTrials()) + " · best " + formatValue(best.get()) + " · " + outcome));
        }
    }

    private void runFailed(Throwable e) {
        applyPending();
        if (e instanceof StudyBusyException busy && studyId.get() >= 0) {
            // Another runner took the study between reading it and resuming it here.
            elsewhere.set(busy.lease());
            state.set(StudyState.RUNNING_ELSEWHERE);
            refuse(busy.lease());
            recheck.request();
            return;
        }
        state.set(studyId.get() >= 0 ? StudyState.FAILED : null);
        fail("The run failed", e);
    }

    private void fail(String heading, Throwable e) {
        Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof SpecException || cause instanceof IOException
                ? cause.getMessage() : ErrorReport.reason(cause);
        status.set(heading);
        error.set(new ErrorReport(heading, why));
    }

    /** A value as the workbench shows it: six significant digits, or a dash for none. */
    public static String formatValue(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.6g", v.getAsDouble()) : "–";
    }


    private record Loaded(StudyRecord record, StudySpec spec, List<Trial> trials, StoredState state) {
    }
}
