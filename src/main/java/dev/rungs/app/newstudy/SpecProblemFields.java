package dev.rungs.app.newstudy;

import dev.rungs.objective.ml.Validation;
import dev.rungs.spec.SpecPath;
import dev.rungs.spec.SpecProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where in the form a spec reader's problem belongs: the JSON path it names ({@code
 * $.space[2].low}, {@code $.scheduler.min_resource}, {@code $.objective.options.folds}) is mapped
 * to the parameter row, setting row or field that shows it, so the person sees the reader's
 * message at the field to fix.
 */
final class SpecProblemFields {
    private final List<ParamRow> params;
    private final MethodChoice sampler;
    private final MethodChoice scheduler;
    private final Validation.Kind validation;

    /**
     * @param validation the dataset's kind of validation, which says whether {@code validation}
     *     options point at the folds or at the test fraction
     */
    SpecProblemFields(List<ParamRow> params, MethodChoice sampler, MethodChoice scheduler, Validation.Kind validation) {
        this.params = params;
        this.sampler = sampler;
        this.scheduler = scheduler;
        this.validation = validation;
    }

    /** Shows {@code problem} at its row, or puts it into {@code errors} at its field. */
    void blame(SpecProblem problem, Map<FormField, String> errors) {
        SpecPath path = problem.path();
        String message = problem.toString();
        OptionalInt row = path.indexUnder("space");
        if (row.isPresent() && row.getAsInt() < params.size()) {
            params.get(row.getAsInt()).setError(null, message);
        } else if (path.isUnder("sampler") || path.isUnder("scheduler")) {
            boolean isSampler = path.isUnder("sampler");
            Optional<String> key = path.fieldOf(isSampler ? "sampler" : "scheduler");
            SettingRow setting = key.map((isSampler ? sampler : scheduler)::setting).orElse(null);
            if (setting != null) {
                setting.setError(message);
            } else {
                errors.put(isSampler ? FormField.SAMPLER : FormField.SCHEDULER, message);
            }
        } else {
            errors.put(fieldAt(path), message);
        }
    }

    private FormField fieldAt(SpecPath path) {
        Optional<String> option = path.fieldOf("objective", "options");
        if (option.isPresent()) {
            return switch (option.get()) {
                case "file" -> FormField.DATASET_FILE;
                case "target" -> FormField.DATASET_TARGET;
                case "task" -> FormField.DATASET_TASK;
                case "missing" -> FormField.DATASET_MISSING;
                case "validation" -> validation == Validation.Kind.HOLDOUT
                        ? FormField.DATASET_TEST_FRACTION : FormField.DATASET_FOLDS;
                case "metric" -> FormField.METRIC;
                case "model" -> FormField.MODEL;
                case "command" -> FormField.COMMAND_LINE;
                case "workdir" -> FormField.COMMAND_WORKDIR;
                case "timeout_seconds" -> FormField.COMMAND_TIMEOUT;
                case "params_as" -> FormField.COMMAND_PARAMS_AS;
                default -> FormField.OBJECTIVE;
            };
        }
        if (path.isUnder("name")) {
            return FormField.NAME;
        } else if (path.isUnder("space")) {
            return FormField.PARAMETERS;
        } else if (path.isUnder("budget", "seconds")) {
            return FormField.TIME_LIMIT;
        } else if (path.isUnder("budget")) {
            return FormField.TRIALS;
        } else if (path.isUnder("workers")) {
            return FormField.WORKERS;
        } else if (path.isUnder("seed")) {
            return FormField.SEED;
        }
        return FormField.OBJECTIVE;
    }
}
