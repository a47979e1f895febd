package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.engine.Budget;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.objective.ml.Validation;
import dev.rungs.sampler.Sampler;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.Method;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.spec.Methods;
import dev.rungs.spec.ObjectiveSpec;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecPath;
import dev.rungs.spec.SpecProblem;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
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
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The state behind the New study screen: objective, search space, method and budget as the
 * person edits them, checked after every change.
 *
 * <p>Every field is kept as typed, and every problem is reported twice: on the row or field at
 * fault (for the view to highlight) and in {@link #problems()} (for a summary). When the form's
 * own rules find nothing, the spec it describes is written as JSON and read back by
 * {@link SpecReader}, the same check a spec file gets, so no rule of the reader can be missed
 * and what {@link #toSpec()} returns is exactly what a saved file would load as.
 *
 * <p>Holds JavaFX properties and lists but no nodes, so it is tested without a toolkit. All
 * methods belong to the UI thread; reading and writing files goes through the injected
 * {@link TaskExecutor}.
 */
public final class NewStudyViewModel {
    /** The objective a fresh form starts with. */
    public static final String DEFAULT_OBJECTIVE = "branin";
    /** The trial budget a fresh form starts with. */
    public static final int DEFAULT_TRIALS = 100;
    /** The seed a fresh form starts with. */
    public static final long DEFAULT_SEED = 42;
    /** The most parallel workers the form offers; more would only queue on a desktop. */
    public static final int MAX_WORKERS = 64;
    /** The scheduler a fresh form starts with: none, every trial runs to its end. */
    static final String DEFAULT_SCHEDULER = "none";

    /** Characters Windows, macOS or Linux refuse in a file name; a study's name may name files. */
    private static final String FILE_NAME_FORBIDDEN = "/\\:*?\"<>|";

    private final TaskExecutor tasks;

    private final ObservableList<ObjectiveKind> objectiveKinds = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ObjectiveKind.values()));
    private final ObjectProperty<ObjectiveKind> objectiveKind = new SimpleObjectProperty<>(this, "objectiveKind",
            ObjectiveKind.BENCHMARK);
    private final DatasetStepViewModel datasetStep;
    private final CommandStepViewModel commandStep;
    private final ObservableList<String> objectives = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(BenchmarkProblems.names()));
    private final ObjectProperty<String> objective = new SimpleObjectProperty<>(this, "objective");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObservableList<ParamRow> params = FXCollections.observableArrayList();

    private final ObservableList<String> samplerTypes = typesOf(Methods.samplers());
    private final ObjectProperty<String> samplerType = new SimpleObjectProperty<>(this, "samplerType");
    private final ReadOnlyStringWrapper samplerTitle = new ReadOnlyStringWrapper(this, "samplerTitle", "");
    private final ObservableList<SettingRow> samplerSettings = FXCollections.observableArrayList();
    private final ObservableList<String> schedulerTypes = typesOf(Methods.schedulers());
    private final ObjectProperty<String> schedulerType = new SimpleObjectProperty<>(this, "schedulerType");
    private final ReadOnlyStringWrapper schedulerTitle = new ReadOnlyStringWrapper(this, "schedulerTitle", "");
    private final ObservableList<SettingRow> schedulerSettings = FXCollections.observableArrayList();

    private final StringProperty trials = new SimpleStringProperty(this, "trials", "");
    private final StringProperty timeLimit = new SimpleStringProperty(this, "timeLimit", "");
    private final StringProperty workers = new SimpleStringProperty(this, "workers", "");
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "");

    private final Map<FormField, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(FormField.class);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    // Parts of a spec the form has no field for yet. They come from the objective, or from a
    // loaded spec, and are written back unchanged so that loading and saving loses nothing.
    private Map<String, Object> objectiveOptions = Map.of();
    private long maxResource = 1;
    /** The trial budget the form proposed; while the field still says it, the form may change it. */
    private String proposedTrials = Integer.toString(DEFAULT_TRIALS);
    private final ReadOnlyStringWrapper rungPlan = new ReadOnlyStringWrapper(this, "rungPlan", "");
    private long resourceBudget;

    /** The checked spec the form describes, or null while anything is wrong. */
    private StudySpec checked;
    private Consumer<StudySpec> onCreate = spec -> { };
    /** Whether the name still follows objective and sampler (the person has not made it their own). */
    private boolean nameFollows = true;
    /** Set while the form changes its own name, so that change is not taken for the person's. */
    private boolean namingItself;
    /** Set while the form is filled from a spec, so an objective change keeps the spec's space. */
    private boolean filling;
    /** While above zero, changes are not checked one by one; the batch is checked once at its end. */
    private int quiet;

    private final ChangeListener<Object> edited = (o, old, now) -> changed();

    /** @param tasks reads and writes spec files in the background and reports back on the UI thread */
    public NewStudyViewModel(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        for (FormField f : FormField.values()) {
            fieldErrors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error"));
        }
        watchRows(params, ParamRow::editable);
        watchRows(samplerSettings, r -> new ObservableValue<?>[] {r.valueProperty()});
        watchRows(schedulerSettings, r -> new ObservableValue<?>[] {r.valueProperty()});
        for (ObservableValue<?> v : List.of(direction, trials, timeLimit, workers, seed)) {
            v.addListener(edited);
        }
        name.addListener((o, old, now) -> {
            if (!namingItself) {
                // Typing the automatic name again hands the name back to the form.
                nameFollows = Objects.equals(now, automaticName());
            }
            changed();
        });
        objective.addListener((o, old, now) -> objectiveChanged());
        objectiveKind.addListener((o, old, now) -> objectiveChanged());
        datasetStep = new DatasetStepViewModel(tasks);
        datasetStep.setOnChange(this::stepChanged);
        datasetStep.modelProperty().addListener((o, old, now) -> {
            if (objectiveKind.get() == ObjectiveKind.DATASET) {
                objectiveChanged();
            }
        });
        datasetStep.metricProperty().addListener((o, old, now) -> {
            // The metric says whether higher or lower is better; a dataset study follows it.
            if (now != null && objectiveKind.get() == ObjectiveKind.DATASET && !filling) {
                direction.set(now.direction());
            }
        });
        commandStep = new CommandStepViewModel(tasks, Path.of(System.getProperty("user.home")));
        commandStep.setOnChange(this::stepChanged);
        samplerType.addListener((o, old, now) -> {
            methodChanged(samplerSettings, samplerTitle, sampler(now));
            // A sampler that only works with some schedulers (BOHB) brings one along.
            Methods.schedulerNeededBy(now, schedulerType.get()).ifPresent(schedulerType::set);
        });
        schedulerType.addListener((o, old, now) -> methodChanged(schedulerSettings, schedulerTitle, scheduler(now)));

        batch(() -> {
            objective.set(DEFAULT_OBJECTIVE);
            samplerType.set(Methods.DEFAULT_SAMPLER);
            schedulerType.set(DEFAULT_SCHEDULER);
            trials.set(Integer.toString(DEFAULT_TRIALS));
            workers.set("1");
            seed.set(Long.toString(DEFAULT_SEED));
        });
    }

    // ------------------------------------------------------------------ objective

    /** Benchmark function, dataset and model, external command. */
    public ObservableList<ObjectiveKind> objectiveKinds() {
        return objectiveKinds;
    }

    /**
     * The kind of objective; choosing another shows its part of the form and resets direction and
     * parameters to its preset (a benchmark's own space, a model family's default space, one
     * example parameter for a command).
     */
    public ObjectProperty<ObjectiveKind> objectiveKindProperty() {
        return objectiveKind;
    }

    /** The dataset part of the form, used while the kind is {@link ObjectiveKind#DATASET}. */
    public DatasetStepViewModel datasetStep() {
        return datasetStep;
    }

    /** The command part of the form, used while the kind is {@link ObjectiveKind#COMMAND}. */
    public CommandStepViewModel commandStep() {
        return commandStep;
    }

    /**
     * Runs the command once in the background with the middle configuration of the space (see
     * {@link CommandStepViewModel#testRun}); the whole form must be fine, since the run uses
     * the spec it describes.
     */
    public void testRunCommand() {
        if (objectiveKind.get() != ObjectiveKind.COMMAND) {
            return;
        }
        Optional<StudySpec> spec = toSpec();
        if (spec.isPresent()) {
            commandStep.testRun(spec.get());
        } else {
            commandStep.cannotTestRun();
        }
    }

    /** The benchmark problems that can be chosen, by name. */
    public ObservableList<String> objectives() {
        return objectives;
    }

    /** The chosen benchmark; choosing another resets direction and parameters to its preset. */
    public ObjectProperty<String> objectiveProperty() {
        return objective;
    }

    /** Minimise or maximise; set from the objective, and the person may change it. */
    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /**
     * The study's name. Until the person edits it, it follows the choices: objective and
     * sampler, such as {@code branin-tpe}.
     */
    public StringProperty nameProperty() {
        return name;
    }

    // ------------------------------------------------------------------ search space

    /** The parameters, in order: a conditional parameter's parent comes before it. */
    public ObservableList<ParamRow> params() {
        return params;
    }

    /** Adds a float parameter on [0, 1] with a name not yet used, at the end; returns it. */
    public ParamRow addParam() {
        Set<String> used = new LinkedHashSet<>();
        params.forEach(r -> used.add(r.name().trim()));
        int n = params.size() + 1;
        while (used.contains("p" + n)) {
            n++;
        }
        ParamRow row = new ParamRow("p" + n, "0", "1");
        params.add(row);
        return row;
    }

    /** Removes a parameter. */
    public void removeParam(ParamRow row) {
        params.remove(row);
    }

    /**
     * Moves a parameter up ({@code by} negative) or down the list, stopping at either end; order
     * matters because a parent must come before its conditional parameters.
     */
    public void moveParam(ParamRow row, int by) {
        int from = params.indexOf(row);
        if (from < 0) {
            return;
        }
        int to = Math.max(0, Math.min(params.size() - 1, from + by));
        if (to != from) {
            batch(() -> {
                params.remove(from);
                params.add(to, row);
            });
        }
    }

    /** Puts back the objective's own search space: the benchmark's, or the model family's default. */
    public void resetParams() {
        SearchSpace preset = presetSpace();
        if (preset != null) {
            params.setAll(rowsOf(preset));
        }
    }

    /** The space a fresh choice of objective starts with, or null when there is none to restore. */
    private SearchSpace presetSpace() {
        switch (objectiveKind.get()) {
            case DATASET: {
                ModelFamily family = datasetStep.family();
                return family == null ? null : family.space();
            }
            case COMMAND:
                // A command has no space of its own; one example shows how a parameter looks.
                return SearchSpace.builder().logFloatParam("lr", 1e-4, 1e-1).build();
            default: {
                BenchmarkProblem problem = problem();
                return problem == null ? null : problem.space();
            }
        }
    }

    // ------------------------------------------------------------------ methods

    /** The samplers that can be chosen, by spec name, in the registry's order. */
    public ObservableList<String> samplerTypes() {
        return samplerTypes;
    }

    /** The chosen sampler; choosing another shows its settings with their defaults. */
    public ObjectProperty<String> samplerTypeProperty() {
        return samplerType;
    }

    /** A short description of the chosen sampler. */
    public ReadOnlyStringProperty samplerTitleProperty() {
        return samplerTitle.getReadOnlyProperty();
    }

    /** The chosen sampler's settings. */
    public ObservableList<SettingRow> samplerSettings() {
        return samplerSettings;
    }

    /** The schedulers that can be chosen, by spec name, in the registry's order. */
    public ObservableList<String> schedulerTypes() {
        return schedulerTypes;
    }

    /** The chosen scheduler (early stopping); choosing another shows its settings with their defaults. */
    public ObjectProperty<String> schedulerTypeProperty() {
        return schedulerType;
    }

    /** A short description of the chosen scheduler. */
    public ReadOnlyStringProperty schedulerTitleProperty() {
        return schedulerTitle.getReadOnlyProperty();
    }

    /** The chosen scheduler's settings. */
    public ObservableList<SettingRow> schedulerSettings() {
        return schedulerSettings;
    }

    /** The method's title, for a list of choices; empty for a type the registry does not know. */
    public static String samplerTitle(String type) {
        Method<Sampler> m = sampler(type);
        return m == null ? "" : m.title();
    }

    /** The method's title, for a list of choices; empty for a type the registry does not know. */
    public static String schedulerTitle(String type) {
        Method<Scheduler> m = scheduler(type);
        return m == null ? "" : m.title();
    }

    // ------------------------------------------------------------------ budget

    /** Trials in the study, as typed; blank or 0 for no limit (then a time limit is needed). */
    public ReadOnlyStringProperty rungPlanProperty() {
        return rungPlan.getReadOnlyProperty();
    }

    public StringProperty trialsProperty() {
        return trials;
    }

    /** The time limit of a run in seconds, as typed; blank for none. */
    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    /** Parallel workers, as typed. */
    public StringProperty workersProperty() {
        return workers;
    }

    /** The study seed, as typed. */
    public StringProperty seedProperty() {
        return seed;
    }

    /** Picks a new random seed; below a billion, so it is easy to read and note down. */
    public void randomSeed() {
        seed.set(Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L)));
    }

    // ------------------------------------------------------------------ checks

    /** What is wrong with a field, or null when nothing is. */
    public ReadOnlyStringProperty fieldErrorProperty(FormField field) {
        return fieldErrors.get(field).getReadOnlyProperty();
    }

    /** Every current problem, one line each, naming its row or field; empty when the form is fine. */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** Whether the form describes a study that can be created. */
    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ messages

    /** A failed load or save to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Forgets the error once shown, so the same error can be reported again. */
    public void clearError() {
        error.set(null);
    }

    /** One line about the last load or save. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a file is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ actions

    /** The spec the form describes, or empty while anything is wrong (the problems say what). */
    public Optional<StudySpec> toSpec() {
        validate();
        return Optional.ofNullable(checked);
    }

    /** Where {@link #create()} hands the spec; the main window opens a run for it. */
    public void setOnCreate(Consumer<StudySpec> callback) {
        this.onCreate = Objects.requireNonNull(callback, "callback");
    }

    /** Hands the spec to the callback when the form is fine; does nothing otherwise. */
    public void create() {
        toSpec().ifPresent(onCreate);
    }

    /** Fills every field from a spec, for instance to run a stored study again. */
    public void load(StudySpec spec) {
        batch(() -> {
            filling = true;
            try {
                ObjectiveKind kind = ObjectiveKind.bySpecType(spec.objective().type());
                objectiveKind.set(kind);
                switch (kind) {
                    case DATASET:
                        datasetStep.fill(spec.objective().options());
                        break;
                    case COMMAND:
                        commandStep.fill(spec.objective().options());
                        break;
                    default:
                        objective.set(spec.objective().name());
                        objectiveOptions = spec.objective().options();
                }
                maxResource = spec.maxResource();
                proposedTrials = null; // a loaded spec's budget is the person's, not the form's
                direction.set(spec.direction());
                params.setAll(rowsOf(spec.space()));
                fillMethod(samplerType, samplerSettings, samplerTitle, sampler(spec.sampler().type()), spec.sampler());
                fillMethod(schedulerType, schedulerSettings, schedulerTitle, scheduler(spec.scheduler().type()),
                        spec.scheduler());
                Budget b = spec.budget();
                trials.set(b.maxTrials() > 0 ? Integer.toString(b.maxTrials()) : "");
                timeLimit.set(b.maxTime() != null ? ValueText.formatNumber(b.maxTime().toMillis() / 1000.0) : "");
                resourceBudget = b.maxResource();
                workers.set(Integer.toString(spec.workers()));
                seed.set(Long.toString(spec.seed()));
                name.set(spec.name());
            } finally {
                filling = false;
            }
        });
    }

    /**
     * Reads a spec file in the background and fills the form from it. A file that cannot be read
     * or is not a valid spec leaves the form as it was and sets {@link #errorProperty()}, with the
     * reader's message naming the JSON path at fault.
     */
    public void loadFrom(Path file) {
        busy.set(true);
        tasks.execute(() -> SpecReader.read(file), spec -> {
            busy.set(false);
            load(spec);
            status.set("Loaded " + file);
        }, e -> {
            busy.set(false);
            // The heading names the file, so a spec's mistake is told as where and why alone.
            if (e instanceof SpecException s) {
                error.set(new ErrorReport("The spec " + file.getFileName() + " cannot be used", s.problem().toString()));
            } else {
                error.set(new ErrorReport("Cannot read " + file, ErrorReport.reason(e)));
            }
        });
    }

    /** Writes the spec as JSON in the background; a form with problems, or a failed write, sets the error. */
    public void saveTo(Path file) {
        Optional<StudySpec> spec = toSpec();
        if (spec.isEmpty()) {
            error.set(new ErrorReport("The spec cannot be saved yet", String.join("\n", problems)));
            return;
        }
        String json = spec.get().toJson();
        busy.set(true);
        tasks.execute(() -> {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        }, written -> {
            busy.set(false);
            status.set("Saved " + written);
        }, e -> {
            busy.set(false);
            error.set(new ErrorReport("Cannot save the spec to " + file, ErrorReport.reason(e)));
        });
    }

    // ------------------------------------------------------------------ reacting to changes

    private <T> void watchRows(ObservableList<T> rows, Function<T, ObservableValue<?>[]> fields) {
        rows.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                for (T r : c.getRemoved()) {
                    for (ObservableValue<?> v : fields.apply(r)) {
                        v.removeListener(edited);
                    }
                }
                for (T r : c.getAddedSubList()) {
                    for (ObservableValue<?> v : fields.apply(r)) {
                        v.addListener(edited);
                    }
                }
            }
            changed();
        });
    }

    /** The kind, the benchmark or the model family changed: start from that objective's preset. */
    private void objectiveChanged() {
        batch(() -> {
            if (!filling) {
                objectiveOptions = Map.of();
                SearchSpace preset = presetSpace();
                if (preset != null) {
                    params.setAll(rowsOf(preset));
                }
                switch (objectiveKind.get()) {
                    case DATASET: {
                        ModelFamily family = datasetStep.family();
                        maxResource = family == null ? 1 : family.defaultMaxResource();
                        Metric metric = datasetStep.metricProperty().get();
                        if (metric != null) {
                            direction.set(metric.direction());
                        }
                        break;
                    }
                    case COMMAND:
                        maxResource = 1;
                        direction.set(Direction.MINIMIZE);
                        break;
                    default: {
                        BenchmarkProblem problem = problem();
                        if (problem != null) {
                            direction.set(problem.direction());
                            maxResource = problem.maxResource();
                        }
                    }
                }
            }
            followName();
        });
    }

    /** A dataset or command field changed; the name may follow the file or the script. */
    private void stepChanged() {
        batch(this::followName);
    }

    private void methodChanged(ObservableList<SettingRow> rows, ReadOnlyStringWrapper title, Method<?> m) {
        batch(() -> {
            showMethod(rows, title, m);
            followName();
        });
    }

    private static void showMethod(ObservableList<SettingRow> rows, ReadOnlyStringWrapper title, Method<?> m) {
        title.set(m == null ? "" : m.title());
        List<SettingRow> fresh = new ArrayList<>();
        if (m != null) {
            m.settings().forEach(s -> fresh.add(new SettingRow(s)));
        }
        rows.setAll(fresh);
    }

    private void fillMethod(ObjectProperty<String> type, ObservableList<SettingRow> rows, ReadOnlyStringWrapper title,
            Method<?> m, ComponentSpec spec) {
        type.set(spec.type());
        // Rebuilt even when the type did not change, so settings left over from editing go.
        showMethod(rows, title, m);
        for (SettingRow row : rows) {
            Object v = spec.settings().get(row.key());
            if (v != null) {
                row.valueProperty().set(ValueText.formatValue(v));
            }
        }
    }

    private String automaticName() {
        switch (objectiveKind.get()) {
            case DATASET:
                return datasetStep.label() + "-" + datasetStep.modelProperty().get() + "-" + samplerType.get();
            case COMMAND:
                return commandStep.label() + "-" + samplerType.get();
            default:
                return objective.get() + "-" + samplerType.get();
        }
    }

    private void followName() {
        if (nameFollows && !filling) {
            namingItself = true;
            try {
                name.set(automaticName());
            } finally {
                namingItself = false;
            }
        }
    }

    private void batch(Runnable changes) {
        quiet++;
        try {
            changes.run();
        } finally {
            quiet--;
        }
        changed();
    }

    private void changed() {
        if (quiet == 0) {
            validate();
        }
    }

    // ------------------------------------------------------------------ validation

    /** Checks everything, sets every error and the problem list, and keeps the spec if all is well. */
    private void validate() {
        Map<FormField, String> errors = new EnumMap<>(FormField.class);
        List<String> found = new ArrayList<>();

        check(errors, FormField.NAME, nameProblem(name.get()));
        ObjectiveKind kind = objectiveKind.get();
        BenchmarkProblem problem = kind == ObjectiveKind.BENCHMARK ? problem() : null;
        Map<String, Object> options = objectiveOptions;
        String objectiveName = String.valueOf(objective.get());
        Set<String> known = null;
        boolean allRequired = false;
        if (kind == ObjectiveKind.DATASET) {
            options = datasetStep.check(errors);
            objectiveName = String.valueOf(datasetStep.modelProperty().get());
            ModelFamily family = datasetStep.family();
            if (family != null) {
                // A family takes its space's parameters and those it has defaults for; any may be left out.
                known = new LinkedHashSet<>();
                for (Param p : family.space().params()) {
                    known.add(p.name());
                }
                known.addAll(family.defaults().values().keySet());
            }
        } else if (kind == ObjectiveKind.COMMAND) {
            options = commandStep.check(errors);
            objectiveName = commandStep.label();
        } else if (problem == null) {
            check(errors, FormField.OBJECTIVE, objectiveProblem());
        } else {
            known = new LinkedHashSet<>();
            for (Param p : problem.space().params()) {
                known.add(p.name());
            }
            allRequired = true;
        }
        if (direction.get() == null) {
            check(errors, FormField.OBJECTIVE, "choose minimize or maximize");
        }
        addFieldProblems(errors, found, FormField.NAME, FormField.OBJECTIVE);
        addFieldProblems(errors, found, stepFields(kind));

        SpaceCheck space = new SpaceCheck(params, objectiveName, known, allRequired).run();
        errors.put(FormField.PARAMETERS, space.spaceError());
        found.addAll(space.problems());

        SettingsCheck sampler = new SettingsCheck("Sampler " + samplerType.get(), sampler(samplerType.get()),
                samplerSettings).run();
        errors.put(FormField.SAMPLER, sampler.methodError());
        found.addAll(sampler.problems());
        SettingsCheck scheduler = new SettingsCheck("Scheduler " + schedulerType.get(),
                scheduler(schedulerType.get()), schedulerSettings).run();
        errors.put(FormField.SCHEDULER, scheduler.methodError());
        found.addAll(scheduler.problems());

        Double seconds = checkTimeLimit(errors);
        Long trialCount = checkTrials(errors, seconds != null || resourceBudget > 0);
        Long workerCount = checkWorkers(errors);
        Long seedValue = checkSeed(errors);
        addFieldProblems(errors, found, FormField.TRIALS, FormField.TIME_LIMIT, FormField.WORKERS, FormField.SEED);

        checked = null;
        if (found.isEmpty()) {
            StudySpec built = new StudySpec(name.get(), new ObjectiveSpec(kind.specType(), objectiveName, options),
                    direction.get(), space.space(), new ComponentSpec(samplerType.get(), sampler.values()),
                    new ComponentSpec(schedulerType.get(), scheduler.values()),
                    new Budget(trialCount.intValue(), seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000)),
                            resourceBudget),
                    maxResource, workerCount.intValue(), seedValue);
            try {
                // Paths in the options are absolute, so the folder the reader resolves against does
                // not matter; the dataset comes from memory, so no file is read on this thread.
                checked = SpecReader.parse(built.toJson(), Path.of("").toAbsolutePath(), datasetStep.datasets());
            } catch (SpecException e) {
                blame(e.problem(), errors);
                found.add(e.problem().toString());
            }
        }

        fieldErrors.forEach((f, w) -> w.set(errors.get(f)));
        problems.setAll(found);
        canCreate.set(checked != null);
        showRungPlan(scheduler);
    }

    /**
     * Shows the scheduler's rung plan, and proposes as many trials as it takes for a trial to
     * reach the largest resource (one full Hyperband iteration), unless the person typed a number.
     */
    private void showRungPlan(SettingsCheck scheduler) {
        Optional<RungPlan> plan = scheduler.problems().isEmpty()
                ? Methods.rungPlan(new ComponentSpec(schedulerType.get(), scheduler.values()), maxResource)
                : Optional.empty();
        rungPlan.set(plan.map(RungPlanText::of).orElse(""));
        String proposed = Integer.toString(plan.map(RungPlan::suggestedTrials).filter(n -> n > 0).orElse(DEFAULT_TRIALS));
        if (trials.get().equals(proposedTrials) && !proposed.equals(proposedTrials)) {
            proposedTrials = proposed;
            trials.set(proposed);
        }
    }

    private static void check(Map<FormField, String> errors, FormField field, String problem) {
        if (problem != null) {
            errors.put(field, problem);
        }
    }

    private static FormField[] stepFields(ObjectiveKind kind) {
        List<FormField> fields = kind == ObjectiveKind.DATASET ? DatasetStepViewModel.fields()
                : kind == ObjectiveKind.COMMAND ? CommandStepViewModel.fields() : List.of();
        return fields.toArray(new FormField[0]);
    }

    private static void addFieldProblems(Map<FormField, String> errors, List<String> found, FormField... fields) {
        for (FormField f : fields) {
            String e = errors.get(f);
            if (e != null) {
                found.add(f.label() + ": " + e);
            }
        }
    }

    /** Why the text cannot name a study, or null; the name may become a file name on export. */
    static String nameProblem(String text) {
        if (text == null || text.isBlank()) {
            return "the study needs a name";
        }
        if (!text.equals(text.strip())) {
            return "the name must not start or end with a space";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FILE_NAME_FORBIDDEN.indexOf(c) >= 0) {
                return "the name cannot contain " + c + " (it is used in file names)";
            }
            if (Character.isISOControl(c)) {
                return "the name cannot contain control characters";
            }
        }
        if (text.equals(".") || text.equals("..") || text.endsWith(".")) {
            return "the name cannot end with a dot (it is used in file names)";
        }
        return null;
    }

    private Double checkTimeLimit(Map<FormField, String> errors) {
        String text = timeLimit.get() == null ? "" : timeLimit.get().trim();
        if (text.isEmpty()) {
            return null;
        }
        Double s = ValueText.parseNumber(text);
        if (s == null) {
            errors.put(FormField.TIME_LIMIT, "must be a number of seconds, got '" + text + "' (leave it blank for none)");
        } else if (s <= 0) {
            errors.put(FormField.TIME_LIMIT, "must be a positive number of seconds (leave it blank for none)");
        } else if (s < 0.001) {
            // Budgets count whole milliseconds; less would round to no limit at all.
            errors.put(FormField.TIME_LIMIT, "must be at least 0.001 seconds");
        } else {
            return s;
        }
        // A time limit that is wrong still means the person wants one; trials are judged as if set.
        return Double.NaN;
    }

    private Long checkTrials(Map<FormField, String> errors, boolean otherLimit) {
        String text = trials.get() == null ? "" : trials.get().trim();
        Long n = text.isEmpty() ? Long.valueOf(0) : ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.TRIALS, "must be a whole number, got '" + text + "'");
        } else if (n < 0) {
            errors.put(FormField.TRIALS, "must not be negative");
        } else if (n > Integer.MAX_VALUE) {
            errors.put(FormField.TRIALS, "must be at most " + Integer.MAX_VALUE);
        } else if (n == 0 && !otherLimit) {
            errors.put(FormField.TRIALS, "must be at least 1 (or set a time limit)");
        }
        return n;
    }

    private Long checkWorkers(Map<FormField, String> errors) {
        String text = workers.get() == null ? "" : workers.get().trim();
        Long n = ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.WORKERS, "must be a whole number, got '" + text + "'");
        } else if (n < 1 || n > MAX_WORKERS) {
            errors.put(FormField.WORKERS, "must be between 1 and " + MAX_WORKERS);
        }
        return n;
    }

    private Long checkSeed(Map<FormField, String> errors) {
        String text = seed.get() == null ? "" : seed.get().trim();
        Long n = ValueText.parseWhole(text);
        if (n == null) {
            errors.put(FormField.SEED, "must be a whole number, got '" + text + "'");
        }
        return n;
    }

    /** Shows a spec reader's message at the row or field its JSON path points to. */
    private void blame(SpecProblem problem, Map<FormField, String> errors) {
        SpecPath path = problem.path();
        String message = problem.toString();
        OptionalInt row = path.indexUnder("space");
        if (row.isPresent() && row.getAsInt() < params.size()) {
            params.get(row.getAsInt()).setError(null, message);
        } else if (path.isUnder("sampler") || path.isUnder("scheduler")) {
            boolean isSampler = path.isUnder("sampler");
            Optional<String> key = path.fieldOf(isSampler ? "sampler" : "scheduler");
            for (SettingRow setting : isSampler ? samplerSettings : schedulerSettings) {
                if (key.isPresent() && setting.key().equals(key.get())) {
                    setting.setError(message);
                    return;
                }
            }
            errors.put(isSampler ? FormField.SAMPLER : FormField.SCHEDULER, message);
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
                case "validation" -> datasetStep.validationProperty().get() == Validation.Kind.HOLDOUT
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

    // ------------------------------------------------------------------ helpers

    /** The chosen benchmark with the options in use, or null when none (or an unknown one) is chosen. */
    private BenchmarkProblem problem() {
        if (objective.get() == null) {
            return null;
        }
        try {
            return BenchmarkProblems.byName(objective.get(), objectiveOptions);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Why there is no problem for the chosen objective: none chosen, an unknown name, bad options. */
    private String objectiveProblem() {
        if (objective.get() == null) {
            return "choose an objective";
        }
        try {
            BenchmarkProblems.byName(objective.get(), objectiveOptions);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static List<ParamRow> rowsOf(SearchSpace space) {
        List<ParamRow> rows = new ArrayList<>();
        for (Param p : space.params()) {
            rows.add(ParamRow.of(p));
        }
        return rows;
    }

    private static ObservableList<String> typesOf(List<? extends Method<?>> methods) {
        List<String> types = new ArrayList<>();
        methods.forEach(m -> types.add(m.type()));
        return FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(types));
    }

    private static Method<Sampler> sampler(String type) {
        return Methods.samplers().stream().filter(m -> m.type().equals(type)).findFirst().orElse(null);
    }

    private static Method<Scheduler> scheduler(String type) {
        return Methods.schedulers().stream().filter(m -> m.type().equals(type)).findFirst().orElse(null);
    }

}
