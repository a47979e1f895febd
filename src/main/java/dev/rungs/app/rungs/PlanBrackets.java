package dev.rungs.app.rungs;

import dev.rungs.app.rungs.RungsViewModel.BracketChoice;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.hyperband.Bracket;
import dev.rungs.scheduler.hyperband.RungAttrs;
import dev.rungs.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scheduler's {@link RungPlan} as the rungs view walks it: the brackets trials ran in (a
 * synchronous plan repeats its brackets in rounds, so each round is a choice of its own), and
 * each bracket's rungs.
 */
final class PlanBrackets {
    private final RungPlan plan;

    PlanBrackets(RungPlan plan) {
        this.plan = plan;
    }

    /** The brackets there are trials of, in order of their first trial. */
    List<BracketChoice> choices(List<Trial> trials) {
        Map<String, BracketChoice> found = new LinkedHashMap<>();
        for (Trial t : trials) {
            int s = RungAttrs.bracket(t).orElse(-1);
            if (plan.bracket(s).isEmpty()) {
                continue;
            }
            if (!plan.synchronous()) {
                found.putIfAbsent(s + "", new BracketChoice(s, -1, "Bracket s = " + s));
                continue;
            }
            int round = RungAttrs.round(t).orElse(-1);
            if (round >= 0) {
                found.putIfAbsent(s + "/" + round, new BracketChoice(s, round, "Round " + (round + 1) + " · bracket s = " + s));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** Whether {@code t} ran in the chosen bracket. */
    boolean belongs(Trial t, BracketChoice choice) {
        return RungAttrs.bracket(t).orElse(-1) == choice.bracket()
                && (!plan.synchronous() || RungAttrs.round(t).orElse(-1) == choice.round());
    }

    /** r_i of each rung of bracket {@code s}. */
    long[] budgets(int s) {
        return plan.rungResources(bracket(s));
    }

    /** n_i of each rung of bracket {@code s}; -1 each for an asynchronous plan, which has none. */
    int[] planned(int s) {
        return bracket(s).rungs().stream().mapToInt(Bracket.Rung::configs).toArray();
    }

    /** A line on the bracket's plan. */
    String describe(int s) {
        return plan.synchronous() ? plan.describe(bracket(s)) + " (trials at budget)"
                : "asynchronous: a trial goes on once it ranks in the top 1/" + plan.eta() + " of its rung";
    }

    private Bracket bracket(int s) {
        return plan.bracket(s).orElseThrow(() -> new IllegalArgumentException("the plan has no bracket s = " + s));
    }
}
