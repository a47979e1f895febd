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
    SEED("Seed"),
    /** The CSV file of a dataset objective. */
    DATASET_FILE("Dataset file"),
    /** The column a dataset objective predicts. */
    DATASET_TARGET("Target"),
    /** Classification or regression. */
    DATASET_TASK("Task"),
    /** What happens to missing cells. */
    DATASET_MISSING("Missing values"),
    /** The number of folds of k-fold validation. */
    DATASET_FOLDS("Folds"),
    /** The share of rows a holdout split tests on. */
    DATASET_TEST_FRACTION("Test fraction"),
    /** How a dataset objective scores a model. */
    METRIC("Metric"),
    /** The model family a dataset objective trains. */
    MODEL("Model"),
    /** The command line of a command objective. */
    COMMAND_LINE("Command"),
    /** The folder a command runs in. */
    COMMAND_WORKDIR("Working folder"),
    /** How long one run of a command may take. */
    COMMAND_TIMEOUT("Timeout"),
    /** How a command receives the parameters. */
    COMMAND_PARAMS_AS("Parameters as");

    private final String label;

    FormField(String label) {
        this.label = label;
    }

    /** The field's name as the problem list shows it. */
    public String label() {
        return label;
    }
}
