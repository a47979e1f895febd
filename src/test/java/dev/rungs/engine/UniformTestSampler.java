package dev.rungs.engine;

import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialHistory;
import java.util.random.RandomGenerator;

/** Test sampler: uniform over the unit cube, so engine tests do not depend on the real samplers. */
final class UniformTestSampler implements Sampler {
    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        double[] u = new double[space.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = rng.nextDouble();
        }
        return Proposal.of(space.decode(u));
    }
}
