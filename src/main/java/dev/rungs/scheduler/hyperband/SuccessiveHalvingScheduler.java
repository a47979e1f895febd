package dev.rungs.scheduler.hyperband;

/**
 * Synchronous Successive Halving (Jamieson and Talwalkar 2016, as Hyperband's inner loop):
 * {@code η^s_max} configurations start at r; when every result of a rung is in, the best
 * {@code 1/η} (rounded down) go on with η times the resource, until R. The bracket is then
 * run again with new configurations while the budget lasts.
 *
 * <p>This is Hyperband's most aggressive bracket ({@code s = s_max}) alone, so with R = 81,
 * r = 1, η = 3 it runs 81 configurations at 1, 27 at 3, 9 at 9, 3 at 27 and 1 at 81. Defaults:
 * η = 3, r = 1, R = the study's largest resource per trial. Trial attributes as for
 * {@link HyperbandScheduler}.
 */
public final class SuccessiveHalvingScheduler extends SynchronousBrackets {

    /**
     * @param minResource r, the smallest resource a configuration is run with (at least 1)
     * @param maxResource R, the largest; 0 for the study's largest resource per trial
     * @param eta the reduction factor η (at least 2)
     */
    public SuccessiveHalvingScheduler(long minResource, long maxResource, int eta) {
        super(minResource, maxResource, eta);
    }

    @Override
    int cycleLength(int sMax) {
        return 1;
    }

    @Override
    int bracketAt(int k, int sMax) {
        return sMax;
    }

    @Override
    public String toString() {
        return "SuccessiveHalvingScheduler[" + settingsText() + "]";
    }
}
