package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.spec.Methods;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
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
 * <p>The parts have view models of their own: the dataset and command steps, the sampler and
 * scheduler ({@link MethodChoice}), the budget ({@link BudgetFields}) and spec files
 * ({@link SpecFiles}). This class holds what ties them together: the objective and its preset
 * space, the name that follows the choices, and the check after every change, which
 * {@link SpecAssembly} does and whose outcome this class shows (each field's problem, the
 * problem list, whether the study can be created).
 *
 * <p>Holds JavaFX properties and lists but no nodes, so it is tested without a toolkit. All
 * methods belong to the UI thread; reading files and test runs go through the injected
 * {@link TaskExecutor}.
 */
public final class NewStudyViewModel {
    /** The objective a fresh form starts with. */
    public static final String DEFAULT_OBJECTIVE = "branin";
    /** The scheduler a fresh form starts with: none, every trial runs to its end. */
    static final String DEFAULT_SCHEDULER = "none";

    private final ObservableList<ObjectiveKind> objectiveKinds = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(ObjectiveKind.values()));
    private final ObjectProperty<ObjectiveKind> objectiveKind = new SimpleObjectProperty<>(this, "objectiveKind",
            ObjectiveKind.BENCHMARK);
    private final DatasetStepViewModel datasetStep;
    private final CommandStepViewModel commandStep;
    private final BenchmarkChoice benchmark = new BenchmarkChoice();
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction");
    private final StudyName name = new StudyName(this::automaticName);
    private final SpaceRows space = new SpaceRows(() -> preset().space());
    private final MethodChoice sampler = new MethodChoice("Sampler", Methods.samplers());
    private final MethodChoice scheduler = new MethodChoice("Scheduler", Methods.schedulers());
    private final BudgetFields budget = new BudgetFields();
    private final RungPlanViewModel rungPlan = new RungPlanViewModel();
    private final SpecFiles specFiles;

    private final Map<FormField, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(FormField.class);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper(this, "canCreate");

    // Parts of a spec the form has no field for. They come from the objective, or from a loaded
    // spec, and are written back unchanged so that loading and saving loses nothing.
    private long maxResource = 1;

    /** The checked spec the form describes, or null while anything is wrong. */
    private StudySpec checked;
    private Consumer<StudySpec> onCreate = spec -> { };
    /** Set while the form is filled from a spec, so an objective change keeps the spec's space. */
    private boolean filling;
    /** While above zero, changes are not checked one by one; the batch is checked once at its end. */
    private int quiet;

    private final ChangeListener<Object> edited = (o, old, now) -> changed();

    /** @param tasks reads spec and data files and runs test runs in the background, reporting back on the UI thread */
    public NewStudyViewModel(TaskExecutor tasks) {
        Objects.requireNonNull(tasks, "tasks");
        for (FormField f : FormField.values()) {
            fieldErrors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error"));
        }
        specFiles = new SpecFiles(tasks);
        watchRows(space.rows(), ParamRow::editable);
        watchRows(sampler.settings(), r -> new ObservableValue<?>[] {r.textProperty()});
        watchRows(scheduler.settings(), r -> new ObservableValue<?>[] {r.textProperty()});
        direction.addListener(edited);
        budget.editable().forEach(v -> v.addListener(edited));
        name.property().addListener(edited);
        benchmark.nameProperty().addListener((o, old, now) -> objectiveChanged());
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
        sampler.typeProperty().addListener((o, old, now) -> batch(() -> {
            // A sampler that only works with some schedulers (BOHB) brings one along.
            Methods.schedulerNeededBy(now, scheduler.typeProperty().get()).ifPresent(scheduler.typeProperty()::set);
            followName();
        }));
        scheduler.typeProperty().addListener((o, old, now) -> changed());

        batch(() -> {
            benchmark.nameProperty().set(DEFAULT_OBJECTIVE);
            sampler.typeProperty().set(Methods.DEFAULT_SAMPLER);
            scheduler.typeProperty().set(DEFAULT_SCHEDULER);
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
     * {@link CommandTestRun}); the whole form must be fine, since the run uses
     * the spec it describes.
     */
    public void testRunCommand() {
        if (objectiveKind.get() != ObjectiveKind.COMMAND) {
            return;
        }
        Optional<StudySpec> spec = toSpec();
        if (spec.isPresent()) {
            commandStep.testRun().start(spec.get());
        } else {
            commandStep.testRun().cannotStart();
        }
    }

    /** The benchmark problems that can be chosen, by name. */
    public ObservableList<String> objectives() {
        return benchmark.names();
    }

    /** The chosen benchmark; choosing another resets direction and parameters to its preset. */
    public ObjectProperty<String> objectiveProperty() {
        return benchmark.nameProperty();
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
        return name.property();
    }

    // ------------------------------------------------------------------ search space

    /** The parameters, in order, with adding, removing, moving and resetting to the preset. */
    public SpaceRows space() {
        return space;
    }

    /** Convenience for {@code space().rows()}. */
    public ObservableList<ParamRow> params() {
        return space.rows();
    }

    private ObjectivePreset preset() {
        return ObjectivePreset.of(objectiveKind.get(), benchmark, datasetStep);
    }

    // ------------------------------------------------------------------ method and budget

    /** The sampler and its settings. */
    public MethodChoice sampler() {
        return sampler;
    }

    /** The scheduler (early stopping) and its settings. */
    public MethodChoice scheduler() {
        return scheduler;
    }

    /** Trials, time limit, workers and seed. */
    public BudgetFields budget() {
        return budget;
    }

    /** The bracket plan of a multi-fidelity scheduler, and what the trial budget implies for it. */
    public RungPlanViewModel rungPlan() {
        return rungPlan;
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

    /** Loading and saving spec files: their status line and errors. */
    public SpecFiles specFiles() {
        return specFiles;
    }

    /** One line about the last load or save of a spec file, for the main window's status line. */
    public ReadOnlyStringProperty statusProperty() {
        return specFiles.statusProperty();
    }

    /**
     * Reads a spec file in the background and fills the form from it. A file that cannot be read
     * or is not a valid spec leaves the form as it was and sets the {@link SpecFiles#errorProperty()
     * error}, with the reader's message naming the JSON path at fault.
     */
    public void loadFrom(Path file) {
        specFiles.load(file, this::load);
    }

    /** Writes the spec as JSON in the background; a form with problems, or a failed write, sets the error. */
    public void saveTo(Path file) {
        specFiles.save(file, toSpec(), problems);
    }

    /** Fills every field from a spec, for instance to run a stored study again. */
    public void load(StudySpec spec) {
        batch(() -> {
            filling = true;
            try {
                ObjectiveKind kind = ObjectiveKind.bySpecType(spec.objective().type());
                objectiveKind.set(kind);
                switch (kind) {
                    case DATASET -> datasetStep.fill(spec.objective().options());
                    case COMMAND -> commandStep.fill(spec.objective().options());
                    default -> {
                        benchmark.fill(spec.objective().name(), spec.objective().options());
                    }
                }
                maxResource = spec.maxResource();
                direction.set(spec.direction());
                space.show(spec.space());
                sampler.fill(spec.sampler());
                scheduler.fill(spec.scheduler());
                budget.fill(spec.budget(), spec.workers(), spec.seed());
                name.property().set(spec.name());
            } finally {
                filling = false;
            }
        });
    }

    // ------------------------------------------------------------------ for the spec assembly

    /** The benchmark problem and its options, for a benchmark study. */
    BenchmarkChoice benchmark() {
        return benchmark;
    }

    /** The largest resource one trial may use: the objective's, or a loaded spec's. */
    long maxResource() {
        return maxResource;
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
                benchmark.forgetOptions();
                ObjectivePreset preset = preset();
                space.resetToPreset();
                if (preset.direction() != null) {
                    direction.set(preset.direction());
                }
                maxResource = preset.maxResource();
            }
            followName();
        });
    }

    /** A dataset or command field changed; the name may follow the file or the script. */
    private void stepChanged() {
        batch(this::followName);
    }

    private String automaticName() {
        String method = sampler.typeProperty().get();
        return switch (objectiveKind.get()) {
            case DATASET -> datasetStep.label() + "-" + datasetStep.modelProperty().get() + "-" + method;
            case COMMAND -> commandStep.label() + "-" + method;
            default -> benchmark.nameProperty().get() + "-" + method;
        };
    }

    private void followName() {
        if (!filling) {
            name.follow();
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

    /** Checks everything, sets every error and the problem list, and keeps the spec if all is well. */
    private void validate() {
        // The plan may propose a trial budget; that change is part of this check, not a new one.
        quiet++;
        try {
            rungPlan.update(scheduler, budget, maxResource, preset().continuesFromCheckpoints());
        } finally {
            quiet--;
        }
        SpecAssembly.Assembled a = new SpecAssembly(this).run();
        checked = a.spec();
        fieldErrors.forEach((f, w) -> w.set(a.errors().get(f)));
        problems.setAll(a.problems());
        canCreate.set(checked != null);
    }
}
