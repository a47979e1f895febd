package dev.rungs.app.studies;

import dev.rungs.store.Lease;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.StudySummary;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
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

    /** The delete dialog's question about this study, with its trials counted as everywhere else. */
    public String deleteMessage() {
        StudySummary s = summary();
        return (s.stored() == 0 ? "It has no trials." : "Its " + s.describe() + " are removed from the database.")
                + " This cannot be undone.";
    }

    /**
     * The selected study's failures as the toolbar shows them: how many failed and were
     * interrupted (as {@link StudySummary} counts them), then the commonest reasons, each with a
     * trial that shows it.
     */
    String failureHint() {
        StudySummary s = summary();
        FailureReasons f = failures();
        if (f.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (s.failed() > 0) {
            b.append(s.failed()).append(" failed");
        }
        if (s.interrupted() > 0) {
            b.append(b.isEmpty() ? "" : ", ").append(s.interrupted()).append(" interrupted");
        }
        b.append(": ");
        List<FailureReasons.Reason> shown = f.reasons().subList(0, Math.min(2, f.reasons().size()));
        for (int i = 0; i < shown.size(); i++) {
            FailureReasons.Reason r = shown.get(i);
            b.append(i == 0 ? "" : "; ").append(r.count()).append("× ").append(r.oneLine(400))
                    .append(" (e.g. trial ").append(r.exampleTrial()).append(')');
        }
        int more = f.reasons().size() - shown.size();
        return more > 0 ? b.append("; and ").append(more).append(" other reason").append(more == 1 ? "" : "s")
                .toString() : b.toString();
    }

}
