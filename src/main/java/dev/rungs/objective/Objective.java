package dev.rungs.objective;

import dev.rungs.space.Config;

/**
 * What a study tunes: evaluates one configuration and returns its value.
 *
 * <p>An <em>iterative</em> objective reports as it goes ({@link TrialContext#report}) and
 * returns as soon as a report answers anything but continue; if it can, it saves a checkpoint
 * first so that a paused trial resumes where it left off. A <em>budget</em> objective
 * evaluates {@code f(config, ctx.budget())} and returns. Throwing, or returning NaN or
 * infinity, fails the trial; the study goes on.
 */
@FunctionalInterface
public interface Objective {

    /** Evaluates {@code config}; may be called from several worker threads at once. */
    double evaluate(Config config, TrialContext ctx) throws Exception;
}
