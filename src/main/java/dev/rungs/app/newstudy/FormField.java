package dev.rungs.app.newstudy;

/**
 * The parts of the form outside the parameter and settings tables that can be at fault; each
 * has its own error message in {@link NewStudyViewModel#fieldErrorProperty}.
 */
public enum FormField {
    /** The study name. */
    NAME("Name"),
    /** The objective and its options. */
    OBJECTIVE("Objective"),
    /** The search space as a whole (no parameters, a benchmark parameter missing). */
    PARAMETERS("Search space"),
    /** The sampler as a whole (settings that do not go together). */
    SAMPLER("Sampler"),
    /** The scheduler as a whole. */
    SCHEDULER("Scheduler"),
    /** The trial budget. */
    TRIALS("Trials"),
    /** The time limit in seconds. */
    TIME_LIMIT("Time limit"),
    /** The number of parallel workers. */
    WORKERS("Workers"),
    /** The study seed. */
    SEED("Seed");

    private final String label;

    FormField(String label) {
        this.label = label;
    }

    /** The field's name as the problem list shows it. */
    public String label() {
        return label;
    }
}
