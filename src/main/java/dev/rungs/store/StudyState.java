package dev.rungs.store;

/** Where a study is in its life, as the store records it. */
public enum StudyState {
    /** Created, or a run is going on (or the process running it died: see its trials). */
    RUNNING,
    /** A run was stopped on request before its budget; it can be resumed. */
    STOPPED,
    /** A run reached its budget. */
    FINISHED
}
