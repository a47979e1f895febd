package dev.rungs.app.newstudy;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
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
 * implies. The plan itself is the scheduler's own ({@link RungPlans}); nothing here computes one.
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
        Optional<RungPlans.Plan> found = scheduler.method() == null ? Optional.empty()
                : settingValues(scheduler).flatMap(values -> RungPlans.of(scheduler.typeProperty().get(), values,
                        studyMaxResource, continues));
        boolean multiFidelity = RungPlans.worksInRungs(scheduler.typeProperty().get());
        shown.set(multiFidelity);
        if (found.isEmpty()) {
            brackets.clear();
            resources.set(multiFidelity ? "Fix the scheduler's settings to see its plan." : "");
            iteration.set("");
            budgetNote.set("");
            if (!multiFidelity) {
                budget.proposeTrials(BudgetFields.DEFAULT_TRIALS);
            }
            return;
        }
        RungPlans.Plan plan = found.get();
        brackets.setAll(plan.brackets());
        resources.set("r = " + count(plan.minResource()) + ", R = " + count(plan.maxResource())
                + (plan.maxFromStudy() ? " (the objective's largest resource per trial)" : "") + ", η = " + plan.eta());
        budget.proposeTrials(plan.trialsForOneIteration());
        iteration.set(plan.synchronous()
                ? "One full iteration: " + count(plan.configurations()) + " configurations in " + plan.brackets().size()
                        + (plan.brackets().size() == 1 ? " bracket, " : " brackets, ") + count(plan.resource())
                        + " resource units."
                : "ASHA promotes the best 1/" + plan.eta() + " of a rung as trials come in: "
                        + count(plan.trialsForOneIteration()) + " configurations let one reach R = "
                        + count(plan.maxResource()) + ".");
        budgetNote.set(budgetNote(budget, plan));
    }

    /** What the trials typed mean for this plan. */
    private static String budgetNote(BudgetFields budget, RungPlans.Plan plan) {
        String typed = budget.trialsProperty().get() == null ? "" : budget.trialsProperty().get().trim();
        Long trials = typed.isEmpty() ? Long.valueOf(0) : ValueText.parseWhole(typed);
        if (trials == null || trials < 0) {
            return "";
        }
        int needed = plan.trialsForOneIteration();
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
