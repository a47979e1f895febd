package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.DatasetException;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.spec.DatasetOptions;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.objective.ml.ModelFamilies;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.objective.ml.Task;
import dev.rungs.objective.ml.Validation;
import dev.rungs.spec.SpecReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The dataset part of the New study form: a CSV file, what to predict from it, how to validate
 * and score a model, and which model family to tune.
 *
 * <p>The file is read in the background with {@link DatasetLoader}, the same reader a study
 * uses, so the preview, the column types and the detected task are exactly what a run will
 * see. Target, task and missing-value policy change how the file is read, so changing one reads
 * it again; until that is done the step reports itself as not ready. A file that cannot be used
 * changes nothing: the step keeps the file it had and reports the reader's message.
 *
 * <p>Rules are checked by {@link #check}, which the form calls after every change; the dataset
 * held in memory is handed to the spec reader through {@link #datasets()}, so checking the spec
 * never reads the file again. UI thread only.
 */
public final class DatasetStepViewModel {
    /** Rows of the file the preview shows. */
    public static final int PREVIEW_ROWS = 10;
    /** The model family a fresh form starts with. */
    public static final String DEFAULT_MODEL = "random_forest";
    /** The folds a fresh form starts with. */
    static final String DEFAULT_FOLDS = "5";
    /** The holdout share a fresh form starts with. */
    static final String DEFAULT_TEST_FRACTION = "0.2";

    /** A file and how to read it: two equal requests read the same dataset. */
    private record Request(Path file, DatasetLoader.Options options) {
    }

    /** What a request read. */
    private record Read(Request request, DatasetLoader.Loaded loaded) {
    }

    private final TaskExecutor tasks;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ObservableList<Dataset.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnNames = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");

    private final ObjectProperty<String> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<Task> taskChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(Task.values()));
    private final ObjectProperty<Task> task = new SimpleObjectProperty<>(this, "task");
    private final ObservableList<MissingPolicy> missingChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(MissingPolicy.values()));
    private final ObjectProperty<MissingPolicy> missing = new SimpleObjectProperty<>(this, "missing",
            MissingPolicy.IMPUTE);
    private final ObservableList<Validation.Kind> validationChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(Validation.Kind.KFOLD, Validation.Kind.HOLDOUT));
    private final ObjectProperty<Validation.Kind> validation = new SimpleObjectProperty<>(this, "validation",
            Validation.Kind.KFOLD);
    private final StringProperty folds = new SimpleStringProperty(this, "folds", DEFAULT_FOLDS);
    private final StringProperty testFraction = new SimpleStringProperty(this, "testFraction", DEFAULT_TEST_FRACTION);
    private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model", DEFAULT_MODEL);

    private final ObservableList<Dataset.Column> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> columnNamesView = FXCollections.unmodifiableObservableList(columnNames);
    private final ObservableList<List<String>> previewRowsView = FXCollections.unmodifiableObservableList(previewRows);
    private final ObservableList<Metric> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");

    // Spec options the step has no field for; they come from a loaded spec and go back unchanged.
    private Boolean header;
    private List<String> ignore = List.of();
    private long validationSeed;
    private Long reportEvery;

    /** The task the person asked for; null while it is detected from the target. */
    private Task requestedTask;
    /** The file and options the form describes; null until a file has been read. */
    private Request wanted;
    /** The last file read, with the options it was read with. */
    private Read read;
    /** The last request that failed, its message and the field to blame. */
    private Request failed;
    private String failure;
    private FormField failedField;
    /** Counts requests, so that the answer to an older one is ignored. */
    private long requests;
    /** Set while the step changes its own fields, so that is not taken for the person's choice. */
    private boolean settingItself;
    private Runnable onChange = () -> { };

    /** @param tasks reads the CSV file in the background and reports back on the UI thread */
    public DatasetStepViewModel(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
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
        for (ObservableValue<?> v : List.of(validation, folds, testFraction, metric, model)) {
            v.addListener((o, old, now) -> onChange.run());
        }
    }

    /** Called after every change of the step, including the end of a background read. */
    void setOnChange(Runnable callback) {
        this.onChange = Objects.requireNonNull(callback, "callback");
    }

    // ------------------------------------------------------------------ the file

    /** The CSV file in use, or null before one has been read. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The file's columns as read, with their inferred types, in file order. */
    public ObservableList<Dataset.Column> columns() {
        return columnsView;
    }

    /** The column names, for choosing the target. */
    public ObservableList<String> columnNames() {
        return columnNamesView;
    }

    /** The first rows of the file as text, one cell per column. */
    public ObservableList<List<String>> previewRows() {
        return previewRowsView;
    }

    /** One line about the dataset: rows, features, task and classes; empty before a file is read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the reader decided on its own, one note a line (such as a column left out because it
     * looks like an identifier); empty when nothing.
     */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Whether the file is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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
        Request request = new Request(path, DatasetLoader.Options.defaults().withMissing(missing.get()));
        long id = ++requests;
        loading.set(true);
        tasks.execute(() -> DatasetLoader.loadWithFirstRows(path, request.options(), PREVIEW_ROWS), loaded -> {
            if (id != requests) {
                return;
            }
            loading.set(false);
            loadError.set(null);
            header = null;
            ignore = List.of();
            requestedTask = null;
            // Read with the last column as target; the same as naming that column.
            Request named = new Request(path, request.options().withTarget(loaded.dataset().target()));
            wanted = named;
            show(new Read(named, loaded), true);
        }, e -> {
            if (id != requests) {
                return;
            }
            loading.set(false);
            String why = reason(e);
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

    /** k-fold and holdout. */
    public ObservableList<Validation.Kind> validationChoices() {
        return validationChoices;
    }

    /** How a configuration is scored: k-fold cross-validation or one holdout split. */
    public ObjectProperty<Validation.Kind> validationProperty() {
        return validation;
    }

    /** The number of folds of k-fold validation, as typed. */
    public StringProperty foldsProperty() {
        return folds;
    }

    /** The share of rows a holdout split tests on, as typed. */
    public StringProperty testFractionProperty() {
        return testFraction;
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
        Path f = file.get();
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
        Dataset data = null;
        if (wanted == null) {
            errors.put(FormField.DATASET_FILE, "choose a CSV file");
        } else if (wanted.equals(failed)) {
            errors.put(failedField, failure);
        } else if (read == null || !wanted.equals(read.request())) {
            errors.put(FormField.DATASET_FILE, "reading " + wanted.file().getFileName() + "…");
        } else {
            data = read.loaded().dataset();
        }
        if (target.get() == null && wanted != null) {
            errors.put(FormField.DATASET_TARGET, "choose the column to predict");
        }
        Map<String, Object> v = validationOptions(data, errors);
        Metric m = metric.get();
        if (m == null) {
            errors.put(FormField.METRIC, "choose a metric");
        } else if (data != null && m.task() != data.task()) {
            errors.put(FormField.METRIC, m.specName() + " scores " + m.task().specName() + ", but the task is "
                    + data.task().specName() + "; choose one of " + names(metricsFor(data.task())));
        }
        ModelFamily f = family();
        if (f == null) {
            errors.put(FormField.MODEL, "choose a model family");
        } else if (data != null && !f.supports(data.task())) {
            errors.put(FormField.MODEL, "the model " + f.name() + " cannot do " + data.task().specName());
        }
        for (FormField field : fields()) {
            if (errors.containsKey(field)) {
                return null;
            }
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", wanted.file().toString());
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

    private Map<String, Object> validationOptions(Dataset data, Map<FormField, String> errors) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (validation.get() == Validation.Kind.HOLDOUT) {
            v.put("kind", "holdout");
            String text = trimmed(testFraction);
            Double f = ValueText.parseNumber(text);
            if (f == null) {
                errors.put(FormField.DATASET_TEST_FRACTION, "must be a number between 0 and 1, got '" + text + "'");
            } else if (!(f > 0 && f < 1)) {
                errors.put(FormField.DATASET_TEST_FRACTION, "must be between 0 and 1 (exclusive), such as 0.2");
            }
            v.put("test_fraction", f);
        } else {
            v.put("kind", "kfold");
            String text = trimmed(folds);
            Long k = ValueText.parseWhole(text);
            if (k == null) {
                errors.put(FormField.DATASET_FOLDS, "must be a whole number, got '" + text + "'");
            } else if (k < 2) {
                errors.put(FormField.DATASET_FOLDS, "must be at least 2");
            } else if (k > 100) {
                errors.put(FormField.DATASET_FOLDS, "must be at most 100");
            } else if (data != null) {
                String tooMany = tooManyFolds(data, k);
                if (tooMany != null) {
                    errors.put(FormField.DATASET_FOLDS, tooMany);
                }
            }
            v.put("folds", k);
        }
        v.put("seed", validationSeed);
        return v;
    }

    /** Why {@code k} folds cannot split {@code data}, or null: every class needs a row in every fold. */
    private static String tooManyFolds(Dataset data, long k) {
        if (data.task() == Task.CLASSIFICATION) {
            int[] counts = data.classCounts();
            int smallest = 0;
            for (int c = 1; c < counts.length; c++) {
                smallest = counts[c] < counts[smallest] ? c : smallest;
            }
            if (counts[smallest] < k) {
                return "at most " + counts[smallest] + ": the class '" + data.classes().get(smallest) + "' has only "
                        + counts[smallest] + (counts[smallest] == 1 ? " row" : " rows")
                        + ", and stratified folds need one of each class";
            }
        } else if (data.rows() < k) {
            return "at most " + data.rows() + ", the number of rows";
        }
        return null;
    }

    /** The data for the spec reader: the dataset in memory when it is the one asked for. */
    SpecReader.Datasets datasets() {
        return (path, options) -> {
            Read r = read;
            if (r != null && r.request().equals(new Request(path, options))) {
                return r.loaded().dataset();
            }
            return DatasetLoader.load(path, options);
        };
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
            DatasetOptions.ValidationOptions v = o.validation();
            boolean holdout = v != null && "holdout".equals(v.kind());
            validation.set(holdout ? Validation.Kind.HOLDOUT : Validation.Kind.KFOLD);
            folds.set(v != null && v.folds() != null ? Long.toString(v.folds()) : DEFAULT_FOLDS);
            testFraction.set(v != null && v.testFraction() != null ? ValueText.formatNumber(v.testFraction())
                    : DEFAULT_TEST_FRACTION);
            validationSeed = v == null ? 0 : v.seed();
            metric.set(o.metric() == null ? null : Metric.bySpecName(o.metric()));
            model.set(o.model());
        } finally {
            settingItself = false;
        }
        Path path = Path.of(o.file()).toAbsolutePath().normalize();
        file.set(path);
        wanted = new Request(path, currentOptions());
        load(FormField.DATASET_FILE);
    }

    // ------------------------------------------------------------------ reading

    private void optionsChanged(FormField cause) {
        if (wanted == null) {
            onChange.run();
            return;
        }
        wanted = new Request(wanted.file(), currentOptions());
        load(cause);
    }

    private DatasetLoader.Options currentOptions() {
        return DatasetLoader.Options.defaults().withTarget(target.get()).withTask(requestedTask)
                .withMissing(missing.get()).withHeader(header).withIgnore(ignore);
    }

    /** Reads the wanted request unless it is in memory already; {@code cause} is blamed if it fails. */
    private void load(FormField cause) {
        Request request = wanted;
        if (read != null && read.request().equals(request)) {
            show(read, false);
            return;
        }
        long id = ++requests;
        loading.set(true);
        onChange.run();
        tasks.execute(() -> DatasetLoader.loadWithFirstRows(request.file(), request.options(), PREVIEW_ROWS),
                loaded -> {
                    if (id == requests) {
                        loading.set(false);
                        show(new Read(request, loaded), false);
                    }
                }, e -> {
                    if (id == requests) {
                        loading.set(false);
                        failed = request;
                        failure = reason(e);
                        failedField = cause;
                        onChange.run();
                    }
                });
    }

    /** Shows what was read; {@code fresh} for a newly chosen file, whose metric restarts at the task's default. */
    private void show(Read r, boolean fresh) {
        read = r;
        failed = null;
        Dataset data = r.loaded().dataset();
        settingItself = true;
        try {
            file.set(r.request().file());
            if (!columns.equals(data.columns())) {
                columns.setAll(data.columns());
                previewRows.setAll(r.loaded().firstRows());
                List<String> names = new ArrayList<>();
                data.columns().forEach(c -> names.add(c.name()));
                columnNames.setAll(names);
            } else if (!previewRows.equals(r.loaded().firstRows())) {
                previewRows.setAll(r.loaded().firstRows());
            }
            target.set(data.target());
            task.set(data.task());
            summary.set(describe(data));
            notes.set(String.join("\n", data.notes()));
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
        List<Metric> ms = t == null ? List.of(Metric.values()) : metricsFor(t);
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

    private static List<Metric> metricsFor(Task t) {
        List<Metric> ms = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m.task() == t) {
                ms.add(m);
            }
        }
        return ms;
    }

    private static String names(List<Metric> ms) {
        List<String> n = new ArrayList<>();
        ms.forEach(m -> n.add(m.specName()));
        return String.join(", ", n);
    }

    private static String describe(Dataset d) {
        StringBuilder s = new StringBuilder();
        s.append(d.rows()).append(d.rows() == 1 ? " row, " : " rows, ").append(d.features())
                .append(d.features() == 1 ? " feature" : " features");
        if (d.task() == Task.CLASSIFICATION) {
            s.append(" · classification of ").append(d.classes().size()).append(" classes");
            if (d.classes().size() <= 6) {
                s.append(" (").append(String.join(", ", d.classes())).append(')');
            }
        } else {
            s.append(" · regression");
        }
        if (d.rowsDropped() > 0) {
            s.append(" · ").append(d.rowsDropped()).append(" rows dropped for missing cells");
        }
        if (d.cellsImputed() > 0) {
            s.append(" · ").append(d.cellsImputed()).append(" missing cells imputed");
        }
        return s.toString();
    }

    private static String reason(Throwable e) {
        return e instanceof DatasetException ? e.getMessage() : ErrorReport.reason(e);
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }
}
