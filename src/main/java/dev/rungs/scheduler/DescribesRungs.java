package dev.rungs.scheduler;

/**
 * A scheduler that works in rungs and can say how: a capability beside {@link Scheduler}, so
 * that a form or a chart can show the plan without knowing which scheduler it is.
 */
public interface DescribesRungs {

    /** The plan for a study whose trials may use up to {@code studyMaxResource}. */
    RungPlan rungPlan(long studyMaxResource);
}
