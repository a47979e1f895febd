package dev.rungs.app.newstudy;

import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;

/**
 * What a fresh choice of objective brings to the form: its own search space, its direction, the
 * largest resource one trial may use, and whether a promoted trial continues from its checkpoint.
 *
 * @param space the space the form starts with, or null when there is none (no family chosen)
 * @param direction minimise or maximise, or null when the objective does not say
 * @param maxResource the largest resource per trial: a benchmark's fidelity, a family's trees or epochs, else 1
 * @param continuesFromCheckpoints whether a promoted trial goes on from its checkpoint rather than
 *     starting over at the larger resource: a benchmark function is evaluated afresh at each
 *     budget, a model family says, and a command is given its checkpoint folder back
 */
record ObjectivePreset(SearchSpace space, Direction direction, long maxResource, boolean continuesFromCheckpoints) {

    /** The preset of the objective the form has chosen. */
    static ObjectivePreset of(ObjectiveKind kind, BenchmarkChoice benchmark, DatasetStepViewModel dataset) {
        switch (kind) {
            case DATASET: {
                ModelFamily family = dataset.family();
                Metric metric = dataset.metricProperty().get();
                return new ObjectivePreset(family == null ? null : family.space(),
                        metric == null ? null : metric.direction(), family == null ? 1 : family.defaultMaxResource(),
                        family != null && family.checkpoints());
            }
            case COMMAND:
                // A command has no space of its own; one example shows how a parameter looks.
                return new ObjectivePreset(SearchSpace.builder().logFloatParam("lr", 1e-4, 1e-1).build(),
                        Direction.MINIMIZE, 1, true);
            default: {
                BenchmarkProblem problem = benchmark.problem();
                return problem == null ? new ObjectivePreset(null, null, 1, false)
                        : new ObjectivePreset(problem.space(), problem.direction(), problem.maxResource(), false);
            }
        }
    }
}
