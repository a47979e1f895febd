package dev.rungs.app.studies;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.UiThrottle;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind the study list: the studies in the store, the samples that can be run, and
 * the one run going on.
 *
 * <p>Holds JavaFX properties and lists but no nodes, so it is tested without a toolkit. Every
 * public method and every property belongs to the UI thread; slow work (reading specs, running
 * studies, reading the store) goes through the injected {@link TaskExecutor}, and engine events
 * come back through a {@link UiThrottle}.
 */
public final class StudiesViewModel {
    /** Shortest time between two live updates of a running study: at most ten a second. */
    static final Duration LIVE_UPDATE_INTERVAL = Duration.ofMillis(100);

    private final StudyStore store;
    private final Path samplesFolder;
    private final TaskExecutor tasks;

    private final ObservableList<StudyRow> studies = FXCollections.observableArrayList();
    private final ObservableList<SampleSpec> samples = FXCollections.observableArrayList();
    private final ObjectProperty<SampleSpec> selectedSample = new SimpleObjectProperty<>(this, "selectedSample");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");

    /** Held while a run picks its study name and creates the study, so two runs never pick the same. */
    private final Object naming = new Object();
    /** The run's handle once it has started; written by the run's thread, read by {@link #stop}. */
    private volatile RunHandle activeHandle;
    /** Whether the person asked the current run to stop; read by the run's thread too. */
    private volatile boolean stopRequested;
    /** The row of the current run; UI thread only. */
    private StudyRow activeRow;

    /**
     * @param store where studies are listed from and where sample runs are saved
     * @param samplesFolder the folder whose sub-folders with a {@code spec.json} are the samples
     * @param tasks runs background work and brings results to the UI thread
     */
    public StudiesViewModel(StudyStore store, Path samplesFolder, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.samplesFolder = Objects.requireNonNull(samplesFolder, "samplesFolder");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        canRun.bind(Bindings.createBooleanBinding(() -> selectedSample.get() != null && !running.get(),
                selectedSample, running));
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The studies, oldest first; the running one updates live. */
    public ObservableList<StudyRow> studies() {
        return FXCollections.unmodifiableObservableList(studies);
    }

    /** The samples found in the samples folder, by name. */
    public ObservableList<SampleSpec> samples() {
        return FXCollections.unmodifiableObservableList(samples);
    }

    /** The sample that Run starts; the first one found unless the person picks another. */
    public ObjectProperty<SampleSpec> selectedSampleProperty() {
        return selectedSample;
    }

    /** Whether a run is going on. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether Run would start something: a sample is chosen and nothing runs. */
    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /** One line for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The problem to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The folder searched for samples. */
    public Path samplesFolder() {
        return samplesFolder;
    }

    // ------------------------------------------------------------------ actions

    /** Reads the samples folder and the store again. */
    public void refresh() {
        tasks.execute(() -> SampleSpec.findIn(samplesFolder), this::samplesFound,
                e -> showStatus("Cannot read the samples folder " + samplesFolder + ": " + e.getMessage()));
        tasks.execute(this::readStore, this::mergeStudies,
                e -> error.set(new ErrorReport("Cannot read the study store", describe(e))));
    }

    /** Runs the selected sample as a new study; does nothing while another run goes on. */
    public void runSelected() {
        SampleSpec sample = selectedSample.get();
        if (sample == null || running.get()) {
            return;
        }
        running.set(true);
        stopRequested = false;
        status.set("Starting " + sample.name() + " …");
        tasks.execute(() -> run(sample), this::runEnded, e -> runFailed(sample, e));
    }

    /** Asks the current run to stop; trials already running finish first. */
    public void stop() {
        if (!running.get() || stopRequested) {
            return;
        }
        stopRequested = true;
        status.set("Stopping " + (activeRow == null ? "the run" : activeRow.name()) + " …");
        RunHandle h = activeHandle;
        if (h != null) {
            // RunHandle.stop waits for the engine thread, which may be busy; not on the UI thread.
            tasks.execute(() -> {
                h.stop();
                return null;
            }, ignored -> { }, e -> showStatus("Stop failed: " + describe(e)));
        }
        // else the run has not started yet; it sees stopRequested as soon as it has a handle.
    }

    /** Forgets the error once the view has shown it, so the same error can be reported again. */
    public void clearError() {
        error.set(null);
    }

    /** Stops a run still going on; for when the window closes. */
    public void shutdown() {
        stopRequested = true;
        RunHandle h = activeHandle;
        if (h != null) {
            h.stop();
        }
    }

    // ------------------------------------------------------------------ background work

    /** Reads, names, creates and runs the sample's study; on a background thread. */
    private RunOutcome run(SampleSpec sample) throws IOException {
        StudySpec read = SpecReader.read(sample.specFile());
        StudySpec spec;
        Tuner created;
        synchronized (naming) {
            spec = read.withName(uniqueName(read.name()));
            created = StudyFactory.createTuner(spec, store);
        }
        try (Tuner tuner = created) {
            StudyRecord study = tuner.study();
            StudyRow row = new StudyRow(study.id(), study.name(), spec.sampler().type(), study.created(),
                    StudyState.RUNNING);
            RunProgress progress = new RunProgress(spec.direction());
            int total = spec.budget().maxTrials();
            progress.signalTo(new UiThrottle(tasks, LIVE_UPDATE_INTERVAL,
                    () -> showProgress(row, progress.snapshot(), total)));
            // Posted before any progress update can be, so the row is in the list before it changes.
            tasks.runOnUi(() -> rowStarted(row));
            tuner.subscribe(progress);
            RunHandle handle = tuner.start(StudyFactory.createObjective(spec), spec.budget());
            activeHandle = handle;
            if (stopRequested) {
                handle.stop();
            }
            try {
                return new RunOutcome(row, handle.await());
            } finally {
                activeHandle = null;
            }
        }
    }

    /**
     * The spec's name plus the first free number: {@code branin-random-1}, {@code -2}, … Asking
     * the store rather than counting in this window keeps names unique across restarts once
     * the store is a file.
     */
    private String uniqueName(String base) {
        for (int n = 1;; n++) {
            String name = base + "-" + n;
            if (store.findStudy(name).isEmpty()) {
                return name;
            }
        }
    }

    /** Rows for every study in the store; on a background thread, since a store may be a file. */
    private List<StudyRow> readStore() {
        List<StudyRow> rows = new ArrayList<>();
        for (StudyRecord s : store.studies()) {
            List<Trial> trials = store.trials(s.id());
            int done = 0;
            boolean unfinished = false;
            OptionalDouble best = OptionalDouble.empty();
            for (Trial t : trials) {
                if (t.state().isFinished()) {
                    done++;
                } else {
                    unfinished = true;
                }
                if (t.isComplete()) {
                    best = better(s.direction(), best, t.value().getAsDouble());
                }
            }
            StudyRow row = new StudyRow(s.id(), s.name(), samplerName(s), s.created(),
                    unfinished ? StudyState.STOPPED : StudyState.FINISHED);
            row.setProgress(done, best);
            rows.add(row);
        }
        return rows;
    }

    private static OptionalDouble better(Direction d, OptionalDouble best, double v) {
        return best.isEmpty() || d.isBetter(v, best.getAsDouble()) ? OptionalDouble.of(v) : best;
    }

    /**
     * The sampler's spec name. The store keeps only the sampler's class name in the provenance
     * ({@code RandomSampler}), so the spec name is recovered from it by convention.
     */
    static String samplerName(StudyRecord s) {
        String cls = s.provenance().getOrDefault("sampler", "?");
        String stem = cls.endsWith("Sampler") && cls.length() > "Sampler".length()
                ? cls.substring(0, cls.length() - "Sampler".length()) : cls;
        return stem.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ back on the UI thread

    private void samplesFound(List<SampleSpec> found) {
        SampleSpec keep = selectedSample.get();
        samples.setAll(found);
        selectedSample.set(keep != null && found.contains(keep) ? keep : found.isEmpty() ? null : found.get(0));
        showStatus(found.isEmpty()
                ? "No samples in " + samplesFolder.toAbsolutePath() + " (a sample is a folder with a spec.json)"
                : found.size() + (found.size() == 1 ? " sample" : " samples") + " in "
                        + samplesFolder.toAbsolutePath());
    }

    private void mergeStudies(List<StudyRow> fromStore) {
        Map<Long, StudyRow> shown = new HashMap<>();
        for (StudyRow r : studies) {
            shown.put(r.studyId(), r);
        }
        List<StudyRow> merged = new ArrayList<>();
        for (StudyRow r : fromStore) {
            StudyRow old = shown.get(r.studyId());
            // Rows this window knows better than the store (running now, or stopped by the
            // person) keep their own state; the store has no notion of a study's state.
            merged.add(old != null ? old : r);
        }
        if (activeRow != null && !merged.contains(activeRow)) {
            merged.add(activeRow);
        }
        studies.setAll(merged);
    }

    private void rowStarted(StudyRow row) {
        activeRow = row;
        studies.add(row);
        status.set("Running " + row.name() + " …");
    }

    private void showProgress(StudyRow row, RunProgress.Snapshot s, int total) {
        // A late update may arrive after the run ended; the end result is the truth then.
        if (row.state() != StudyState.RUNNING) {
            return;
        }
        row.setProgress(s.done(), s.best());
        if (!stopRequested) {
            status.set(String.format(Locale.ROOT, "Running %s: %d%s trials, best %s", row.name(), s.done(),
                    total > 0 ? " of " + total : "", formatValue(s.best())));
        }
    }

    private void runEnded(RunOutcome o) {
        StudyResult r = o.result();
        int done = 0;
        boolean unfinished = false;
        for (Trial t : r.trials()) {
            if (t.state().isFinished()) {
                done++;
            } else {
                unfinished = true;
            }
        }
        OptionalDouble best = r.best().map(Trial::value).orElse(OptionalDouble.empty());
        StudyRow row = o.row();
        row.setProgress(done, best);
        row.setState(stopRequested || unfinished ? StudyState.STOPPED : StudyState.FINISHED);
        activeRow = null;
        running.set(false);
        status.set(String.format(Locale.ROOT, "%s %s: %d trials, best %s (%s, %.2f s)", row.name(),
                row.state().label(), done, formatValue(best), r.stopReason(), r.elapsed().toMillis() / 1000.0));
    }

    private void runFailed(SampleSpec sample, Throwable e) {
        if (activeRow != null) {
            activeRow.setState(StudyState.FAILED);
            activeRow = null;
        }
        running.set(false);
        Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
        ErrorReport report;
        if (cause instanceof SpecException) {
            report = new ErrorReport("The sample \"" + sample.name() + "\" has a spec that cannot be used",
                    cause.getMessage());
        } else if (cause instanceof IOException) {
            report = new ErrorReport("Cannot read the sample \"" + sample.name() + "\"", cause.getMessage());
        } else {
            report = new ErrorReport("The sample \"" + sample.name() + "\" failed", describe(cause));
        }
        status.set(report.heading());
        error.set(report);
    }

    private void showStatus(String text) {
        // Run progress owns the status line while a run goes on.
        if (!running.get()) {
            status.set(text);
        }
    }

    // ------------------------------------------------------------------ formatting

    /** A value as the study list shows it: six significant digits, or a dash for none. */
    public static String formatValue(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.6g", v.getAsDouble()) : "–";
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    /** What a run's background work hands back to the UI thread. */
    private record RunOutcome(StudyRow row, StudyResult result) {
    }
}
