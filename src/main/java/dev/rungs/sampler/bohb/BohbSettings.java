package dev.rungs.sampler.bohb;

/**
 * Settings of {@link BohbSampler}, with HpBandSter's defaults.
 *
 * @param minPointsInModel observations a budget needs before a model is fitted on it; 0 means
 *     d + 1 (d = number of parameters), and any value is raised to at least d + 1
 * @param topNPercent percentage of observations in the good set (at least min points)
 * @param numSamples candidates drawn from the good density per model-based proposal
 * @param randomFraction probability of a uniform random proposal even when a model exists
 * @param bandwidthFactor multiplies continuous bandwidths when drawing candidates (wider search)
 * @param minBandwidth lower bound of every bandwidth, so that a collapsed dimension still moves
 */
public record BohbSettings(int minPointsInModel, int topNPercent, int numSamples, double randomFraction,
        double bandwidthFactor, double minBandwidth) {
    public BohbSettings {
        if (minPointsInModel < 0) {
            throw new IllegalArgumentException("min_points_in_model must not be negative, got " + minPointsInModel);
        }
        if (topNPercent < 1 || topNPercent > 99) {
            throw new IllegalArgumentException("top_n_percent must be between 1 and 99, got " + topNPercent);
        }
        if (numSamples < 1) {
            throw new IllegalArgumentException("num_samples must be at least 1, got " + numSamples);
        }
        if (!(randomFraction >= 0 && randomFraction <= 1)) {
            throw new IllegalArgumentException("random_fraction must be between 0 and 1, got " + randomFraction);
        }
        if (!(bandwidthFactor > 0) || !Double.isFinite(bandwidthFactor)) {
            throw new IllegalArgumentException("bandwidth_factor must be a positive number, got " + bandwidthFactor);
        }
        if (!(minBandwidth > 0) || !Double.isFinite(minBandwidth)) {
            throw new IllegalArgumentException("min_bandwidth must be a positive number, got " + minBandwidth);
        }
    }

    /** HpBandSter's defaults: d + 1 points, top 15 %, 64 samples, random fraction 1/3, factor 3, 1e-3. */
    public static BohbSettings defaults() {
        return new BohbSettings(0, 15, 64, 1.0 / 3, 3.0, 1e-3);
    }

    /** This with another random fraction. */
    public BohbSettings withRandomFraction(double f) {
        return new BohbSettings(minPointsInModel, topNPercent, numSamples, f, bandwidthFactor, minBandwidth);
    }
}
