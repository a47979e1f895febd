package dev.rungs.app.rungs;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.charts.DensityData;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.app.charts.RungsData;
import dev.rungs.sampler.DensityExplanation;
import dev.rungs.sampler.ExplainsDensities;
import dev.rungs.scheduler.hyperband.RungAttrs;
import dev.rungs.spec.Methods;
import dev.rungs.space.Param;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state behind the rungs view: for a study run by Successive Halving, Hyperband or ASHA
 * (BOHB runs on Hyperband), its brackets, the chosen bracket's rungs with the trials that
 * reached each, and the bracket table of the plan (n_i trials at budget r_i).
 *
 * <p>Everything is read from the trials' own attributes (bracket, round, rung, outcome) and
 * the scheduler's own {@link dev.rungs.scheduler.RungPlan} ({@link Methods#rungPlan}), so the
 * view shows what the scheduler did, not a re-enactment. The rungs take one pass over the
 * trials, on the UI thread; BOHB's densities are fitted in the background.
 */
public final class RungsViewModel {

    /**
     * A bracket the view can show.
     *
     * @param bracket the bracket's s (ASHA: its minimum early-stopping rate)
     * @param round which repetition of the bracket cycle (synchronous schedulers), or -1
     * @param label how the choice reads
     */
    public record BracketChoice(int bracket, int round, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One row of the bracket table.
     *
     * @param rung the rung's index
     * @param planned n_i, the trials the plan puts at this rung; -1 when there is no plan (ASHA)
     * @param budget r_i, the resource per trial at this rung
     * @param reached trials with a result at this rung so far
     * @param promoted of those, how many went on
     */
    public record RungRow(int rung, int planned, long budget, int reached, long promoted) {
    }

    private final ObservableList<BracketChoice> brackets = FXCollections.observableArrayList();
    private final ObjectProperty<BracketChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<RungRow> table = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RungsData> data = new ReadOnlyObjectWrapper<>(this, "data",
            new RungsData(List.of()));
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ObservableList<String> parameters = FXCollections.observableArrayList();
    private final ObjectProperty<String> densityParameter = new SimpleObjectProperty<>(this, "densityParameter");
    private final ReadOnlyObjectWrapper<DensityData> densities = new ReadOnlyObjectWrapper<>(this, "densities");
    private final ReadOnlyStringWrapper densityTitle = new ReadOnlyStringWrapper(this, "densityTitle", "");
    private final ReadOnlyBooleanWrapper bohb = new ReadOnlyBooleanWrapper(this, "bohb");

    private final TaskExecutor tasks;
    /** Counts density requests, so that an answer to an older one is dropped. */
    private long modelGeneration;
    private PlanBrackets plan;
    private StudySpec spec;
    /** The spec {@link #sampler} was made for. */
    private StudySpec modelSpec;
    /** The study's sampler if it has a model per budget to show (BOHB), else null. */
    private ExplainsDensities sampler;
    private List<Trial> trials = List.of();

    /**
     * A view model with no study yet.
     *
     * @param tasks fits BOHB's densities in the background
     */
    public RungsViewModel(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        selected.addListener(o -> recompute());
        densityParameter.addListener(o -> explainModel());
    }

    // ------------------------------------------------------------------ what the view binds to

    /** The brackets there are trials of, in the order they started. */
    public ObservableList<BracketChoice> brackets() {
        return brackets;
    }

    /** The bracket shown. */
    public ObjectProperty<BracketChoice> selectedProperty() {
        return selected;
    }

    /** The chosen bracket's rungs: planned and reached. */
    public ObservableList<RungRow> table() {
        return table;
    }

    /** What the chart draws. */
    public ReadOnlyObjectProperty<RungsData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    /** Whether the study's scheduler works in rungs at all. */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    /** A line explaining what is shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the study's sampler models per budget (BOHB), so that the view also shows its model. */
    public ReadOnlyBooleanProperty bohbProperty() {
        return bohb.getReadOnlyProperty();
    }

    /** The parameters whose BOHB densities can be shown. */
    public ObservableList<String> parameters() {
        return parameters;
    }

    /** The parameter whose BOHB densities are shown. */
    public ObjectProperty<String> densityParameterProperty() {
        return densityParameter;
    }

    /** BOHB's good and bad densities of the chosen parameter; null while it has no model. */
    public ReadOnlyObjectProperty<DensityData> densitiesProperty() {
        return densities.getReadOnlyProperty();
    }

    /** What the density chart shows: which budget the model was built on. */
    public ReadOnlyStringProperty densityTitleProperty() {
        return densityTitle.getReadOnlyProperty();
    }

    /** Whether this view has anything to show for a study: its scheduler works in rungs. */
    public static boolean shows(StudySpec studySpec) {
        return Methods.rungPlan(studySpec).isPresent();
    }

    // ------------------------------------------------------------------ input

    /**
     * Shows this study; call again as trials change. The chosen bracket is kept while it is
     * still there.
     */
    public void setStudy(StudySpec spec, List<Trial> studyTrials) {
        this.spec = Objects.requireNonNull(spec, "spec");
        plan = Methods.rungPlan(spec).map(PlanBrackets::new).orElse(null);
        trials = List.copyOf(studyTrials);
        showModel();
        applicable.set(plan != null);
        if (plan == null) {
            brackets.clear();
            table.clear();
            data.set(new RungsData(List.of()));
            message.set("The rungs chart shows studies run by Successive Halving, Hyperband, ASHA or BOHB; "
                    + "this one's scheduler is " + spec.scheduler().type() + ".");
            return;
        }
        BracketChoice keep = selected.get();
        List<BracketChoice> found = plan.choices(trials);
        brackets.setAll(found);
        BracketChoice next = found.contains(keep) ? keep : found.isEmpty() ? null : found.get(0);
        if (next == selected.get()) {
            recompute();
        } else {
            selected.set(next);
        }
    }

    // ------------------------------------------------------------------ BOHB's model

    private void showModel() {
        if (!spec.equals(modelSpec)) {
            modelSpec = spec;
            sampler = Methods.densityExplainer(spec).filter(ExplainsDensities::modelsPerBudget).orElse(null);
        }
        bohb.set(sampler != null);
        List<String> names = spec.space().params().stream().map(Param::name).toList();
        if (!parameters.equals(names)) {
            parameters.setAll(names);
        }
        String keep = densityParameter.get();
        String next = names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
        if (next == null ? keep == null : next.equals(keep)) {
            explainModel();
        } else {
            densityParameter.set(next);
        }
    }

    /** The densities the sampler would sample from now, for the chosen parameter. */
    private void explainModel() {
        String name = densityParameter.get();
        long generation = ++modelGeneration;
        if (sampler == null || name == null) {
            densities.set(null);
            densityTitle.set("");
            return;
        }
        // Fitting the densities reads every trial: in the background, and only the latest
        // request's answer is shown.
        ExplainsDensities explainer = sampler;
        StudySpec s = spec;
        List<Trial> seen = trials;
        tasks.execute(() -> {
            MutableTrialHistory history = new MutableTrialHistory(s.direction());
            seen.forEach(history::put);
            return explainer.explainDensities(history, s.space(), name).map(ex -> new Model(ex, DensityData.of(ex,
                    Double.NaN)));
        }, model -> {
            if (generation != modelGeneration) {
                return;
            }
            if (model.isEmpty()) {
                densities.set(null);
                densityTitle.set(explainer.modelName() + " has no model yet: no budget has enough results; "
                        + "it samples at random");
                return;
            }
            DensityExplanation ex = model.get().explanation();
            densities.set(model.get().data());
            densityTitle.set(ex.model() + "'s model of " + name + ", built on the results at budget "
                    + ex.budget().orElseThrow());
        }, e -> {
            if (generation == modelGeneration) {
                densities.set(null);
                densityTitle.set(explainer.modelName() + "'s model cannot be shown: " + ErrorReport.reason(e));
            }
        });
    }

    /** A model and its chart data, both made in the background. */
    private record Model(DensityExplanation explanation, DensityData data) {
    }

    // ------------------------------------------------------------------ computing

    private void recompute() {
        BracketChoice choice = selected.get();
        if (plan == null || choice == null) {
            table.clear();
            data.set(new RungsData(List.of()));
            message.set(plan == null ? message.get() : "No trial has started in a bracket yet.");
            return;
        }
        long[] budgets = plan.budgets(choice.bracket());
        int[] planned = plan.planned(choice.bracket());
        List<List<RungsData.Point>> points = new ArrayList<>();
        for (int i = 0; i < budgets.length; i++) {
            points.add(new ArrayList<>());
        }
        for (Trial t : trials) {
            if (!plan.belongs(t, choice)) {
                continue;
            }
            int rung = RungAttrs.rung(t).orElse(-1);
            for (int j = 0; j <= Math.min(rung, budgets.length - 1); j++) {
                OptionalDouble v = t.reportAtOrAfter(budgets[j]);
                if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                    points.get(j).add(new RungsData.Point(t.number(), v.getAsDouble(),
                            outcome(t, rung, j, budgets.length)));
                }
            }
        }
        List<RungsData.Rung> rungs = new ArrayList<>();
        List<RungRow> rows = new ArrayList<>();
        // Best first: the chart stacks each rung's trials by rank.
        Comparator<RungsData.Point> byRank = Comparator
                .comparingDouble((RungsData.Point p) -> spec.direction().toLoss(p.value()))
                .thenComparingInt(RungsData.Point::trial);
        for (int i = 0; i < budgets.length; i++) {
            points.get(i).sort(byRank);
            RungsData.Rung r = new RungsData.Rung(budgets[i], planned[i], points.get(i));
            rungs.add(r);
            rows.add(new RungRow(i, planned[i], budgets[i], r.points().size(), r.promoted()));
        }
        table.setAll(rows);
        data.set(new RungsData(rungs));
        message.set(choice.label() + ": " + plan.describe(choice.bracket()));
    }

    /** What became of a trial at rung {@code j}, given the rung it is at now. */
    private static RungsData.Outcome outcome(Trial t, int rung, int j, int rungCount) {
        if (rung > j) {
            return RungsData.Outcome.PROMOTED;
        }
        if (t.state() == TrialState.PRUNED || TrialFact.OUTCOME.in(t).orElse(null) == TrialFact.RungOutcome.STOPPED) {
            return RungsData.Outcome.STOPPED;
        }
        if (t.state() == TrialState.COMPLETE) {
            // At the top rung a trial simply finishes; below it, an ASHA pruner let it run out.
            return j == rungCount - 1 ? RungsData.Outcome.COMPLETED : RungsData.Outcome.PROMOTED;
        }
        return t.state() == TrialState.RUNNING ? RungsData.Outcome.RUNNING : RungsData.Outcome.PAUSED;
    }
}
