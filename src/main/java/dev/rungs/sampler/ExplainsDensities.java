package dev.rungs.sampler;

import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.Optional;

/**
 * A sampler that can show its model: the good and bad densities it proposes from. TPE and BOHB
 * offer it; the workbench draws whatever sampler offers it, without knowing which one it is.
 */
public interface ExplainsDensities {

    /** The sampler's name as people know it, for titles: "TPE", "BOHB". */
    String modelName();

    /**
     * Whether the model is built on the results at one budget of a multi-fidelity scheduler
     * (BOHB) and so is best shown beside the rungs, rather than trial by trial.
     */
    default boolean modelsPerBudget() {
        return false;
    }

    /**
     * The model of parameter {@code paramName} this sampler would propose from for
     * {@code history}, computed by the same code that proposes; empty while it has no model
     * (too few results). The same history always gives the same explanation.
     *
     * @throws IllegalArgumentException when the space has no such parameter
     */
    Optional<DensityExplanation> explainDensities(TrialHistory history, SearchSpace space, String paramName);

    /**
     * One or two sentences on how this sampler proposed {@code trial}, read from the attributes
     * it wrote on the trial; {@code model} is its model from the trials before it.
     */
    String describeProposal(Trial trial, DensityExplanation model);
}
