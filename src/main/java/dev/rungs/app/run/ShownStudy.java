package dev.rungs.app.run;

import dev.rungs.app.Notice;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.studies.StoredState;
import dev.rungs.app.studies.StudyState;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.Lease;
import dev.rungs.store.StudyRecord;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a run view shows of its study, shared by the parts of {@link RunViewModel} that change
 * it: {@link StudyOpening} (reading a stored study) and {@link StudyRun} (running it here). The
 * run view model hands out read-only views of these properties; only those parts write them.
 *
 * <p>UI thread only, except {@link #live}'s {@code offer}.
 */
final class ShownStudy {
    final ReadOnlyLongWrapper studyId = new ReadOnlyLongWrapper(this, "studyId", -1);
    final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    final ReadOnlyObjectWrapper<StudySpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    final ReadOnlyObjectWrapper<StudyState> state = new ReadOnlyObjectWrapper<>(this, "state");
    /** Set before {@link #state} changes to {@link StudyState#RUNNING_ELSEWHERE}. */
    final ReadOnlyObjectWrapper<Lease> elsewhere = new ReadOnlyObjectWrapper<>(this, "elsewhere");
    final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    final ReadOnlyObjectWrapper<StudySummary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", StudySummary.EMPTY);
    final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    final ReadOnlyObjectWrapper<OptionalDouble> best =
            new ReadOnlyObjectWrapper<>(this, "best", OptionalDouble.empty());
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    /** The trials shown and their counts; the engine thread only offers changes to it. */
    final LiveTrials live = new LiveTrials();

    /** When the study was created, from its record; null until known. */
    private Instant created;
    /** The view is closed: stop following the study. */
    private boolean closed;
    /** When this window's run started (null when none did), and how many trials had ended then. */
    private Instant runStarted;
    private int endedAtRunStart;

    ShownStudy() {
        state.addListener((o, old, s) -> {
            running.set(s == StudyState.RUNNING);
            canResume.set(s == StudyState.STOPPED && spec.get() != null);
        });
    }

    /** Takes the study's name, spec and creation time from its record; the id last, for whoever follows it. */
    void show(StudyRecord record, StudySpec s) {
        name.set(record.name());
        spec.set(s);
        created = record.created();
        studyId.set(record.id());
    }

    Instant created() {
        return created;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }

    /** A run of this window starts now, with the trials it found; the clock and rate count from here. */
    void runStarts(List<Trial> before) {
        replaceTrials(before);
        runStarted = Instant.now();
        endedAtRunStart = summary.get().ended();
    }

    /** The trials shown are exactly {@code all}, as read from the store; no run of this window counts. */
    void showRead(List<Trial> all) {
        replaceTrials(all);
        runStarted = null;
    }

    /** Shows what the engine (or a second read) offered since the last batch; at most once per throttle. */
    void applyPending() {
        if (spec.get() != null && live.apply(spec.get().direction())) {
            updateProgress();
            live.announce();
        }
    }

    /** Counts, best value, progress and time left as the trials shown now say. */
    void updateProgress() {
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

    /** Says why the study cannot be run here, naming who runs it. */
    void refuse(Lease other) {
        ErrorReport refusal = StoredState.refusal(name.get(), other);
        status.set(refusal.heading() + ": " + StoredState.hint(other));
        error.set(refusal);
    }

    /** Shows {@code e} in a dialog under {@code heading}, in one line of plain words. */
    void fail(String heading, Throwable e) {
        Throwable cause = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof SpecException || cause instanceof IOException
                ? cause.getMessage() : ErrorReport.reason(cause);
        status.set(heading);
        error.set(new ErrorReport(heading, why));
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
}
