package dev.rungs.engine;

import dev.rungs.study.Trial;

/**
 * Counts the resource a study has consumed (steps, epochs, budget units), over all its runs, so
 * that resource budgets hold across a resume. A step is paid once: reports count the growth of
 * a run's highest step, a restored checkpoint's steps were paid by the run that saved them, and
 * a run that never reported pays its whole budget. Engine thread only.
 */
final class ResourceMeter {
    private long used;

    /** Resource consumed so far by the whole study. */
    long used() {
        return used;
    }

    /** A stored trial's resource, counted when a study is resumed. */
    void adopt(Trial stored) {
        used += stored.resourceUsed();
    }

    /** A run reported at {@code step}. */
    void reported(RunningTrial r, long step) {
        r.reported = true;
        if (step > r.highWater) {
            used += step - r.highWater;
            r.highWater = step;
        }
    }

    /** A run restored its own checkpoint: the steps up to it were paid before. */
    void restored(RunningTrial r) {
        if (r.restoreStep > r.highWater) {
            r.highWater = r.restoreStep;
            r.restoredFrom = r.restoreStep;
        }
    }

    /** A run ends; returns the resource it consumed, to add to the trial's own total. */
    long ended(RunningTrial r) {
        if (!r.reported) {
            used += r.budget;
            return r.budget;
        }
        return r.highWater - Math.min(r.highWater, r.restoredFrom);
    }

}
