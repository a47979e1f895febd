package dev.rungs.scheduler.hyperband;

/**
 * Hyperband (Li et al., JMLR 2018): synchronous Successive Halving in every bracket
 * {@code s = s_max … 0}, one after another, then again from {@code s_max} while the budget
 * lasts. Bracket s starts {@code ceil((s_max + 1) / (s + 1) · η^s)} configurations at
 * {@code r · η^(s_max − s)}, on the rung ladder shared with ASHA ({@link Bracket#ladder}: r · η^k
 * below R, then R, so r = 1, η = 3, R = 52 gives 1, 3, 9, 27, 52); see {@link Bracket#of}. When
 * R / r is a power of η this is the paper's {@code R · η^(−s)}.
 *
 * <p>Defaults follow HpBandSter and Optuna's HyperbandPruner: η = 3, r = 1, R = the study's
 * largest resource per trial. Promotions resume a paused trial from its checkpoint when the
 * objective saves one; a budget objective is run again at the larger budget.
 *
 * <p>Each trial records {@code bracket} (s), {@code round}, {@code rung}, {@code budget} and,
 * once a rung decides about it, {@code outcome} ({@link RungAttrs}).
 */
public final class HyperbandScheduler extends SynchronousBrackets {
    /** Default reduction factor. */
    public static final int DEFAULT_ETA = 3;

    /**
     * @param minResource r, the smallest resource a configuration is run with (at least 1)
     * @param maxResource R, the largest; 0 for the study's largest resource per trial
     * @param eta the reduction factor η (at least 2)
     */
    public HyperbandScheduler(long minResource, long maxResource, int eta) {
        super(minResource, maxResource, eta);
    }

    /** r = 1, R = the study's largest resource, η = 3. */
    public HyperbandScheduler() {
        this(1, 0, DEFAULT_ETA);
    }

    @Override
    int cycleLength(int sMax) {
        return sMax + 1;
    }

    @Override
    int bracketAt(int k, int sMax) {
        return sMax - k;
    }

    @Override
    public String toString() {
        return "HyperbandScheduler[" + settingsText() + "]";
    }
}
