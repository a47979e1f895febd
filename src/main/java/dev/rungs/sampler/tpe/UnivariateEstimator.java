package dev.rungs.sampler.tpe;

import dev.rungs.sampler.DensityExplanation;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fitted one-parameter Parzen estimator in the parameter's model coordinate (see
 * {@link Dim}): what the sampler draws candidates from and scores them with, and what
 * {@link TpeExplanation} draws.
 */
interface UnivariateEstimator {

    /** One draw (a model coordinate; for discrete parameters one of the allowed values'). */
    double sample(RandomGenerator rng);

    /** The density (probability for discrete parameters) at one model coordinate. */
    double density(double t);

    /** {@link #density} at the first {@code count} points of {@code t}, into {@code out}. */
    default void densities(double[] t, int count, double[] out) {
        for (int c = 0; c < count; c++) {
            out[c] = density(t[c]);
        }
    }

    /** The kernels, for a chart to evaluate closely around narrow ones; none for a categorical estimator. */
    default List<DensityExplanation.Kernel> kernelShapes() {
        return List.of();
    }
}
