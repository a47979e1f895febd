package dev.rungs.app.studies;

import java.util.Locale;

/** Where a study stands, as the study list shows it. */
public enum StudyState {
    /** A run of this study is going on in this window. */
    RUNNING,
    /**
     * Another runner (the command line, another workbench) holds the study's live lease: this
     * window shows its trials read-only and may neither resume nor stop it.
     */
    RUNNING_ELSEWHERE,
    /** Its last run ended on its own: budget reached or sampler exhausted. */
    FINISHED,
    /** Its last run was stopped, or it has trials that never finished (an interrupted run). */
    STOPPED,
    /** Its last run crashed. */
    FAILED;

    /** The words the table shows: {@code running elsewhere}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
