package dev.rungs.app.workbench;

import dev.rungs.app.AppPreferences;
import dev.rungs.app.Notice;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.newstudy.NewStudyViewModel;
import dev.rungs.app.run.RunViewModel;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.studies.SampleSpec;
import dev.rungs.app.studies.StudiesViewModel;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The workbench as a whole: which database is open, the study list, the studies opened in
 * run views (remembered per database, so they come back after a restart), the samples on
 * offer, the notifications to show and what the status bar says.
 *
 * <p>Holds properties and lists, no nodes; the {@link WorkbenchView} turns {@link #runs()} into
 * tabs and shows the one {@link #focusProperty()} names. UI thread only.
 */
public final class WorkbenchViewModel {
    private final TrackedTasks tasks;
    private final AppPreferences preferences;
    private final Path samplesFolder;
    private final Function<Path, StudyStore> opener;
    private final StudiesViewModel studies;
    private final NewStudyViewModel newStudy;
    private final ObservableList<RunViewModel> runs = FXCollections.observableArrayList();
    // Read-only views are made once: a wrapper made per call holds its listeners weakly, so a
    // listener added to it is lost when the wrapper is collected.
    private final ObservableList<RunViewModel> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<SampleSpec> samples = FXCollections.observableArrayList();
    private final ObservableList<SampleSpec> samplesView = FXCollections.unmodifiableObservableList(samples);
    private final ObservableList<String> unavailableSamples = FXCollections.observableArrayList();
    private final ObservableList<String> unavailableView = FXCollections.unmodifiableObservableList(unavailableSamples);
    private final ReadOnlyObjectWrapper<Object> focus = new ReadOnlyObjectWrapper<>(this, "focus");
    private final ReadOnlyObjectWrapper<Path> databaseFile = new ReadOnlyObjectWrapper<>(this, "databaseFile");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final RunInStatusBar runInStatusBar;
    private final OpenTabs openTabs;

    private StudyStore store;
    /** While the tabs of a database are being closed or reopened, what is open is not remembered. */
    private boolean restoringTabs;

    /**
     * @param store the store to start with (already open)
     * @param databaseFile its file, or null for a store in memory
     * @param opener opens a database file as a store (creating a missing one); throws with a reason when it cannot
     * @param samplesFolder the folder whose sub-folders with a {@code spec.json} are the samples
     * @param preferences where the last database and the open tabs are remembered
     * @param tasks runs background work and brings results to the UI thread
     */
    public WorkbenchViewModel(StudyStore store, Path databaseFile, Function<Path, StudyStore> opener,
            Path samplesFolder, AppPreferences preferences, TaskExecutor tasks) {
        this.store = Objects.requireNonNull(store, "store");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.samplesFolder = Objects.requireNonNull(samplesFolder, "samplesFolder");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.openTabs = new OpenTabs(preferences);
        this.tasks = new TrackedTasks(Objects.requireNonNull(tasks, "tasks"));
        this.databaseFile.set(databaseFile);
        this.studies = new StudiesViewModel(store, this.tasks);
        this.newStudy = new NewStudyViewModel(this.tasks);
        this.runInStatusBar = new RunInStatusBar(runs, focus);
        newStudy.setOnCreate(this::startStudy);
        studies.setOnOpen(this::openStudy);
        studies.setOnResume(this::resumeStudy);
        studies.setOnDeleted(id -> {
            RunViewModel run = runOf(id);
            if (run != null) {
                closeRun(run);
            }
        });
        runs.addListener((ListChangeListener<RunViewModel>) c -> rememberOpenStudies());
        updateStatus();
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The study list. */
    public StudiesViewModel studies() {
        return studies;
    }

    /** The new-study form; one per window, so what was typed stays between visits. */
    public NewStudyViewModel newStudy() {
        return newStudy;
    }

    /** The studies open in run views, in the order they were opened. */
    public ObservableList<RunViewModel> runs() {
        return runsView;
    }

    /** The samples found in the samples folder that this build can run, by name. */
    public ObservableList<SampleSpec> samples() {
        return samplesView;
    }

    /** The samples this build cannot run, each as {@code name: why}; not offered. */
    public ObservableList<String> unavailableSamples() {
        return unavailableView;
    }

    /**
     * What should be in front: a {@link RunViewModel}, the {@link #newStudy()} form, or null for
     * the study list.
     */
    public ReadOnlyObjectProperty<Object> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    /** The open database file; null when studies are kept in memory only. */
    public ReadOnlyObjectProperty<Path> databaseFileProperty() {
        return databaseFile.getReadOnlyProperty();
    }

    /** Which database is open, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A problem to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last notice of any open study (finished, exported), or null; every one is a change. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The running study the status bar follows, and its line; see {@link RunInStatusBar}. */
    public RunInStatusBar runInStatusBar() {
        return runInStatusBar;
    }

    /** The long background tasks running now, for the status bar (each with progress and a Cancel). */
    public ObservableList<dev.rungs.app.TaskHandle> backgroundTasks() {
        return tasks.running();
    }

    /** The executor the workbench's features share; its titled tasks are {@link #backgroundTasks()}. */
    public TaskExecutor tasks() {
        return tasks;
    }

    /** The store studies are kept in now. */
    public StudyStore store() {
        return store;
    }

    /** The folder searched for samples. */
    public Path samplesFolder() {
        return samplesFolder;
    }

    // ------------------------------------------------------------------ actions

    /** Reads the samples folder and the store again. Only samples this build can run are offered. */
    public void refresh() {
        tasks.execute(() -> SampleSpec.sort(SampleSpec.findIn(samplesFolder)), found -> {
            samples.setAll(found.offered());
            unavailableSamples.setAll(found.unavailable());
        }, e -> error.set(new ErrorReport("Cannot read the samples folder " + samplesFolder, ErrorReport.reason(e))));
        studies.refresh();
    }

    /**
     * Opens the tabs that were open when this database was last used here; a study deleted
     * meanwhile is skipped, and the status says how many were.
     */
    public void restoreOpenStudies() {
        Path file = databaseFile.get();
        if (file == null) {
            return;
        }
        List<Long> saved = openTabs.saved(file);
        if (saved.isEmpty()) {
            return;
        }
        StudyStore from = store;
        // The records too: the list may not have been read yet, and the tabs should have their names at once.
        tasks.execute(() -> saved.stream().flatMap(id -> from.study(id).stream()).toList(), present -> {
            if (from != store) {
                return;
            }
            restoringTabs = true;
            try {
                for (StudyRecord r : present) {
                    if (runOf(r.id()) == null) {
                        addRun().open(r.id(), r.name());
                    }
                }
            } finally {
                restoringTabs = false;
            }
            rememberOpenStudies();
            int gone = saved.size() - present.size();
            if (gone > 0) {
                status.set("Database: " + describeStore() + " · " + gone + (gone == 1 ? " study tab was" : " study tabs were")
                        + " not reopened: deleted meanwhile");
            }
        }, e -> { });
    }

    /** Shows a stored study in a run view, opening one unless it is open already. */
    public void openStudy(long studyId) {
        RunViewModel run = runOf(studyId);
        if (run == null) {
            run = addRun();
            run.open(studyId, studies.nameOf(studyId).orElse(""));
            rememberOpenStudies();
        }
        focus.set(run);
    }

    /** Opens a stored study and continues it to its budget. */
    public void resumeStudy(long studyId) {
        RunViewModel open = runOf(studyId);
        if (open != null) {
            focus.set(open);
            open.resume();
            return;
        }
        RunViewModel run = addRun();
        // Resume once the study is read: its spec says how to run it. The tab shows its name and
        // "Reading trials …" at once, and the status bar the reading with a Cancel.
        run.openToResume(studyId, studies.nameOf(studyId).orElse(""));
        rememberOpenStudies();
        focus.set(run);
    }

    /** Creates a study from {@code spec}, runs it and shows it. */
    public RunViewModel startStudy(StudySpec spec) {
        RunViewModel run = addRun();
        run.startNew(spec);
        focus.set(run);
        return run;
    }

    /** Closes a run view; a run still going on there is stopped first (its trials can be resumed). */
    public void closeRun(RunViewModel run) {
        if (!runs.remove(run)) {
            return;
        }
        studies.untrack(run);
        run.close();
        if (focus.get() == run) {
            focus.set(runs.isEmpty() ? null : runs.get(runs.size() - 1));
        }
    }

    /** Brings the new-study form to the front. */
    public void showNewStudy() {
        focus.set(newStudy);
    }

    /** Fills the new-study form from a spec file (a sample, or one saved before) and shows it. */
    public void newStudyFrom(Path specFile) {
        newStudy.loadFrom(specFile);
        focus.set(newStudy);
    }

    /** Brings a study's run view to the front. */
    public void focus(RunViewModel run) {
        if (runs.contains(run)) {
            focus.set(run);
        }
    }

    /** Brings the study list to the front. */
    public void showStudies() {
        focus.set(null);
    }

    /**
     * Switches to an existing database file. Refused while a study runs, since its trials are
     * being written to the current one, and for a file that is missing or is not a Rungs
     * database: the current database then stays open and the reason is shown.
     */
    public void openDatabase(Path file) {
        if (Files.exists(file)) {
            switchDatabase(file, "Cannot open the database " + file);
        } else {
            error.set(new ErrorReport("Cannot open the database " + file,
                    "There is no file " + file + ". File > New database… creates one."));
        }
    }

    /**
     * Creates a database in a new file and switches to it. An existing file is never replaced:
     * it is refused, pointing to File > Open database….
     */
    public void newDatabase(Path file) {
        if (Files.exists(file)) {
            error.set(new ErrorReport("Cannot create the database " + file, file
                    + " exists already; Rungs does not replace it. Open it with File > Open database…, "
                    + "or choose a new name."));
        } else {
            switchDatabase(file, "Cannot create the database " + file);
        }
    }

    /** Forgets the error once the view has shown it. */
    public void clearError() {
        error.set(null);
    }

    /** Stops every run and closes the store; for when the window closes. The open tabs stay remembered. */
    public void shutdown() {
        for (RunViewModel run : List.copyOf(runs)) {
            run.shutdown();
        }
        store.close();
    }

    // ------------------------------------------------------------------ inner workings

    private void switchDatabase(Path file, String failureHeading) {
        if (runs.stream().anyMatch(r -> r.runningProperty().get())) {
            error.set(new ErrorReport("Cannot switch databases while a study runs",
                    "Stop the running studies first; their trials are being written to " + describeStore() + "."));
            return;
        }
        status.set("Opening " + file + " …");
        tasks.execute(() -> opener.apply(file), opened -> switchTo(opened, file), e -> {
            updateStatus();
            error.set(new ErrorReport(failureHeading, ErrorReport.reason(e)));
        });
    }

    private RunViewModel addRun() {
        RunViewModel run = new RunViewModel(store, tasks);
        runs.add(run);
        studies.track(run);
        run.setOnOpenCancelled(() -> closeRun(run));
        run.studyIdProperty().addListener(o -> rememberOpenStudies());
        run.noticeProperty().addListener((o, old, n) -> {
            if (n != null && runs.contains(run)) {
                notice.set(n);
            }
        });
        return run;
    }

    private void switchTo(StudyStore opened, Path file) {
        restoringTabs = true; // the old database's tabs stay remembered for it
        try {
            for (RunViewModel run : List.copyOf(runs)) {
                closeRun(run);
            }
        } finally {
            restoringTabs = false;
        }
        StudyStore old = store;
        store = opened;
        databaseFile.set(file);
        preferences.put(AppPreferences.LAST_DATABASE, file.toAbsolutePath().toString());
        studies.setStore(opened);
        focus.set(null);
        updateStatus();
        restoreOpenStudies();
        tasks.execute(() -> {
            old.close();
            return null;
        }, ignored -> { }, e -> { });
    }

    private void rememberOpenStudies() {
        Path file = databaseFile.get();
        if (file != null && !restoringTabs) {
            openTabs.remember(file, runs.stream().mapToLong(RunViewModel::shownStudyId).filter(id -> id >= 0)
                    .boxed().toList());
        }
    }

    private RunViewModel runOf(long studyId) {
        for (RunViewModel r : runs) {
            if (r.shows(studyId)) {
                return r;
            }
        }
        return null;
    }

    private void updateStatus() {
        status.set("Database: " + describeStore());
    }

    private String describeStore() {
        Path file = databaseFile.get();
        return file == null ? "in memory only (nothing is saved)"
                : file.toAbsolutePath().toString();
    }

}
