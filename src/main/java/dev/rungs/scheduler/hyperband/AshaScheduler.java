package dev.rungs.scheduler.hyperband;


import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.scheduler.FollowedHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Asynchronous Successive Halving (ASHA; Li et al., MLSys 2020). Rung k sits at resource
 * {@code r · η^(k + s)} ({@code s}: the minimum early-stopping rate), and the last rung at R.
 *
 * <p><b>Promotion form</b> (the paper's Algorithm 2, the default): a trial pauses when it reaches
 * its rung's resource. When a worker frees up, the highest rung that has a paused trial in the
 * top {@code floor(n_k / η)} of the {@code n_k} results recorded at it so far is searched first,
 * and that trial is resumed with the next rung's resource; when there is none, a new
 * configuration starts at rung 0. While new trials may start, the scheduler never answers WAIT,
 * so no worker idles.
 *
 * <p><b>Pruner form</b> (Optuna's SuccessiveHalvingPruner, Ray's ASHA): trials start with R and
 * run on their own; each report that reaches a rung compares the trial's value with every value
 * recorded at that rung so far, itself included, and stops the trial unless it is in the top
 * {@code 1/η}. As in Optuna, while a rung holds fewer than η values only the best so far goes on
 * (there are not yet enough values to take a top third of).
 *
 * <p><b>Brackets</b> (asynchronous Hyperband: the ASHA paper, section 3; Ray Tune's
 * AsyncHyperBandScheduler {@code brackets}): with {@code brackets = B > 1} there are B ASHA
 * brackets side by side; bracket b has the early-stopping rate {@code s + b}, so its smallest
 * rung is at {@code r · η^(s + b)}, and ranks only its own trials. New trials go to the brackets
 * in turn (round robin, rather than Ray's random draw weighted towards the brackets with more
 * rungs, so that a run is reproducible and a resumed study carries on where it was). It hedges
 * against a smallest resource whose ranking says little about the final one. Promotions are
 * searched bracket by bracket from b = 0, each from its highest rung down.
 *
 * <p>Rung resources follow the one rule of {@link Bracket#ladder}: {@code r · η^(k + s)} below R,
 * then R, so the same r and η give ASHA and Hyperband the same rungs.
 *
 * <p><b>End of a study.</b> Once no new trial may start ({@link #nextWorkWithoutNewTrials}),
 * trials that qualify are still promoted; while trials run, a free worker waits for their
 * results (they may qualify others). When nothing runs, a rung can get no more results, so it
 * promotes its best {@code max(1, ⌊n/η⌋)} as a closed synchronous bracket does (the best of a rung
 * with fewer than η results still goes on, and the study ends with a trial at R); when nothing
 * qualifies even so, every trial left paused is ended as PRUNED with its value at its last
 * rung, so none stays PAUSED.
 *
 * <p>Defaults follow Optuna and Ray: η = 4, s = 0, one bracket, R = the study's largest resource
 * per trial, and r = {@link #AUTO_MIN_RESOURCE} (Optuna's "auto", r = max(1, ⌊R / 100⌋): 1 up to
 * R = 199, as Ray's grace period). Raise r when the ranking at the smallest resource does not
 * follow the final ranking (learning curves that cross late, a few trees of a forest): trials
 * stopped there are stopped on noise. Several brackets hedge when it is not known.
 *
 * <p>Trials record {@code bracket} (s + b), {@code rung}, {@code budget} and, once promoted,
 * {@code outcome}. These attributes are all the state there is: an index of the
 * rungs follows them one changed trial at a time ({@link dev.rungs.scheduler.FollowedHistory}),
 * so a call costs a look at the rung boundaries rather than a sort of every rung.
 *
 * <p>With R left to the study, the scheduler notes the study's R when the engine first asks it
 * for work (always before it starts a trial of its own); that is a setting of the study, not
 * state, and is the same after a resume.
 */
public final class AshaScheduler implements Scheduler, DescribesRungs {
    /** Default reduction factor (Optuna, Ray). */
    public static final int DEFAULT_ETA = 4;
    /**
     * min_resource 0: r = max(1, ⌊R / 100⌋), Optuna's "auto". Up to R = 199 that is r = 1 (Ray's
     * grace period); for a large R (trees, samples) it keeps the first rung from being a budget
     * so small that its ranking says nothing about the final one (one tree of a forest).
     */
    public static final long AUTO_MIN_RESOURCE = 0;

    private final long minResource;
    private final long maxResource;
    private final int eta;
    private final int minEarlyStoppingRate;
    private final int brackets;
    private final boolean pruner;
    /** The study's largest resource per trial, as last passed to {@link #nextWork}; engine thread only. */
    private long studyMax = Long.MAX_VALUE;
    /** The promotion form's index and what it follows, for {@link #promotionsFor}; engine thread only. */
    private PromotionRungs promotions;
    private FollowedHistory promotionsFollowed;
    private long promotionsMax;
    /** The pruner form's index and what it follows; engine thread only. */
    private PrunerRungs prunerRungs;
    private FollowedHistory prunerFollowed;

    /**
     * @param minResource r, at least 1; 0 for {@link #AUTO_MIN_RESOURCE}
     * @param maxResource R; 0 for the study's largest resource per trial
     * @param eta the reduction factor η, at least 2
     * @param minEarlyStoppingRate s, at least 0
     * @param brackets how many brackets run side by side (asynchronous Hyperband), at least 1
     * @param pruner true for the pruner form, false for the promotion form
     */
    public AshaScheduler(long minResource, long maxResource, int eta, int minEarlyStoppingRate, int brackets,
            boolean pruner) {
        if (minResource < 0) {
            throw new IllegalArgumentException("min_resource must not be negative (0 = auto), got " + minResource);
        }
        Bracket.check(Math.max(minResource, 1), maxResource == 0 ? Math.max(minResource, 1) : maxResource, eta);
        if (minEarlyStoppingRate < 0) {
            throw new IllegalArgumentException("min_early_stopping_rate must not be negative, got "
                    + minEarlyStoppingRate);
        }
        if (brackets < 1) {
            throw new IllegalArgumentException("brackets must be at least 1, got " + brackets);
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.eta = eta;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.brackets = brackets;
        this.pruner = pruner;
    }

    /** One bracket: ASHA itself. */
    public AshaScheduler(long minResource, long maxResource, int eta, int minEarlyStoppingRate, boolean pruner) {
        this(minResource, maxResource, eta, minEarlyStoppingRate, 1, pruner);
    }

    /** The promotion form with r = auto, R = the study's, η = 4, s = 0, one bracket. */
    public AshaScheduler() {
        this(AUTO_MIN_RESOURCE, 0, DEFAULT_ETA, 0, false);
    }

    /** The smallest resource r for trials of up to {@code rMax}: as set, or {@code max(1, R / 100)} when auto. */
    public long minResource(long rMax) {
        return minResource > 0 ? minResource : Math.max(1, rMax / 100);
    }

    /**
     * The rung resources of the first bracket for a study whose trials may use {@code studyMax}:
     * {@code r · η^(k + s)} below R, then R itself ({@link Bracket#ladder}).
     */
    public long[] rungResources(long studyMax) {
        return rungResources(studyMax, 0);
    }

    /** The rung resources of bracket {@code b} (from 0): {@code r · η^(k + s + b)} below R, then R. */
    public long[] rungResources(long studyMax, int b) {
        long rMax = maxResource > 0 ? maxResource : studyMax;
        long r = minResource(rMax);
        if (rMax < r) {
            throw new IllegalStateException("max resource " + rMax + " is below min_resource " + r);
        }
        return Bracket.ladder(r, rMax, eta, minEarlyStoppingRate + b);
    }

    private long[][] allRungs(long studyMax) {
        long[][] all = new long[brackets][];
        for (int b = 0; b < brackets; b++) {
            all[b] = rungResources(studyMax, b);
        }
        return all;
    }

    /** The brackets' rung resources, with no planned counts: ASHA promotes whenever a trial qualifies. */
    @Override
    public RungPlan rungPlan(long studyMax) {
        List<Bracket> plan = new ArrayList<>();
        long top = 0;
        for (int b = 0; b < brackets; b++) {
            long[] resources = rungResources(studyMax, b);
            List<Bracket.Rung> rungs = new ArrayList<>();
            for (int i = 0; i < resources.length; i++) {
                rungs.add(new Bracket.Rung(i, -1, resources[i]));
            }
            plan.add(new Bracket(minEarlyStoppingRate + b, rungs));
            top = resources[resources.length - 1];
        }
        return new RungPlan(false, eta, minResource(top), top, plan);
    }

    @Override
    public boolean judgesResults() {
        return !pruner;
    }

    @Override
    public boolean decidesOnlyAtBudget() {
        return !pruner; // the pruner form judges at every rung a long run passes
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        OptionalInt rung = RungAttrs.rung(trial);
        OptionalLong budget = RungAttrs.budget(trial);
        if (rung.isEmpty() || budget.isEmpty()) {
            return Decision.CONTINUE;
        }
        if (!pruner) {
            // Pause at the rung's resource unless it is the last rung (R): there it finishes.
            long rMax = maxResource > 0 ? maxResource : studyMax;
            return step >= budget.getAsLong() && budget.getAsLong() < rMax ? Decision.PAUSE : Decision.CONTINUE;
        }
        return prune(trial, step, budget.getAsLong(), history);
    }

    private Decision prune(Trial trial, long step, long rMax, TrialHistory history) {
        PrunerRungs index = prunerFor(history, trial, rMax);
        int b = index.bracketOf(trial);
        if (b < 0) {
            return Decision.CONTINUE; // a bracket this scheduler does not have
        }
        long[] rungs = rungResources(rMax, b);
        long previous = trial.intermediate().headMap(step).isEmpty() ? 0 : trial.intermediate().headMap(step).lastKey();
        Direction direction = history.direction();
        for (int k = 0; k < rungs.length - 1; k++) {
            long resource = rungs[k];
            if (resource <= previous || resource > step) {
                continue; // judged at an earlier report, or not reached yet
            }
            double mine = RungAttrs.lossAt(trial, resource, direction);
            if (Double.isInfinite(mine) && mine > 0) {
                return Decision.STOP;
            }
            if (!index.inTop(b, k, mine)) {
                return Decision.STOP;
            }
        }
        return Decision.CONTINUE;
    }

    /** The pruner index for the rungs below {@code rMax}, following {@code history} and the reporting {@code trial}. */
    private PrunerRungs prunerFor(TrialHistory history, Trial trial, long rMax) {
        long[][] rungs = allRungs(rMax);
        if (prunerRungs == null || !prunerRungs.hasRungs(rungs) || prunerRungs.direction() != history.direction()) {
            prunerRungs = new PrunerRungs(rungs, eta, minEarlyStoppingRate, history.direction());
            prunerFollowed = new FollowedHistory(prunerRungs);
        }
        prunerFollowed.follow(history);
        prunerFollowed.use(trial);
        return prunerRungs;
    }

    @Override
    public Work nextWork(TrialHistory history, long studyMax) {
        return next(history, studyMax, false);
    }

    /**
     * Promotes what qualifies; while trials run, waits for their results; then ends every trial
     * left paused as PRUNED (at its last rung's value) and is done. The pruner form has nothing
     * paused and simply ends.
     */
    @Override
    public Work nextWorkWithoutNewTrials(TrialHistory history, long studyMax) {
        return next(history, studyMax, true);
    }

    private Work next(TrialHistory history, long studyMax, boolean closing) {
        this.studyMax = studyMax;
        if (pruner) {
            long[] rungs = rungResources(studyMax, 0);
            int b = history.trials().size() % brackets; // in turn, by the number the new trial gets
            long top = rungs[rungs.length - 1];
            return new Work.NewTrial(top, RungAttrs.attrs(minEarlyStoppingRate + b, OptionalInt.empty(), 0, top, null));
        }
        PromotionRungs index = promotionsFor(history, studyMax);
        int unfinished = index.firstUnfinished();
        if (unfinished >= 0) {
            // Paused before its rung was done (the run was stopped): finish the rung first.
            Trial t = history.trials().get(unfinished);
            int b = index.bracketOf(t);
            return new Work.Resume(unfinished, rungResources(studyMax, b)[RungAttrs.rung(t).getAsInt()],
                    Map.of());
        }
        for (int b = 0; b < brackets; b++) {
            long[] rungs = rungResources(studyMax, b);
            for (int k = rungs.length - 2; k >= 0; k--) {
                int trial = index.promotable(b, k);
                if (trial >= 0) {
                    return new Work.Resume(trial, rungs[k + 1], RungAttrs.attrs(minEarlyStoppingRate + b,
                            OptionalInt.empty(), k + 1, rungs[k + 1], TrialFact.RungOutcome.PROMOTED));
                }
            }
        }
        if (closing) {
            if (index.active() > 0) {
                return Work.WAIT; // a result still to come may qualify a paused trial
            }
            Work last = closingPromotion(index, studyMax);
            if (last != null) {
                return last;
            }
            int left = index.firstPaused();
            return left >= 0 ? new Work.Prune(left, RungAttrs.STOPPED_HERE) : Work.DONE;
        }
        int b = index.ours() % brackets;
        long[] rungs = rungResources(studyMax, b);
        return new Work.NewTrial(rungs[0], RungAttrs.attrs(minEarlyStoppingRate + b, OptionalInt.empty(), 0, rungs[0],
                null));
    }

    /** With no result still to come, the best of a rung with fewer than η results goes on; or null. */
    private Work closingPromotion(PromotionRungs index, long studyMax) {
        for (int b = 0; b < brackets; b++) {
            long[] rungs = rungResources(studyMax, b);
            for (int k = rungs.length - 2; k >= 0; k--) {
                int trial = index.promotableAtClose(b, k);
                if (trial >= 0) {
                    return new Work.Resume(trial, rungs[k + 1], RungAttrs.attrs(minEarlyStoppingRate + b,
                            OptionalInt.empty(), k + 1, rungs[k + 1], TrialFact.RungOutcome.PROMOTED));
                }
            }
        }
        return null;
    }

    /** The promotion index, following {@code history} with the rungs for {@code studyMax}. */
    private PromotionRungs promotionsFor(TrialHistory history, long studyMax) {
        if (promotions == null || promotionsMax != studyMax || promotions.direction() != history.direction()) {
            promotions = new PromotionRungs(allRungs(studyMax), eta, minEarlyStoppingRate, history.direction());
            promotionsFollowed = new FollowedHistory(promotions);
            promotionsMax = studyMax;
        }
        promotionsFollowed.follow(history);
        return promotions;
    }

    /** The reduction factor η. */
    public int reductionFactor() {
        return eta;
    }

    /** How many brackets run side by side (1: ASHA; more: asynchronous Hyperband). */
    public int brackets() {
        return brackets;
    }

    /** Whether this is the pruner form. */
    public boolean isPruner() {
        return pruner;
    }

    @Override
    public String toString() {
        return "AshaScheduler[min_resource=" + (minResource == AUTO_MIN_RESOURCE ? "auto" : minResource) + ", max_resource="
                + (maxResource == 0 ? "study" : maxResource) + ", reduction_factor=" + eta
                + ", min_early_stopping_rate=" + minEarlyStoppingRate
                + (brackets == 1 ? "" : ", brackets=" + brackets) + ", " + (pruner ? "pruner" : "promotion")
                + " form]";
    }
}
