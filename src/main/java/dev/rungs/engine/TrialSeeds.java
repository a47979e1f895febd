package dev.rungs.engine;

/**
 * Seeds of the random streams of a study's trials: one per purpose of one trial (its proposal,
 * its objective's generator in each run), derived from the study seed alone, so that what a
 * trial draws does not depend on which worker or thread asked first.
 */
final class TrialSeeds {
    private final long studySeed;

    TrialSeeds(long studySeed) {
        this.studySeed = studySeed;
    }

    /** The seed for {@code purpose} of trial {@code number}. */
    long of(int number, long purpose) {
        return mix(mix(studySeed) + number * 0x9E3779B97F4A7C15L + purpose);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
