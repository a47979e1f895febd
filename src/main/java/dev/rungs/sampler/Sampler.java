package dev.rungs.sampler;

import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialHistory;
import java.util.random.RandomGenerator;

/**
 * Proposes the configuration of the next trial from the study's history.
 *
 * <p>Contract:
 * <ul>
 *   <li>A sampler keeps no state that cannot be rebuilt from the history and its own
 *       constructor arguments, so a study resumed from disk proposes exactly what it would
 *       have proposed without the interruption.</li>
 *   <li>Randomness comes from {@code rng}, which the engine seeds per trial from the study
 *       seed; with one worker, the same seed gives the same trials. Randomness that must stay
 *       fixed for a whole study (a Sobol scramble, a grid's order) comes from a seed given to
 *       the constructor, or, for a sampler made without one, from the study seed
 *       ({@link StudySeeded}); specs give it the study seed.</li>
 *   <li>The engine calls a sampler from its one engine thread only; no locking is needed.</li>
 *   <li>The history includes RUNNING trials; a sampler may use them (TPE's constant liar)
 *       or ignore them.</li>
 * </ul>
 */
public interface Sampler {

    /** The configuration for the next trial, with attributes worth recording on it. */
    Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng);

    /**
     * Whether the sampler has nothing new to propose (a finished grid); the engine then starts
     * no further trials.
     */
    default boolean isExhausted(TrialHistory history, SearchSpace space) {
        return false;
    }
}
