package dev.rungs.scheduler;

import java.util.List;

import dev.rungs.scheduler.hyperband.Bracket;

/**
 * A multi-fidelity scheduler's plan, as people need to see it before and while it runs: the
 * brackets and their rungs (n_i configurations at resource r_i), and what one full iteration
 * of them costs.
 *
 * <p>For an asynchronous scheduler (ASHA) there is one bracket of rung resources and no
 * planned counts: each rung's {@code configs} is -1, since trials go on whenever they rank in
 * the top 1/η of their rung.
 *
 * @param synchronous whether rungs are decided when all their trials are in (SH, Hyperband)
 * @param eta the reduction factor η
 * @param minResource the smallest resource r
 * @param maxResource the largest resource R
 * @param brackets the brackets of one iteration, in the order they run
 */
public record RungPlan(boolean synchronous, int eta, long minResource, long maxResource, List<Bracket> brackets) {

    public RungPlan {
        brackets = List.copyOf(brackets);
    }

    /** New configurations one full iteration starts: Σ n_0 over its brackets (0 for ASHA: no plan). */
    public int configurationsPerIteration() {
        return synchronous ? brackets.stream().mapToInt(b -> b.rungs().get(0).configs()).sum() : 0;
    }

    /**
     * The smallest trial budget that lets one configuration reach the largest resource: one
     * full iteration for a synchronous plan; η^k for ASHA's k + 1 rungs (k promotions, each from
     * the top 1/η).
     */
    public int suggestedTrials() {
        if (synchronous) {
            return configurationsPerIteration();
        }
        int promotions = brackets.get(0).rungs().size() - 1;
        return (int) Math.min(Integer.MAX_VALUE, Math.round(Math.pow(eta, promotions)));
    }

    /**
     * Resource one full iteration uses, as the engine counts it. A trial that continues from its
     * checkpoint (it reports as it goes) pays only the steps it adds, r_i − r_{i−1}, at each
     * promotion; a budget objective, run again from scratch at each rung, pays r_i each time.
     *
     * @param continues whether trials continue from their checkpoints
     */
    public long resourcePerIteration(boolean continues) {
        long total = 0;
        for (Bracket b : brackets) {
            long before = 0;
            for (Bracket.Rung r : b.rungs()) {
                total += Math.max(0, r.configs()) * (continues ? r.resource() - before : r.resource());
                before = r.resource();
            }
        }
        return total;
    }

    /** The resources of a bracket's rungs, from the smallest. */
    public long[] rungResources(Bracket b) {
        return b.rungs().stream().mapToLong(Bracket.Rung::resource).toArray();
    }

    /** The bracket with index {@code s}, if the plan has it. */
    public java.util.Optional<Bracket> bracket(int s) {
        return brackets.stream().filter(b -> b.s() == s).findFirst();
    }

    /** A bracket in one line: "81 at 1 → 27 at 3 → 9 at 9 → 3 at 27 → 1 at 81", or ASHA's rung resources. */
    public String describe(Bracket b) {
        StringBuilder line = new StringBuilder();
        for (Bracket.Rung r : b.rungs()) {
            line.append(line.length() == 0 ? "" : " → ");
            line.append(r.configs() >= 0 ? r.configs() + " at " + r.resource() : "rung at " + r.resource());
        }
        return line.toString();
    }
}
