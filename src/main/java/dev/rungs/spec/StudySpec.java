package dev.rungs.spec;

import dev.rungs.engine.Budget;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;

/**
 * A checked study specification: everything needed to create and run a study. Read one with
 * {@link SpecReader}; a spec that is wrong anywhere is rejected whole, so nothing runs from it.
 *
 * @param name the study's name
 * @param objective what is tuned
 * @param direction minimise or maximise
 * @param space the search space
 * @param sampler the sampling method
 * @param scheduler the scheduler (early stopping); type {@code none} lets every trial run out
 * @param budget when the run stops
 * @param maxResource the largest resource one trial may use
 * @param workers parallel worker threads
 * @param seed the study seed
 * @param json the spec's own JSON text, stored with the study as provenance
 */
public record StudySpec(String name, ObjectiveSpec objective, Direction direction, SearchSpace space,
        ComponentSpec sampler, ComponentSpec scheduler, Budget budget, long maxResource, int workers, long seed,
        String json) {
}
