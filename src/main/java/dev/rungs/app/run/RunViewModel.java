package dev.rungs.app.run;

import dev.rungs.app.Recheck;
import dev.rungs.app.SaveFile;
import dev.rungs.app.TaskExecutor;
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
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentSkipListMap;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
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

    /** Up to this many changed trials are applied one by one; more are applied as one change. */
    static final int SMALL_BATCH = 20;

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
    private final ReadOnlyIntegerWrapper trialsDone = new ReadOnlyIntegerWrapper(this, "trialsDone");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<OptionalDouble> best =
            new ReadOnlyObjectWrapper<>(this, "best", OptionalDouble.empty());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    /** Counts the updates of {@link #trials}; charts redraw when it changes, once per batch. */
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ObservableList<Trial> trials = FXCollections.observableArrayList();
    // Read-only views are made once: a wrapper made per call holds its listeners weakly, so a
    // listener added to it is lost when the wrapper is collected.
    private final ObservableList<Trial> trialsView = FXCollections.unmodifiableObservableList(trials);
    private final FilteredList<Trial> shownTrials = new FilteredList<>(trials);
    private final ObservableList<Trial> shownTrialsView = FXCollections.unmodifiableObservableList(shownTrials);
    private final ObjectProperty<TrialFilter.States> stateFilter =
            new SimpleObjectProperty<>(this, "stateFilter", TrialFilter.States.ALL);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ObjectProperty<Trial> selectedTrial = new SimpleObjectProperty<>(this, "selectedTrial");
    /** The TPE and rungs tabs' view models, fed while their tab is in front. */
    private final MethodTabs methodTabs;

    /** Trials changed by the engine and not yet shown, by number; written on the engine thread. */
    private final ConcurrentSkipListMap<Integer, Trial> pending = new ConcurrentSkipListMap<>();
    /** The handle of the run going on; written by the run's thread, read by {@link #stop}. */
    private volatile RunHandle activeHandle;
    private volatile boolean stopRequested;
    /** The view is closed: stop following the study. UI thread only. */
    private boolean closed;
    /** Resume as soon as the study is read ({@link #openToResume}). UI thread only. */
    private boolean resumeWhenRead;
    /** When this window's run started, and how many trials had ended then; UI thread only. */
    private Instant runStarted;
    private int doneAtRunStart;
    private int failed;
    private int pruned;
    /** Resource the trials used, as the engine recorded it on each when a run of it ended. */
    private long resourceUsed;

    /**
     * @param store where the study lives
     * @param tasks runs background work and brings results to the UI thread
     */
    public RunViewModel(StudyStore store, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.throttle = new UiThrottle(tasks, LIVE_UPDATE_INTERVAL, this::applyPending);
        this.recheck = new Recheck(tasks, StoredState.RECHECK, this::reread);
        shownTrials.predicateProperty().bind(Bindings.createObjectBinding(
                () -> new TrialFilter(stateFilter.get(), filterText.get()), stateFilter, filterText));
        state.addListener((o, old, s) -> {
            running.set(s == StudyState.RUNNING);
            canResume.set(s == StudyState.STOPPED && spec.get() != null);
        });
        methodTabs = new MethodTabs(tasks, trialsView);
        spec.addListener(o -> methodTabs.specChanged(spec.get()));
        revision.addListener(o -> methodTabs.trialsChanged());
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

    /** Trials that have ended: completed, pruned or failed. */
    public ReadOnlyIntegerProperty trialsDoneProperty() {
        return trialsDone.getReadOnlyProperty();
    }

    /** Fraction of the budget used, 0 to 1, or {@code ProgressBar.INDETERMINATE_PROGRESS} (-1). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "23 of 30 trials · 0:12 elapsed · about 0:04 left". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The best completed value so far. */
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
        return revision.getReadOnlyProperty();
    }

    /** Every trial of the study, at index = trial number. */
    public ObservableList<Trial> trials() {
        return trialsView;
    }

    /** The trials the table shows: {@link #trials()} through the filter. */
    public ObservableList<Trial> shownTrials() {
        return shownTrialsView;
    }

    /** Which states the table shows. */
    public ObjectProperty<TrialFilter.States> stateFilterProperty() {
        return stateFilter;
    }

    /** Text a shown trial's number or parameters must contain. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** The trial whose details are shown; kept up to date while it runs. */
    public ObjectProperty<Trial> selectedTrialProperty() {
        return selectedTrial;
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
        if (number >= 0 && number < trials.size()) {
            selectedTrial.set(trials.get(number));
        }
    }

    // ------------------------------------------------------------------ actions

    /** Shows a stored study: reads its spec and trials in the background. */
    public void open(long id) {
        status.set("Reading the study …");
        tasks.execute(() -> readStudy(id), l -> studyRead(l, true),
                e -> fail("Cannot open the study", e));
    }

    /**
     * Shows a stored study and continues it to its budget once it is read; one that runs
     * elsewhere by then is refused, naming who runs it.
     */
    public void openToResume(long id) {
        resumeWhenRead = true;
        open(id);
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
        }, n -> status.set("Exported " + n + (n == 1 ? " trial to " : " trials to ") + file),
                e -> fail("Cannot export the trials to " + file, e));
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
        StudyRecord record = store.study(id).orElseThrow(() -> new IllegalStateException(
                "the study with id " + id + " is no longer in the store"));
        return new Loaded(record, SpecReader.parse(record.specJson()), store.trials(id),
                StoredState.read(store, record));
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
        Trial t = trialOf(e);
        if (t != null) {
            pending.put(t.number(), t);
            throttle.request();
        }
    }

    private static Trial trialOf(TrialEvent e) {
        if (e instanceof TrialEvent.Started s) {
            return s.trial();
        } else if (e instanceof TrialEvent.Reported r) {
            return r.trial();
        } else if (e instanceof TrialEvent.Paused p) {
            return p.trial();
        } else if (e instanceof TrialEvent.Resumed r) {
            return r.trial();
        } else if (e instanceof TrialEvent.Completed c) {
            return c.trial();
        } else if (e instanceof TrialEvent.Pruned p) {
            return p.trial();
        } else if (e instanceof TrialEvent.Failed f) {
            return f.trial();
        } else if (e instanceof TrialEvent.Exploited x) {
            return x.trial();
        }
        return null;
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
        studyId.set(r.id());
        if (first) {
            replaceTrials(l.trials());
            runStarted = null;
        } else {
            for (Trial t : l.trials()) {
                if (t.number() >= trials.size() || !t.equals(trials.get(t.number()))) {
                    pending.put(t.number(), t);
                }
            }
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
            status.set(trialsDone.get() + " trials read from the store");
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
    }

    private void runStarted(StudyRecord record, StudySpec s, List<Trial> before) {
        name.set(record.name());
        spec.set(s);
        studyId.set(record.id());
        replaceTrials(before);
        runStarted = Instant.now();
        doneAtRunStart = trialsDone.get();
        status.set("Running …");
        updateProgress();
    }


    private void applyPending() {
        if (pending.isEmpty()) {
            return;
        }
        List<Trial> batch = new ArrayList<>();
        int next = trials.size();
        while (!pending.isEmpty()) {
            Map.Entry<Integer, Trial> first = pending.firstEntry();
            int n = first.getKey();
            if (n > next) {
                break; // an earlier number has not arrived yet; numbers are dense, so it will
            }
            pending.remove(n, first.getValue());
            batch.add(first.getValue());
            next = Math.max(next, n + 1);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() <= SMALL_BATCH) {
            batch.forEach(this::put);
        } else {
            // One change event for the whole batch: the sorted, filtered table then re-sorts
            // once instead of once per trial, which is what keeps a fast run responsive.
            List<Trial> all = new ArrayList<>(trials);
            for (Trial t : batch) {
                if (t.number() < all.size()) {
                    count(all.get(t.number()), -1);
                    all.set(t.number(), t);
                } else {
                    all.add(t);
                }
                count(t, +1);
            }
            Trial selected = selectedTrial.get();
            trials.setAll(all);
            if (selected != null && selected.number() < all.size()) {
                selectedTrial.set(all.get(selected.number()));
            }
        }
        updateProgress();
        revision.set(revision.get() + 1);
    }

    private void replaceTrials(List<Trial> all) {
        trials.clear();
        trialsDone.set(0);
        failed = 0;
        pruned = 0;
        resourceUsed = 0;
        best.set(OptionalDouble.empty());
        List<Trial> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        List<Trial> shown = new ArrayList<>(sorted.size());
        for (Trial t : sorted) {
            if (t.number() == shown.size()) {
                shown.add(t);
                count(t, +1);
            }
        }
        trials.setAll(shown);
        revision.set(revision.get() + 1);
    }

    /** Shows a changed trial, keeping the counts and the best value right. */
    private void put(Trial t) {
        if (t.number() < trials.size()) {
            Trial old = trials.get(t.number());
            count(old, -1);
            trials.set(t.number(), t);
            if (selectedTrial.get() == old) {
                selectedTrial.set(t);
            }
        } else {
            trials.add(t);
        }
        count(t, +1);
    }

    private void count(Trial t, int sign) {
        TrialState s = t.state();
        if (s.isFinished()) {
            trialsDone.set(trialsDone.get() + sign);
        }
        // Paused trials have used resource too; the attribute holds all of a trial's runs so far.
        resourceUsed += sign * resourceOf(t);
        if (s == TrialState.FAIL) {
            failed += sign;
        } else if (s == TrialState.PRUNED) {
            pruned += sign;
        }
        // A trial never stops being complete, so the best only ever improves.
        if (sign > 0 && t.isComplete() && spec.get() != null) {
            double v = t.value().getAsDouble();
            OptionalDouble b = best.get();
            if (b.isEmpty() || spec.get().direction().isBetter(v, b.getAsDouble())) {
                best.set(OptionalDouble.of(v));
            }
        }
    }

    private static long resourceOf(Trial t) {
        try {
            return Long.parseLong(t.attrs().getOrDefault(Tuner.RESOURCE_USED, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void updateProgress() {
        StudySpec s = spec.get();
        if (s == null) {
            return;
        }
        int done = trialsDone.get();
        int maxTrials = s.budget().maxTrials();
        StringBuilder text = new StringBuilder();
        text.append(done).append(maxTrials > 0 ? " of " + maxTrials : "").append(" trials");
        if (failed > 0 || pruned > 0) {
            text.append(" (");
            if (pruned > 0) {
                text.append(pruned).append(" pruned");
            }
            if (failed > 0) {
                text.append(pruned > 0 ? ", " : "").append(failed).append(" failed");
            }
            text.append(")");
        }
        long maxResource = s.budget().maxResource();
        if (maxResource > 0) {
            text.append(" · resource ").append(resourceUsed).append(" of ").append(maxResource);
        }
        if (runStarted != null) {
            Duration elapsed = Duration.between(runStarted, Instant.now());
            Duration maxTime = s.budget().maxTime();
            Optional<Double> f = RunClock.fraction(done, maxTrials, elapsed, running.get() ? maxTime : null,
                    resourceUsed, maxResource);
            progress.set(state.get() == StudyState.FINISHED ? 1.0 : f.orElse(-1.0));
            text.append(" · ").append(RunClock.format(elapsed)).append(" elapsed");
            if (running.get()) {
                int toGo = maxTrials > 0 ? Math.max(0, maxTrials - done) : -1;
                RunClock.remaining(done - doneAtRunStart, toGo, elapsed, maxTime)
                        .ifPresent(left -> text.append(" · about ").append(RunClock.format(left)).append(" left"));
            }
        } else {
            progress.set(state.get() == StudyState.FINISHED ? 1.0
                    : RunClock.fraction(done, maxTrials, Duration.ZERO, null, resourceUsed, maxResource).orElse(0.0));
        }
        progressText.set(text.toString());
    }

    private void runEnded(StudyResult r) {
        applyPending();
        state.set(stopRequested || r.wasStopped()
                ? StudyState.STOPPED : StudyState.FINISHED);
        updateProgress();
        status.set(String.format(Locale.ROOT, "%s %s: %d trials, best %s (%s, %.2f s)", name.get(),
                state.get().label(), trialsDone.get(), formatValue(best.get()),
                r.stopReason(),
                r.elapsed().toMillis() / 1000.0));
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
