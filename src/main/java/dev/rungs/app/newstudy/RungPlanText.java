package dev.rungs.app.newstudy;

import java.util.Locale;
import java.util.StringJoiner;

import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.hyperband.Bracket;

/** A scheduler's rung plan in words, for the new-study form: its brackets and what they cost. */
final class RungPlanText {
    private RungPlanText() {
    }

    /** Several lines: one per bracket, then what one full iteration takes. */
    static String of(RungPlan plan) {
        StringJoiner lines = new StringJoiner("\n");
        if (plan.synchronous()) {
            for (Bracket b : plan.brackets()) {
                lines.add("Bracket s = " + b.s() + ": " + plan.describe(b));
            }
            lines.add(String.format(Locale.ROOT,
                    "One full iteration: %,d configurations; resource %,d if trials continue from their checkpoints, "
                            + "%,d if each rung runs them from the start.",
                    plan.configurationsPerIteration(), plan.resourcePerIteration(true), plan.resourcePerIteration(false)));
        } else {
            lines.add("Rungs at " + plan.describe(plan.brackets().get(0)).replace("rung at ", "")
                    + "; a trial goes on as soon as it ranks in the top 1/" + plan.eta() + " of its rung.");
            lines.add(String.format(Locale.ROOT, "%,d configurations let one reach %,d.", plan.suggestedTrials(),
                    plan.maxResource()));
        }
        return lines.toString();
    }
}
