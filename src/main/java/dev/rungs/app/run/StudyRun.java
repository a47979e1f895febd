package dev.rungs.app.run;

import dev.rungs.app.Notice;
import dev.rungs.app.TaskExecutor;
import dev.rungs.app.UiThrottle;
import dev.rungs.app.studies.StoredState;
import dev.rungs.app.studies.StudyState;
import dev.rungs.engine.RunHandle;
import dev.rungs.engine.StudyResult;
import dev.rungs.engine.TrialEvent;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.Lease;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Trial;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs a study in this window (a new one, or a stored one resumed) on a background thread, and
 * stops it. The engine's events only record the changed trial and ask a {@link UiThrottle} for an
 * update, which applies every change at once on the UI thread at most ten times a second; so a
 * run of cheap trials never floods the UI thread, and no change is lost.
 *
 * <p>Public methods belong to the UI thread.
 */
final class StudyRun {
    /** Held while a new study picks its name and is created, so two runs never pick the same name. */
    private static final Object NAMING = new Object();

    private final ShownStudy shown;
    private final StudyStore store;
    private final TaskExecutor tasks;
    private final UiThrottle throttle;
    /** Follows a study found running elsewhere when a resume was refused. */
    private final Runnable followElsewhere;
    /** The handle of the run going on; written by the run's thread, read by {@link #stop}. */
    private volatile RunHandle activeHandle;
    private volatile boolean stopRequested;

    StudyRun(ShownStudy shown, StudyStore store, TaskExecutor tasks, Runnable followElsewhere) {
        this.shown = shown;
        this.store = store;
        this.tasks = tasks;
        this.followElsewhere = followElsewhere;
        this.throttle = new UiThrottle(tasks, RunViewModel.LIVE_UPDATE_INTERVAL, shown::applyPending);
    }

    /** See {@link RunViewModel#startNew}. */
    void startNew(StudySpec newSpec) {
        Objects.requireNonNull(newSpec, "newSpec");
        begin(newSpec);
        tasks.execute(() -> runNew(newSpec), this::ended, this::failed);
    }

    /** See {@link RunViewModel#resume}. */
    void resume() {
        StudySpec s = shown.spec.get();
        Lease other = shown.elsewhere.get();
        if (other != null) {
            shown.refuse(other);
            return;
        }
        if (!shown.canResume.get() || s == null) {
            return;
        }
        begin(s);
        tasks.execute(() -> runTuner(StudyFactory.resumeTuner(s, store, 0, StoredState.RUNNER), s),
                this::ended, this::failed);
    }

    /** See {@link RunViewModel#stop}. */
    void stop() {
        Lease other = shown.elsewhere.get();
        if (other != null) {
            shown.status.set(StoredState.hint(other) + " · stop it there");
            return;
        }
        if (!shown.running.get() || stopRequested) {
            return;
        }
        stopRequested = true;
        shown.status.set("Stopping …");
        RunHandle h = activeHandle;
        if (h != null) {
            // RunHandle.stop waits for the engine thread, which may be busy: not on the UI thread.
            tasks.execute(() -> {
                h.stop();
                return null;
            }, ignored -> { }, e -> shown.fail("Stopping the run failed", e));
        }
        // else the run has not started yet; it sees stopRequested as soon as it has a handle.
    }

    /** Stops a run still going on and waits for it; for when the window closes. */
    void shutdown() {
        stopRequested = true;
        RunHandle h = activeHandle;
        if (h != null) {
            h.stop();
            h.await();
        }
    }

    // ------------------------------------------------------------------ background work

    private StudyResult runNew(StudySpec base) {
        StudySpec named;
        Tuner created;
        synchronized (NAMING) {
            named = base.withName(uniqueName(base.name()));
            created = StudyFactory.createTuner(named, store, StoredState.RUNNER);
        }
        return runTuner(created, named);
    }

    /** Runs the tuner to its budget on this background thread, feeding events to the UI. */
    private StudyResult runTuner(Tuner created, StudySpec s) {
        try (Tuner tuner = created) {
            StudyRecord record = tuner.study();
            List<Trial> before = tuner.trials();
            tasks.runOnUi(() -> started(record, s, before));
            tuner.subscribe(this::offer);
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
    private void offer(TrialEvent e) {
        Trial t = e.trial();
        if (t != null) {
            shown.live.offer(t);
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

    private void begin(StudySpec s) {
        stopRequested = false;
        shown.spec.set(s);
        shown.elsewhere.set(null);
        shown.state.set(StudyState.RUNNING);
        shown.status.set("Starting …");
        // Building the tuner reads the trials again and may load a dataset: seconds, for a large study.
        shown.progress.set(-1);
        shown.progressText.set(shown.summary.get().progress(s.budget().maxTrials()) + " · starting the run …");
    }

    private void started(StudyRecord record, StudySpec s, List<Trial> before) {
        shown.show(record, s);
        shown.runStarts(before);
        shown.status.set("Running …");
        shown.updateProgress();
    }

    private void ended(StudyResult r) {
        shown.applyPending();
        shown.state.set(stopRequested || r.wasStopped() ? StudyState.STOPPED : StudyState.FINISHED);
        shown.updateProgress();
        String outcome = r.failure().orElse(r.stopReason());
        String best = RunViewModel.formatValue(shown.best.get());
        shown.status.set(String.format(Locale.ROOT, "%s %s: %s, best %s (%s, %.2f s)", shown.name.get(),
                shown.state.get().label(), shown.summary.get().describe(), best, outcome,
                r.elapsed().toMillis() / 1000.0));
        if (!stopRequested) {
            // Whoever pressed Stop knows; a run that ended by itself may have been out of sight.
            shown.notice.set(new Notice(shown.name.get() + " " + shown.state.get().label(),
                    shown.summary.get().progress(shown.spec.get().budget().maxTrials()) + " · best " + best
                            + " · " + outcome));
        }
    }

    private void failed(Throwable e) {
        shown.applyPending();
        if (e instanceof StudyBusyException busy && shown.studyId.get() >= 0) {
            // Another runner took the study between reading it and resuming it here.
            shown.elsewhere.set(busy.lease());
            shown.state.set(StudyState.RUNNING_ELSEWHERE);
            shown.refuse(busy.lease());
            followElsewhere.run();
            return;
        }
        shown.state.set(shown.studyId.get() >= 0 ? StudyState.FAILED : null);
        shown.fail("The run failed", e);
    }
}
