package dev.rungs.app.tpe;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.charts.DensityData;
import dev.rungs.app.charts.ValueFormat;
import dev.rungs.sampler.DensityExplanation;
import dev.rungs.sampler.ExplainsDensities;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.spec.Methods;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind the TPE view: which parameter and which trial are looked at, and what TPE's
 * model of that parameter was when the trial was proposed, ready for a {@link DensityData}
 * chart.
 *
 * <p>A trial is explained with the history the sampler saw when it proposed it: the trials
 * numbered before it, where one still running at that moment (it finished later, or has not
 * finished) is shown to the sampler as running without a value, and one not yet started as
 * waiting. So the good/bad split and the constant liar match what the sampler did.
 *
 * <p>Holds JavaFX properties and lists but no nodes, so it is tested without a toolkit. Every
 * public method and property belongs to the UI thread; the densities are computed through the
 * injected {@link TaskExecutor}, one computation at a time, and a result for a selection the
 * person has since left is dropped.
 */
public final class TpeViewModel {

    private final TaskExecutor tasks;

    private final ObservableList<String> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedParameter = new SimpleObjectProperty<>(this, "selectedParameter");
    private final ObservableList<Integer> trialNumbers = FXCollections.observableArrayList();
    private final IntegerProperty selectedTrialIndex = new SimpleIntegerProperty(this, "selectedTrialIndex");
    private final ReadOnlyStringWrapper trialLabel = new ReadOnlyStringWrapper(this, "trialLabel", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<DensityData> densities = new ReadOnlyObjectWrapper<>(this, "densities");
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper(this, "chartTitle", "");

    private StudySpec spec;
    /** The study's sampler if it explains its densities trial by trial (TPE), else null. */
    private ExplainsDensities sampler;
    /** The study's trials by number. */
    private List<Trial> trials = List.of();

    /** True while {@link #setStudy} rearranges the selection, so that it computes once, at the end. */
    private boolean updating;
    /** Counts selection changes; a result computed for an older one is stale. */
    private long generation;
    /** Whether a computation is running in the background. */
    private boolean computing;

    /** A view model with no study; {@code tasks} runs the computations. */
    public TpeViewModel(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        selectedParameter.addListener(o -> selectionChanged());
        selectedTrialIndex.addListener(o -> selectionChanged());
        message.set("Open a study to see how TPE chose its trials.");
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The study's parameters, in the space's order; empty unless the study uses TPE. */
    public ObservableList<String> parameters() {
        return FXCollections.unmodifiableObservableList(parameters);
    }

    /** The parameter whose densities are shown. */
    public ObjectProperty<String> selectedParameterProperty() {
        return selectedParameter;
    }

    /** The numbers of the trials that can be explained (those that have started), in order. */
    public ObservableList<Integer> trialNumbers() {
        return FXCollections.unmodifiableObservableList(trialNumbers);
    }

    /** Index into {@link #trialNumbers()} of the trial explained; the view's slider moves it. */
    public IntegerProperty selectedTrialIndexProperty() {
        return selectedTrialIndex;
    }

    /** "Trial 23 of 30": the trial explained and how many trials the study has. */
    public ReadOnlyStringProperty trialLabelProperty() {
        return trialLabel.getReadOnlyProperty();
    }

    /** One or two sentences on how the chosen trial was proposed, or why nothing is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What the chart draws for the chosen parameter and trial, or null for nothing. */
    public ReadOnlyObjectProperty<DensityData> densitiesProperty() {
        return densities.getReadOnlyProperty();
    }

    /** The chart's title, naming the parameter and trial of the densities shown; empty with none. */
    public ReadOnlyStringProperty chartTitleProperty() {
        return chartTitle.getReadOnlyProperty();
    }

    /** The number of the trial explained, or −1 when there is none. */
    public int selectedTrialNumber() {
        int i = selectedTrialIndex.get();
        return i >= 0 && i < trialNumbers.size() ? trialNumbers.get(i) : -1;
    }

    /** A file name, without extension, for exporting the chart as it is now: {@code branin-tpe-x1-trial-23}. */
    public String suggestedFileName() {
        String param = selectedParameter.get() == null ? "parameter" : selectedParameter.get();
        String study = spec == null ? "" : spec.name() + "-";
        return (study + "tpe-" + param + "-trial-" + selectedTrialNumber())
                .replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Whether this view has anything to show for a study: its sampler explains its densities,
     * and its model is one for every trial (TPE), not one per budget (BOHB, which the rungs view
     * shows).
     */
    public static boolean explains(StudySpec studySpec) {
        return explainer(studySpec) != null;
    }

    private static ExplainsDensities explainer(StudySpec studySpec) {
        return Methods.densityExplainer(studySpec).filter(e -> !e.modelsPerBudget()).orElse(null);
    }

    // ------------------------------------------------------------------ actions

    /**
     * Shows a study: its spec (for the sampler and the space) and its trials so far. Call again
     * with more trials while the study runs; the chosen parameter and trial stay as long as they
     * exist, else the first parameter and the latest trial are chosen.
     */
    public void setStudy(StudySpec studySpec, List<Trial> studyTrials) {
        Objects.requireNonNull(studySpec, "studySpec");
        Objects.requireNonNull(studyTrials, "studyTrials");
        String keepParameter = selectedParameter.get();
        int keepTrial = selectedTrialNumber();

        if (!studySpec.equals(spec)) {
            sampler = explainer(studySpec);
        }
        spec = studySpec;
        List<Trial> sorted = new ArrayList<>(studyTrials);
        sorted.sort(Comparator.comparingInt(Trial::number));
        trials = List.copyOf(sorted);

        updating = true;
        try {
            if (sampler == null) {
                parameters.clear();
                trialNumbers.clear();
                selectedParameter.set(null);
                selectedTrialIndex.set(0);
            } else {
                List<String> names = studySpec.space().params().stream().map(Param::name).toList();
                if (!parameters.equals(names)) {
                    parameters.setAll(names);
                }
                selectedParameter.set(names.contains(keepParameter) ? keepParameter
                        : names.isEmpty() ? null : names.get(0));
                List<Integer> numbers = trials.stream().filter(t -> t.started() != null).map(Trial::number).toList();
                if (!trialNumbers.equals(numbers)) {
                    trialNumbers.setAll(numbers);
                }
                int keep = numbers.indexOf(keepTrial);
                selectedTrialIndex.set(keep >= 0 ? keep : numbers.size() - 1);
            }
        } finally {
            updating = false;
        }
        selectionChanged();
    }

    // ------------------------------------------------------------------ computing

    private void selectionChanged() {
        if (updating) {
            return;
        }
        generation++;
        int number = selectedTrialNumber();
        trialLabel.set(number < 0 ? "No trial" : "Trial " + number + " of " + trials.size());
        Request request = request();
        if (request == null) {
            densities.set(null);
            chartTitle.set("");
            message.set(idleMessage());
            return;
        }
        if (!computing) {
            start(request);
        }
        // else: the running computation is stale now; when it ends, the latest request starts.
    }

    private String idleMessage() {
        if (spec == null) {
            return "Open a study to see how TPE chose its trials.";
        }
        if (sampler == null) {
            return "This study uses " + samplerName(spec.sampler().type()) + "; the TPE view explains TPE studies.";
        }
        return "No trials have started yet.";
    }

    /** The sampler as the not-TPE message names it. */
    private static String samplerName(String type) {
        return switch (type) {
            case "random" -> "random search";
            case "grid" -> "grid search";
            case "sobol" -> "a Sobol sequence";
            default -> "the " + type + " sampler";
        };
    }

    /** What to compute for the current selection, or null when there is nothing to compute. */
    private Request request() {
        int number = selectedTrialNumber();
        String param = selectedParameter.get();
        if (sampler == null || number < 0 || param == null || spec.space().indexOf(param) < 0) {
            return null;
        }
        Trial target = trials.stream().filter(t -> t.number() == number).findFirst().orElse(null);
        if (target == null) {
            return null;
        }
        return new Request(generation, sampler, spec.space(), spec.direction(), trials, target, param);
    }

    private void start(Request request) {
        computing = true;
        tasks.execute(() -> explain(request), this::finished, e -> failed(request, e));
    }

    private void finished(Result result) {
        computing = false;
        if (result.generation() == generation) {
            densities.set(result.densities());
            chartTitle.set(result.title());
            message.set(result.message());
        } else {
            startLatest();
        }
    }

    private void failed(Request request, Throwable e) {
        computing = false;
        if (request.generation() == generation) {
            densities.set(null);
            chartTitle.set("");
            message.set("Cannot explain trial " + request.target().number() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } else {
            startLatest();
        }
    }

    private void startLatest() {
        Request latest = request();
        if (latest != null) {
            start(latest);
        }
    }

    /** Everything a computation needs, captured on the UI thread. */
    private record Request(long generation, ExplainsDensities sampler, SearchSpace space, Direction direction,
            List<Trial> trials, Trial target, String param) {
    }

    /** What a computation hands back to the UI thread. */
    private record Result(long generation, DensityData densities, String title, String message) {
    }

    /** Fits the sampler's model as it was when the target was proposed; on a background thread. */
    private static Result explain(Request r) {
        List<Trial> seen = historyBefore(r.trials(), r.target());
        Optional<DensityExplanation> model = r.sampler().explainDensities(new FixedHistory(seen, r.direction()),
                r.space(), r.param());
        String name = r.sampler().modelName();
        if (model.isEmpty()) {
            return new Result(r.generation(), null, "", name + " had no model yet when trial "
                    + r.target().number() + " was proposed: too few results.");
        }
        DensityExplanation ex = model.get();
        DensityData data = DensityData.of(ex, pickedValue(ex.param(), r.target()));
        String title = name + "'s model of " + r.param() + " when trial " + r.target().number() + " was proposed";
        return new Result(r.generation(), data, title, describe(r, ex, data));
    }

    /**
     * The trials before {@code target} as the sampler saw them when it proposed {@code target}:
     * a trial that had not finished by then is running without a value (or waiting, if it had
     * not started either).
     */
    static List<Trial> historyBefore(List<Trial> trials, Trial target) {
        Instant proposed = target.started();
        List<Trial> seen = new ArrayList<>();
        for (Trial t : trials) {
            if (t.number() >= target.number()) {
                continue;
            }
            if (t.started() == null || t.started().isAfter(proposed)) {
                seen.add(asOf(t, TrialState.WAITING));
            } else if (t.finished() == null || t.finished().isAfter(proposed)) {
                seen.add(asOf(t, TrialState.RUNNING));
            } else {
                seen.add(t);
            }
        }
        return seen;
    }

    /** The trial as it was before it finished: in {@code state}, without value or reports. */
    private static Trial asOf(Trial t, TrialState state) {
        return new Trial(t.number(), state, t.config(), OptionalDouble.empty(), new TreeMap<>(), t.attrs(),
                state == TrialState.WAITING ? null : t.started(), null, t.parent());
    }

    // ------------------------------------------------------------------ from explanation to chart

    /** The target trial's value of the parameter (a choice index for a categorical), or NaN if it has none. */
    static double pickedValue(Param p, Trial target) {
        if (!target.config().has(p.name())) {
            return Double.NaN;
        }
        Object v = target.config().get(p.name());
        if (p instanceof CategoricalParam c) {
            return c.indexOf(v);
        }
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The message under the chart: how the sampler proposed the trial, and the value it has. */
    private static String describe(Request r, DensityExplanation ex, DensityData data) {
        StringBuilder m = new StringBuilder(r.sampler().describeProposal(r.target(), ex));
        if (Double.isNaN(data.picked())) {
            m.append(' ').append(r.param()).append(" was not used by trial ").append(r.target().number()).append('.');
        } else {
            m.append(' ').append(r.param()).append(" = ").append(pickedText(data)).append('.');
        }
        return m.toString();
    }

    private static String pickedText(DensityData data) {
        return data.isCategorical() ? data.categories().get((int) data.picked()) : ValueFormat.of(data.picked());
    }

    /** A fixed list of trials as a sampler's history. */
    private record FixedHistory(List<Trial> trials, Direction direction) implements TrialHistory {
    }
}
