package dev.rungs.app.run;

/** The tabs of a run view. The view tells its {@link RunViewModel} which one is in front. */
public enum RunTab {
    HISTORY, TRIALS, TPE, RUNGS
}
