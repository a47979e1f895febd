package dev.rungs.app.newstudy;

import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.hyperband.Bracket;
import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.Methods;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The plan of a multi-fidelity scheduler as the form shows it before the study runs: its
 * resources (r, R, η), the brackets of one full iteration with their rungs ("81 at 1 → 27 at 3 →
 * …"), what that iteration needs in configurations and resource, and what the trial budget
 * implies. The plan itself is the scheduler's own ({@link RungPlan}, found by
 * {@link Methods#rungPlan}); this class only puts it into words.
 *
 * <p>While the person has not typed a trial budget of their own, the form proposes one full
 * iteration's configurations, so a study made with the defaults ends with trials at the largest
 * resource instead of stopping inside the first bracket.
 */
public final class RungPlanViewModel {
    /**
     * One bracket of the plan.
     *
     * @param name how the plan names it, such as {@code s = 4}
     * @param rungs its rungs, such as {@code 81 at 1 → 27 at 3 → 9 at 9 → 3 at 27 → 1 at 81}
     * @param configurations the new configurations it starts (-1 when the scheduler plans none)
     * @param resource the resource it uses
     */
    public record BracketLine(String name, String rungs, int configurations, long resource) {
    }

    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(this, "shown");
    private final ObservableList<BracketLine> brackets = FXCollections.observableArrayList();
    private final ObservableList<BracketLine> bracketsView = FXCollections.unmodifiableObservableList(brackets);
    private final ReadOnlyStringWrapper resources = new ReadOnlyStringWrapper(this, "resources", "");
    private final ReadOnlyStringWrapper iteration = new ReadOnlyStringWrapper(this, "iteration", "");
    private final ReadOnlyStringWrapper budgetNote = new ReadOnlyStringWrapper(this, "budgetNote", "");

    /** Whether the chosen scheduler works in rungs, so that there is a plan to show. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The brackets of one full iteration, in the order they run. */
    public ObservableList<BracketLine> brackets() {
        return bracketsView;
    }

    /** The resources the plan uses, such as {@code r = 1, R = 81, η = 3}. */
    public ReadOnlyStringProperty resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    /** What one full iteration needs: configurations and resource. */
    public ReadOnlyStringProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    /** What the trial budget implies for the plan. */
    public ReadOnlyStringProperty budgetNoteProperty() {
        return budgetNote.getReadOnlyProperty();
    }

    /**
     * Shows the plan of the chosen scheduler and proposes its trial budget.
     *
     * @param studyMaxResource the largest resource per trial (what a {@code max_resource} of 0 means)
     * @param continues whether trials continue from their checkpoints when promoted, rather than
     *     starting over at the larger resource (which the resource of an iteration depends on)
     */
    void update(MethodChoice scheduler, BudgetFields budget, long studyMaxResource, boolean continues) {
        String type = scheduler.typeProperty().get();
        // Whether the scheduler works in rungs at all, asked with its defaults: the plan may be
        // missing only because a setting is being typed.
        boolean inRungs = type != null && Methods.rungPlan(new ComponentSpec(type, Map.of()), studyMaxResource)
                .isPresent();
        Optional<RungPlan> found = inRungs ? settingValues(scheduler)
                .flatMap(values -> Methods.rungPlan(new ComponentSpec(type, values), studyMaxResource))
                : Optional.empty();
        shown.set(inRungs);
        if (found.isEmpty()) {
            brackets.clear();
            resources.set(inRungs ? "Fix the scheduler's settings to see its plan." : "");
            iteration.set("");
            budgetNote.set("");
            if (!inRungs) {
                budget.proposeTrials(BudgetFields.DEFAULT_TRIALS);
            }
            return;
        }
        RungPlan plan = found.get();
        List<BracketLine> lines = new ArrayList<>();
        for (Bracket b : plan.brackets()) {
            int configurations = plan.synchronous() ? b.rungs().get(0).configs() : -1;
            // The resource as the plan counts it, for this bracket alone.
            lines.add(new BracketLine(plan.synchronous() ? "s = " + b.s() : "ASHA", plan.describe(b), configurations,
                    new RungPlan(plan.synchronous(), plan.eta(), plan.minResource(), plan.maxResource(), List.of(b))
                            .resourcePerIteration(continues)));
        }
        brackets.setAll(lines);
        Object max = scheduler.setting("max_resource") == null ? null : scheduler.setting("max_resource").value();
        resources.set("r = " + count(plan.minResource()) + ", R = " + count(plan.maxResource())
                + (Long.valueOf(0).equals(max) ? " (max_resource 0: the objective's largest resource per trial)" : "")
                + ", η = " + plan.eta());
        budget.proposeTrials(plan.suggestedTrials());
        iteration.set(plan.synchronous()
                ? "One full iteration: " + count(plan.configurationsPerIteration()) + " configurations in "
                        + plan.brackets().size() + (plan.brackets().size() == 1 ? " bracket, " : " brackets, ")
                        + count(plan.resourcePerIteration(continues)) + " resource units"
                        + (continues ? " (trials continue from their checkpoints)." : " (each rung runs its trials afresh).")
                : "ASHA promotes the best 1/" + plan.eta() + " of a rung as trials come in: "
                        + count(plan.suggestedTrials()) + " configurations let one reach R = "
                        + count(plan.maxResource()) + ".");
        budgetNote.set(budgetNote(budget, plan));
    }

    /** What the trials typed mean for this plan. */
    private static String budgetNote(BudgetFields budget, RungPlan plan) {
        String typed = budget.trialsProperty().get() == null ? "" : budget.trialsProperty().get().trim();
        Long trials = typed.isEmpty() ? Long.valueOf(0) : ValueText.parseWhole(typed);
        if (trials == null || trials < 0) {
            return "";
        }
        int needed = plan.suggestedTrials();
        if (trials == 0) {
            return "No trial budget: the study runs iterations until the time limit.";
        }
        String start = count(trials) + (trials == 1 ? " trial" : " trials");
        if (trials < needed) {
            return start + " start fewer configurations than one full iteration needs (" + count(needed)
                    + "). The brackets started still finish with the trials they have, so some reach R = "
                    + count(plan.maxResource()) + ", but the later brackets never run.";
        }
        if (!plan.synchronous()) {
            return start + ": enough for configurations to reach R = " + count(plan.maxResource()) + ".";
        }
        long full = trials / needed;
        long rest = trials % needed;
        return start + (full == 1 ? " complete one full iteration" : " complete " + full + " full iterations")
                + (rest == 0 ? "." : ", and " + count(rest) + " more start the next, whose brackets still finish.");
    }

    /** The settings as the scheduler takes them, or empty while any is not of its kind. */
    private static Optional<Map<String, Object>> settingValues(MethodChoice scheduler) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (SettingRow row : scheduler.settings()) {
            if (row.value() == null) {
                return Optional.empty();
            }
            values.put(row.key(), row.value());
        }
        return Optional.of(values);
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
