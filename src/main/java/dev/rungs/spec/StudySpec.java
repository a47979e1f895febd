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
 */
public record StudySpec(String name, ObjectiveSpec objective, Direction direction, SearchSpace space,
        ComponentSpec sampler, ComponentSpec scheduler, Budget budget, long maxResource, int workers, long seed) {

    /** The most parallel workers a spec (or the command line's {@code --workers}) may ask for. */
    public static final int MAX_WORKERS = 256;

    /** The spec as JSON that {@link SpecReader} reads back to an equal spec. */
    public String toJson() {
        return SpecWriter.toJson(this);
    }

    public StudySpec withName(String n) {
        return new StudySpec(n, objective, direction, space, sampler, scheduler, budget, maxResource, workers, seed);
    }

    public StudySpec withBudget(Budget b) {
        return new StudySpec(name, objective, direction, space, sampler, scheduler, b, maxResource, workers, seed);
    }

    public StudySpec withWorkers(int w) {
        return new StudySpec(name, objective, direction, space, sampler, scheduler, budget, maxResource, w, seed);
    }

    public StudySpec withSeed(long s) {
        return new StudySpec(name, objective, direction, space, sampler, scheduler, budget, maxResource, workers, s);
    }
}
