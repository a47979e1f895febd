package dev.rungs.sampler;

import dev.rungs.space.SearchSpace;
import dev.rungs.study.TrialHistory;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-random search with a randomly shifted Sobol sequence: points that fill the unit cube
 * far more evenly than independent uniform draws, decoded through {@link SearchSpace#decode}.
 *
 * <p><b>Net.</b> The points come from commons-math3's {@link SobolSequenceGenerator}
 * (Joe–Kuo direction numbers, up to {@value #MAX_DIMENSIONS} dimensions). Each coordinate of
 * point {@code n} is a 52-bit binary fraction {@code x / 2^52}. The first {@code 2^m} points form
 * a digital (t, m, s)-net in base 2: every elementary interval — a box whose side in dimension
 * {@code j} is one of the {@code 2^k_j} dyadic cells {@code [c / 2^k_j, (c + 1) / 2^k_j)},
 * with volume {@code 2^(t − m)} — holds exactly {@code 2^t} points.
 *
 * <p><b>Scrambling by a random digital shift.</b> The raw sequence starts at the origin and
 * its early points sit on the cube's faces, which for a search means always trying the lower
 * bound first. Each coordinate's 52-bit integer is therefore XORed with a fixed random 52-bit
 * shift per dimension, drawn from the constructor seed. This keeps the stratification: a point
 * lies in the dyadic cell {@code c} of width {@code 2^−k} exactly when the leading {@code k} bits
 * of its integer equal {@code c}, and XOR acts bit by bit, so the shift sends every point of
 * cell {@code c} to cell {@code c XOR (leading k bits of the shift)} — a one-to-one map of the
 * cells of each width onto themselves. Every elementary interval is mapped onto an elementary
 * interval of the same shape, so each still holds exactly {@code 2^t} points, while every single
 * point becomes uniformly distributed over the cube (the shift is uniform), which makes
 * averages over the points unbiased.
 *
 * <p><b>State.</b> None: the point for the next trial is the one with index = number of trials in
 * the history ({@link SobolSequenceGenerator#skipTo}), so a resumed study continues the same
 * sequence. Unlike most samplers this one does not use the per-trial {@code rng}: the shift has to
 * be the same for every trial of a study, so it comes from a seed: the constructor's, or, made with
 * {@link #SobolSampler()}, the study's ({@link StudySeeded}).
 *
 * <p>Inactive parameters of a conditional space still own a coordinate, which the decoding
 * ignores, so the dimension of the sequence — and hence every point — does not depend on which
 * branch earlier points took.
 */
public final class SobolSampler implements Sampler, StudySeeded {
    /** The most parameters the generator has direction numbers for. */
    public static final int MAX_DIMENSIONS = 1000;

    private static final int BITS = 52;
    private static final long MASK = (1L << BITS) - 1;
    private static final double SCALE = 0x1p52;

    private final long seed;
    private final boolean seeded;

    /**
     * The generator of the last dimension seen. Building one parses direction numbers, so it is
     * kept; {@code skipTo} resets it completely, so it carries nothing from one proposal to the
     * next.
     */
    private SobolSequenceGenerator generator;
    private int generatorDims;

    /**
     * A Sobol sampler whose random shift is drawn from {@code seed}.
     *
     * @param seed seed of the digital shift; the same seed gives the same sequence of points
     */
    public SobolSampler(long seed) {
        this.seed = seed;
        this.seeded = true;
    }

    /** A Sobol sampler whose shift is drawn from the seed of the study it is given to. */
    public SobolSampler() {
        this.seed = 0;
        this.seeded = false;
    }

    /**
     * The seed of the digital shift.
     *
     * @throws IllegalStateException if the sampler waits for the study's seed
     */
    public long seed() {
        requireSeed();
        return seed;
    }

    @Override
    public boolean needsSeed() {
        return !seeded;
    }

    @Override
    public Sampler withSeed(long studySeed) {
        return new SobolSampler(studySeed);
    }

    private void requireSeed() {
        if (!seeded) {
            throw new IllegalStateException("this SobolSampler has no seed: give it one (new SobolSampler(seed))"
                    + " or give it to a Tuner, whose seed it then takes");
        }
    }

    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        return Proposal.of(space.decode(point(history.trials().size(), space.size())));
    }

    /**
     * Point {@code index} of the shifted sequence in {@code dims} dimensions, in [0, 1)^dims.
     *
     * @throws IllegalArgumentException when {@code dims} exceeds {@value #MAX_DIMENSIONS}
     */
    public double[] point(int index, int dims) {
        if (index < 0) {
            throw new IllegalArgumentException("point index must not be negative, got " + index);
        }
        if (dims > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("the Sobol sampler supports at most " + MAX_DIMENSIONS
                    + " parameters, but the search space has " + dims + "; use the random sampler instead");
        }
        requireSeed();
        if (dims == 0) {
            return new double[0];
        }
        if (generator == null || generatorDims != dims) {
            generator = new SobolSequenceGenerator(dims);
            generatorDims = dims;
        }
        double[] raw = generator.skipTo(index);
        long[] shift = shifts(dims);
        double[] u = new double[dims];
        for (int j = 0; j < dims; j++) {
            // raw[j] is exactly x / 2^52 for a 52-bit integer x, so this recovers x without loss.
            long x = (long) (raw[j] * SCALE);
            u[j] = ((x ^ shift[j]) & MASK) / SCALE;
        }
        return u;
    }

    /**
     * One shift per dimension. They are drawn in dimension order from a fresh generator, so
     * dimension j's shift does not depend on how many dimensions the space has.
     */
    private long[] shifts(int dims) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] s = new long[dims];
        for (int j = 0; j < dims; j++) {
            s[j] = r.nextLong() & MASK;
        }
        return s;
    }

    @Override
    public String toString() {
        return "SobolSampler(seed=" + (seeded ? Long.toString(seed) : "the study's") + ")";
    }
}
