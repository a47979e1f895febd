package dev.rungs.sampler;

import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialHistory;
import java.util.random.RandomGenerator;

/**
 * Uniform random search: every parameter gets one independent uniform draw from the unit
 * interval, which {@link SearchSpace#decode} maps onto its values (log scales, integer and step
 * grids and categorical choices are handled by the parameter types themselves).
 *
 * <p>The sampler ignores the history, so it is trivially resumable and parallel-safe.
 */
public final class RandomSampler implements Sampler {

    /** Creates a random sampler; it has no settings. */
    public RandomSampler() {
    }

    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        return Proposal.of(space.decode(unitPoint(space.size(), rng)));
    }

    /**
     * A uniform point of the unit cube. Inactive parameters get a coordinate too, so that the
     * number of draws per trial does not depend on the branch taken: the same seed then gives
     * the same values for the always-active parameters whatever the conditional ones did.
     */
    static double[] unitPoint(int dims, RandomGenerator rng) {
        double[] u = new double[dims];
        for (int i = 0; i < dims; i++) {
            u[i] = rng.nextDouble();
        }
        return u;
    }

    @Override
    public String toString() {
        return "RandomSampler";
    }
}
