package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.objective.ml.ModelFamilies;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.objective.ml.Task;
import dev.rungs.spec.DatasetOptions;
import dev.rungs.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dataset part of the New study form: a CSV file, what to predict from it, how to validate
 * and score a model, and which model family to tune.
 *
 * <p>The file is read in the background with {@link DatasetLoader}, the same reader a study
 * uses, so the preview, the column types and the detected task are exactly what a run will
 * see; {@link DatasetFile} keeps what was read and what is asked for. A read shows its progress
 * and can be cancelled. A file that cannot be used changes nothing: the step keeps the file it
 * had and reports the reader's message.
 *
 * <p>Rules are checked by {@link #check}, which the form calls after every change; the dataset
 * held in memory is handed to the spec reader through {@link #datasets()}, so checking the spec
 * never reads the file again. UI thread only.
 */
public final class DatasetStepViewModel {
    /** Rows of the file the preview shows. */
    public static final int PREVIEW_ROWS = DatasetFile.PREVIEW_ROWS;
    /** The model family a fresh form starts with. */
    public static final String DEFAULT_MODEL = "random_forest";

    private final DatasetFile file;

    private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<Task> taskChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(Task.values()));
    private final ObjectProperty<Task> task = new SimpleObjectProperty<>(this, "task");
    private final ObservableList<MissingPolicy> missingChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(MissingPolicy.values()));
    private final ObjectProperty<MissingPolicy> missing = new SimpleObjectProperty<>(this, "missing",
            MissingPolicy.IMPUTE);
    private final ModelValidationFields validation = new ModelValidationFields();
    private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model", DEFAULT_MODEL);

    private final ObservableList<Metric> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);

    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");

    // Spec options the step has no field for; they come from a loaded spec and go back unchanged.
    private Boolean header;
    private List<String> ignore = List.of();
    private Long reportEvery;

    /** The task the person asked for; null while it is detected from the target. */
    private Task requestedTask;
    /** Set while the step changes its own fields, so that is not taken for the person's choice. */
    private boolean settingItself;
    private Runnable onChange = () -> { };

    /** @param tasks reads the CSV file in the background and reports back on the UI thread */
    public DatasetStepViewModel(TaskExecutor tasks) {
        this.file = new DatasetFile(Objects.requireNonNull(tasks, "tasks"));
        showChoicesFor(null);
        target.addListener((o, old, now) -> {
            if (!settingItself) {
                // Another target may hold text or numbers: its task is detected afresh.
                requestedTask = null;
                optionsChanged(FormField.DATASET_TARGET);
            }
        });
        task.addListener((o, old, now) -> {
            if (!settingItself) {
                requestedTask = now;
                optionsChanged(FormField.DATASET_TASK);
            }
        });
        missing.addListener((o, old, now) -> {
            if (!settingItself) {
                optionsChanged(FormField.DATASET_MISSING);
            }
        });
        List<ObservableValue<?>> others = new ArrayList<>(validation.editable());
        others.addAll(List.of(metric, model));
        others.forEach(v -> v.addListener((o, old, now) -> onChange.run()));
    }

    /** Called after every change of the step, including the end of a background read. */
    void setOnChange(Runnable callback) {
        this.onChange = Objects.requireNonNull(callback, "callback");
    }

    // ------------------------------------------------------------------ the file

    /** The file as read: its path, columns, first rows, summary and notes. */
    public DatasetPreview preview() {
        return file.preview();
    }

    /** Whether the file is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return file.reading().loadingProperty();
    }

    /** How far the read has got, in [0, 1]; negative while it cannot tell. */
    public ReadOnlyDoubleProperty loadProgressProperty() {
        return file.reading().progressProperty();
    }

    /** What the read is doing, such as {@code Reading flights.csv: 12,000 rows}; empty when none is. */
    public ReadOnlyStringProperty loadMessageProperty() {
        return file.reading().messageProperty();
    }

    /**
     * Stops the read going on. The step stays as it was before that read was asked for: the file
     * it had, and the target, task and missing-value policy it was read with; nothing is reported.
     */
    public void cancelLoad() {
        boolean wasLoading = loadingProperty().get();
        DatasetReading.Read before = file.cancel();
        if (before != null) {
            settingItself = true;
            try {
                missing.set(before.request().options().missing());
                requestedTask = before.request().options().task();
            } finally {
                settingItself = false;
            }
            show(before, false);
        } else if (wasLoading) {
            onChange.run();
        }
    }

    /** Why the last file chosen could not be used, or null; the step kept the file it had. */
    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    /** A file that could not be used, to show in a dialog, or null; see {@link #clearError}. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Forgets the error once shown, so the same error can be reported again. */
    public void clearError() {
        error.set(null);
    }

    /**
     * Reads {@code csv} in the background. When it can be used it becomes the step's file: its
     * last column the target, the task detected, the metric the task's default if the one chosen
     * does not fit. When it cannot, nothing changes and the reader's message is reported.
     */
    public void choose(Path csv) {
        Path path = csv.toAbsolutePath().normalize();
        file.choose(path, missing.get(), r -> {
            loadError.set(null);
            header = null;
            ignore = List.of();
            requestedTask = null;
            show(r, true);
        }, why -> {
            loadError.set(why);
            error.set(new ErrorReport("The file " + path.getFileName() + " cannot be used", why));
            onChange.run();
        });
    }

    // ------------------------------------------------------------------ what to learn

    /** The column to predict; choosing another reads the file again and detects its task. */
    public ObjectProperty<String> targetProperty() {
        return target;
    }

    /** Classification and regression. */
    public ObservableList<Task> taskChoices() {
        return taskChoices;
    }

    /** The task: detected from the target, and the person may choose the other. */
    public ObjectProperty<Task> taskProperty() {
        return task;
    }

    /** Impute and drop. */
    public ObservableList<MissingPolicy> missingChoices() {
        return missingChoices;
    }

    /** What happens to missing cells; choosing another reads the file again. */
    public ObjectProperty<MissingPolicy> missingProperty() {
        return missing;
    }

    // ------------------------------------------------------------------ validation and metric

    /** How a configuration is scored: k-fold or holdout, and its folds or test share. */
    public ModelValidationFields validation() {
        return validation;
    }

    /** The metrics that score the current task. */
    public ObservableList<Metric> metrics() {
        return metricsView;
    }

    /** The metric; the study's direction follows it. */
    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The model families that can learn the current task, by spec name. */
    public ObservableList<String> models() {
        return modelsView;
    }

    /** The model family, by spec name; choosing one resets the search space to its own. */
    public ObjectProperty<String> modelProperty() {
        return model;
    }

    /** The chosen family, or null when none (or an unknown one) is chosen. */
    public ModelFamily family() {
        try {
            return model.get() == null ? null : ModelFamilies.byName(model.get());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A label for the study's name: the file's name without its extension, or "dataset". */
    String label() {
        Path f = file.preview().fileProperty().get();
        if (f == null) {
            return "dataset";
        }
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    // ------------------------------------------------------------------ checks and spec

    /**
     * Checks the step, puts each problem at its field in {@code errors}, and returns the spec
     * options it describes (absolute file path), or null when anything is wrong.
     */
    Map<String, Object> check(Map<FormField, String> errors) {
        Dataset data = file.check(errors);
        if (target.get() == null && file.path() != null) {
            errors.put(FormField.DATASET_TARGET, "choose the column to predict");
        }
        Map<String, Object> v = validation.check(data, errors);
        Metric m = metric.get();
        String metricProblem = DatasetChecks.metricProblem(m, data);
        if (metricProblem != null) {
            errors.put(FormField.METRIC, metricProblem);
        }
        ModelFamily f = family();
        String modelProblem = DatasetChecks.modelProblem(f, data);
        if (modelProblem != null) {
            errors.put(FormField.MODEL, modelProblem);
        }
        for (FormField field : fields()) {
            if (errors.containsKey(field)) {
                return null;
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.path().toString());
        o.put("target", target.get());
        if (requestedTask != null) {
            o.put("task", requestedTask.specName());
        }
        o.put("missing", missing.get().specName());
        if (header != null) {
            o.put("header", header);
        }
        if (!ignore.isEmpty()) {
            o.put("ignore", ignore);
        }
        o.put("validation", v);
        o.put("metric", m.specName());
        o.put("model", f.name());
        if (reportEvery != null) {
            o.put("report_every", reportEvery);
        }
        return o;
    }

    /** The fields this step reports problems at. */
    static List<FormField> fields() {
        return List.of(FormField.DATASET_FILE, FormField.DATASET_TARGET, FormField.DATASET_TASK,
                FormField.DATASET_MISSING, FormField.DATASET_FOLDS, FormField.DATASET_TEST_FRACTION, FormField.METRIC,
                FormField.MODEL);
    }

    /** The data for the spec reader: the dataset in memory when it is the one asked for. */
    SpecReader.Datasets datasets() {
        return file.datasets();
    }

    /**
     * Fills the step from a spec's options (as the spec reader leaves them: absolute file,
     * defaults filled in) and reads the file in the background for the preview.
     */
    void fill(Map<String, Object> options) {
        DatasetOptions o = DatasetOptions.from(options);
        settingItself = true;
        try {
            header = o.header();
            ignore = o.ignore() == null ? List.of() : List.copyOf(o.ignore());
            reportEvery = o.reportEvery();
            requestedTask = o.task() == null ? null : Task.bySpecName(o.task());
            task.set(requestedTask);
            missing.set(MissingPolicy.bySpecName(o.missing() == null ? "impute" : o.missing()));
            target.set(o.target());
            validation.fill(o.validation());
            metric.set(o.metric() == null ? null : Metric.bySpecName(o.metric()));
            model.set(o.model());
        } finally {
            settingItself = false;
        }
        file.ask(Path.of(o.file()).toAbsolutePath().normalize(), currentOptions(), FormField.DATASET_FILE,
                r -> show(r, false), onChange);
    }

    // ------------------------------------------------------------------ reading

    /** Target, task or missing-value policy changed, which change how the file is read: it is read again. */
    private void optionsChanged(FormField cause) {
        if (file.path() == null) {
            onChange.run();
        } else {
            file.ask(file.path(), currentOptions(), cause, r -> show(r, false), onChange);
        }
    }

    private DatasetLoader.Options currentOptions() {
        return DatasetLoader.Options.defaults().withTarget(target.get()).withTask(requestedTask)
                .withMissing(missing.get()).withHeader(header).withIgnore(ignore);
    }

    /** Shows what was read; {@code fresh} for a newly chosen file, whose metric restarts at the task's default. */
    private void show(DatasetReading.Read r, boolean fresh) {
        Dataset data = r.loaded().dataset();
        settingItself = true;
        try {
            target.set(data.target());
            task.set(data.task());
        } finally {
            settingItself = false;
        }
        showChoicesFor(data.task());
        if (fresh || metric.get() == null || metric.get().task() != data.task()) {
            metric.set(Metric.defaultFor(data.task()));
        }
        ModelFamily f = family();
        if (f == null || !f.supports(data.task())) {
            model.set(models.get(0));
        }
        onChange.run();
    }

    /** Offers the metrics and models that fit {@code t}; all of them while no task is known. */
    private void showChoicesFor(Task t) {
        List<Metric> ms = t == null ? List.of(Metric.values()) : DatasetChecks.metricsFor(t);
        if (!metrics.equals(ms)) {
            metrics.setAll(ms);
        }
        List<String> fs = new ArrayList<>();
        for (ModelFamily f : ModelFamilies.all()) {
            if (t == null || f.supports(t)) {
                fs.add(f.name());
            }
        }
        if (!models.equals(fs)) {
            models.setAll(fs);
        }
    }
}
