package dev.rungs.sampler;

/**
 * A sampler with randomness fixed for a whole study (a Sobol scramble, a grid's shuffled order)
 * that may be made without a seed of its own: the study then gives it its seed, so that two
 * studies with the same seed propose the same configurations. A seed given to the sampler's
 * constructor always wins.
 */
public interface StudySeeded {

    /** Whether the sampler was made without a seed and waits for the study's. */
    boolean needsSeed();

    /** The same sampler seeded with {@code studySeed}; only called when {@link #needsSeed()}. */
    Sampler withSeed(long studySeed);

    /** {@code sampler}, given {@code studySeed} if it waits for one. */
    static Sampler seeded(Sampler sampler, long studySeed) {
        return sampler instanceof StudySeeded s && s.needsSeed() ? s.withSeed(studySeed) : sampler;
    }
}
