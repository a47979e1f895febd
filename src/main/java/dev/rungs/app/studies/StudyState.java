package dev.rungs.app.studies;

import java.util.Locale;

/** Where a study stands, as the study list shows it. */
public enum StudyState {
    /** A run of this study is going on in this window. */
    RUNNING,
    /** Its last run ended on its own: budget reached or sampler exhausted. */
    FINISHED,
    /** Its last run was stopped, or it has trials that never finished (an interrupted run). */
    STOPPED,
    /** Its last run crashed. */
    FAILED;

    /** The word the table shows. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
