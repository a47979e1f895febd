package dev.rungs.app.newstudy;

import dev.rungs.app.newstudy.RungPlanViewModel.BracketLine;
import dev.rungs.spec.Methods;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan of a scheduler that works in rungs, as the scheduler itself describes it, in the
 * form's terms. (Waits for the engine's rung plan; until then no plan is found.)
 */
final class RungPlans {
    /**
     * A plan.
     *
     * @param synchronous whether rungs are decided when all their trials are in (SH, Hyperband)
     * @param maxFromStudy whether R is the study's largest resource (the setting says 0)
     * @param configurations the new configurations one full iteration starts
     * @param resource the resource one full iteration uses
     * @param trialsForOneIteration the trial budget that lets one full iteration finish
     */
    record Plan(boolean synchronous, int eta, long minResource, long maxResource, boolean maxFromStudy,
            List<BracketLine> brackets, int configurations, long resource, int trialsForOneIteration) {
    }

    private RungPlans() {
    }

    /** Whether the scheduler {@code type} works in rungs. */
    static boolean worksInRungs(String type) {
        return Methods.HYPERBAND_FAMILY.contains(type);
    }

    /** The plan of scheduler {@code type} with these settings, or empty when it has none. */
    static Optional<Plan> of(String type, Map<String, Object> settings, long studyMaxResource, boolean continues) {
        return Optional.empty();
    }
}
