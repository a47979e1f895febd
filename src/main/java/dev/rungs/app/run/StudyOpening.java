package dev.rungs.app.run;

import dev.rungs.app.BackgroundTask;
import dev.rungs.app.Recheck;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.app.studies.StoredState;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Reads a stored study into a {@link ShownStudy}: once when it is opened (a cancellable task,
 * as a study of many thousand trials takes a while), and again every {@link StoredState#RECHECK}
 * while another runner runs it, showing only what changed so the selection and charts keep their
 * place. UI thread only.
 */
final class StudyOpening {
    private final ShownStudy shown;
    private final StudyStore store;
    private final TaskExecutor tasks;
    private final Runnable resume;
    private final Recheck recheck;
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
    /** The study being read, so the workbench knows this view is its; -1 when none. */
    private long openingId = -1;
    /** The read going on, so it can be cancelled; null when none. */
    private TaskHandle openTask;
    private Runnable onCancelled = () -> { };
    /** Resume as soon as the study is read ({@link #openToResume}). */
    private boolean resumeWhenRead;

    /**
     * @param resume continues the study once read, when {@link #openToResume} asked for it
     */
    StudyOpening(ShownStudy shown, StudyStore store, TaskExecutor tasks, Runnable resume) {
        this.shown = shown;
        this.store = store;
        this.tasks = tasks;
        this.resume = resume;
        this.recheck = new Recheck(tasks, StoredState.RECHECK, this::reread);
    }

    ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    /** The id of the study being read; -1 when none is. */
    long openingId() {
        return openingId;
    }

    void setOnCancelled(Runnable action) {
        onCancelled = Objects.requireNonNull(action, "action");
    }

    /** See {@link RunViewModel#open(long, String)}. */
    void open(long id, String knownName) {
        if (shown.name.get().isEmpty()) {
            shown.name.set(knownName);
        }
        String what = (resumeWhenRead ? "Resuming " : "Opening ") + (knownName.isEmpty() ? "the study" : knownName);
        openingId = id;
        opening.set(true);
        shown.status.set(what + ": reading its trials …");
        shown.progress.set(-1);
        shown.progressText.set("Reading trials …");
        TaskHandle handle = tasks.start(what, p -> read(id, p), l -> {
            ended();
            show(l, true);
        }, e -> {
            ended();
            resumeWhenRead = false;
            shown.progressText.set("");
            shown.fail("Cannot open the study", e);
        });
        if (handle.runningProperty().get()) {
            openTask = handle;
            handle.runningProperty().addListener((o, was, is) -> {
                if (!is && handle.isCancelled()) {
                    cancelled();
                }
            });
        } else if (handle.isCancelled()) {
            cancelled();
        }
    }

    /** See {@link RunViewModel#openToResume}. */
    void openToResume(long id, String knownName) {
        resumeWhenRead = true;
        open(id, knownName);
    }

    void cancel() {
        if (openTask != null) {
            openTask.cancel();
        }
    }

    /** Reads the study again soon: it was found running elsewhere. */
    void followElsewhere() {
        recheck.request();
    }

    private Loaded read(long id, BackgroundTask.Progress progress) {
        StudyRecord record = store.study(id).orElseThrow(() -> new IllegalStateException(
                "the study with id " + id + " is no longer in the store"));
        StudySpec read = SpecReader.parse(record.specJson());
        progress.update(-1, "Reading trials …");
        List<Trial> all = store.trials(id);
        progress.checkCancelled();
        progress.update(-1, "Reading the study's state …");
        return new Loaded(record, read, all, StoredState.read(store, record));
    }

    /**
     * Shows the study as read: all of it when {@code first}, else (a study running elsewhere,
     * read again) only the trials that changed.
     */
    private void show(Loaded l, boolean first) {
        if (shown.isClosed() || shown.running.get()) {
            return; // a run of this window started meanwhile: it knows better than the store
        }
        shown.show(l.record(), l.spec());
        if (first) {
            shown.showRead(l.trials());
        } else {
            shown.live.offerChanged(l.trials());
            shown.applyPending();
        }
        StudyState was = shown.state.get();
        shown.elsewhere.set(l.state().elsewhere().orElse(null));
        shown.state.set(l.state().state());
        shown.updateProgress();
        if (shown.elsewhere.get() != null) {
            shown.status.set(StoredState.hint(shown.elsewhere.get()) + " · its trials are read again every "
                    + StoredState.RECHECK.toSeconds() + " s");
            recheck.request();
        } else if (first) {
            shown.status.set(shown.summary.get().describe() + " read from the store");
        } else if (was == StudyState.RUNNING_ELSEWHERE) {
            shown.status.set("The other runner has ended: " + shown.name.get() + " is " + shown.state.get().label());
        }
        if (resumeWhenRead) {
            resumeWhenRead = false;
            resume.run();
        }
    }

    private void reread() {
        long id = shown.studyId.get();
        if (shown.isClosed() || shown.state.get() != StudyState.RUNNING_ELSEWHERE || id < 0) {
            return;
        }
        tasks.execute(() -> read(id, BackgroundTask.Progress.NONE), l -> show(l, false),
                e -> shown.fail("Cannot read the study again", e));
    }

    private void ended() {
        openTask = null;
        openingId = -1;
        opening.set(false);
    }

    private void cancelled() {
        ended();
        resumeWhenRead = false;
        shown.close();
        shown.status.set("Opening cancelled");
        onCancelled.run();
    }

    private record Loaded(StudyRecord record, StudySpec spec, List<Trial> trials, StoredState state) {
    }
}
