package dev.rungs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.objective.ml.Task;
import dev.rungs.objective.ml.Validation;
import java.nio.file.Path;
import java.util.List;

/**
 * The options of a dataset objective, typed: bound by Jackson from the options the reader
 * checked ({@link ObjectiveSpec#options}), so code that builds the objective reads fields, not
 * map entries it casts.
 *
 * @param file the CSV file, absolute
 * @param target the target column; null for the last
 * @param task "classification" or "regression"; null to detect it
 * @param missing "impute" or "drop"
 * @param header whether the first line names the columns; null to detect it
 * @param ignore columns left out; null for none
 * @param model the model family
 * @param validation how models are scored
 * @param metric the metric's spec name; null for the task's default
 * @param reportEvery steps between intermediate reports; null for the family's choice
 */
public record DatasetOptions(String file, String target, String task, String missing, Boolean header, List<String> ignore,
        String model, ValidationOptions validation, String metric,
        @JsonProperty("report_every") Long reportEvery) {

    /** The {@code validation} options: k-fold with {@code folds}, or holdout with {@code testFraction}. */
    public record ValidationOptions(String kind, Integer folds, @JsonProperty("test_fraction") Double testFraction,
            long seed) {
        Validation validation() {
            return "holdout".equals(kind) ? Validation.holdout(testFraction, seed) : Validation.kfold(folds, seed);
        }
    }

    static DatasetOptions of(ObjectiveSpec spec) {
        return from(spec.options());
    }

    /** The options of a checked spec's dataset objective ({@link ObjectiveSpec#options}), typed. */
    public static DatasetOptions from(java.util.Map<String, Object> checked) {
        return SpecReader.bind(checked, DatasetOptions.class);
    }

    /** How {@link DatasetLoader} reads the file. */
    DatasetLoader.Options loaderOptions() {
        DatasetLoader.Options o = DatasetLoader.Options.defaults()
                .withTarget(target)
                .withTask(task == null ? null : Task.bySpecName(task))
                .withMissing(MissingPolicy.bySpecName(missing == null ? "impute" : missing))
                .withHeader(header);
        return ignore == null ? o : o.withIgnore(ignore);
    }

    Path path() {
        return Path.of(file);
    }

    /** The metric named, or the default of the data's task. */
    Metric metricFor(Task dataTask) {
        return metric == null ? Metric.defaultFor(dataTask) : Metric.bySpecName(metric);
    }
}
