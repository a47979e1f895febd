package dev.rungs.app.studies;

import dev.rungs.store.Lease;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.StudySummary;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One study in the study list, as observable values the table binds to.
 *
 * <p>Only the {@link StudiesViewModel} changes a row, and only on the UI thread; the engine's
 * events reach it through a throttle, never directly.
 */
public final class StudyRow {
    private final long studyId;
    private final String name;
    private final String method;
    private final Instant started;
    private final ReadOnlyObjectWrapper<StudyState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<FailureReasons> failures =
            new ReadOnlyObjectWrapper<>(this, "failures", FailureReasons.of(java.util.List.of()));
    private final ReadOnlyObjectWrapper<StudySummary> summary =
            new ReadOnlyObjectWrapper<>(this, "summary", StudySummary.EMPTY);
    /** The other runner's lease while the state is {@link StudyState#RUNNING_ELSEWHERE}; else null. */
    private Lease elsewhere;

    StudyRow(long studyId, String name, String method, Instant started, StudyState state, Lease elsewhere) {
        this.studyId = studyId;
        this.name = Objects.requireNonNull(name, "name");
        this.method = Objects.requireNonNull(method, "method");
        this.started = Objects.requireNonNull(started, "started");
        setState(Objects.requireNonNull(state, "state"), elsewhere);
    }

    /** The study's key in the store. */
    public long studyId() {
        return studyId;
    }

    /** The study's unique name. */
    public String name() {
        return name;
    }

    /** The tuning method, as specs name it: {@code tpe}, {@code random + median}. */
    public String method() {
        return method;
    }

    /** When the study was created. */
    public Instant started() {
        return started;
    }

    /** Running (here or elsewhere), finished, stopped or failed. */
    public ReadOnlyObjectProperty<StudyState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The study's trials in numbers (counted as the budget counts them), best value and resource used. */
    public ReadOnlyObjectProperty<StudySummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Running, finished, stopped or failed, now. */
    public StudyState state() {
        return state.get();
    }

    /** Who runs the study, while it runs elsewhere. */
    public Optional<Lease> elsewhere() {
        return Optional.ofNullable(elsewhere);
    }

    /** The study's trials in numbers, now. */
    public StudySummary summary() {
        return summary.get();
    }

    void setState(StudyState s, Lease elsewhereLease) {
        // The lease first: whoever hears the state change reads it then.
        elsewhere = s == StudyState.RUNNING_ELSEWHERE ? elsewhereLease : null;
        state.set(s);
    }

    /** The distinct reasons its failed trials give, most frequent first. */
    public ReadOnlyObjectProperty<FailureReasons> failuresProperty() {
        return failures.getReadOnlyProperty();
    }

    FailureReasons failures() {
        return failures.get();
    }

    void setFailures(FailureReasons f) {
        if (!f.equals(failures.get())) {
            failures.set(f);
        }
    }

    void setSummary(StudySummary s) {
        // Records compare by value, so an unchanged summary fires no change event.
        summary.set(Objects.requireNonNull(s, "s"));
    }
}
