package dev.rungs.engine;

import dev.rungs.sampler.Proposal;
import dev.rungs.sampler.Sampler;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialHistory;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Test sampler: proposes the given values of parameter {@code x} in turn, by trial number. */
record ScriptedSampler(List<Double> xs) implements Sampler {
    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        double x = xs.get(history.trials().size() % xs.size());
        return Proposal.of(space.validate(Map.of("x", x)));
    }
}
