package dev.rungs.scheduler.hyperband;

import static dev.rungs.scheduler.hyperband.RungAttrs.BUDGET;
import static dev.rungs.scheduler.hyperband.RungAttrs.RUNG;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
 * configuration starts at rung 0. The scheduler never answers WAIT, so no worker idles.
 *
 * <p><b>Pruner form</b> (Optuna's SuccessiveHalvingPruner, Ray's ASHA): trials start with R and
 * run on their own; each report that reaches a rung compares the trial's value with every value
 * recorded at that rung so far, itself included, and stops the trial unless it is in the top
 * {@code 1/η}. As in Optuna, while a rung holds fewer than η values only the best so far goes on
 * (there are not yet enough values to take a top third of).
 *
 * <p>Defaults follow Optuna and Ray: η = 4, r = 1, s = 0, R = the study's largest resource per
 * trial. Trials record {@code bracket} (s), {@code rung}, {@code budget} and, once promoted,
 * {@code outcome}; state is rebuilt from them on every call.
 *
 * <p>With R left to the study, the scheduler notes the study's R when the engine first asks it
 * for work (always before it starts a trial of its own); that is a setting of the study, not
 * state, and is the same after a resume.
 */
public final class AshaScheduler implements Scheduler, DescribesRungs {
    /** Default reduction factor (Optuna, Ray). */
    public static final int DEFAULT_ETA = 4;

    private final long minResource;
    private final long maxResource;
    private final int eta;
    private final int minEarlyStoppingRate;
    private final boolean pruner;
    /** The study's largest resource per trial, as last passed to {@link #nextWork}; engine thread only. */
    private long studyMax = Long.MAX_VALUE;

    /**
     * @param minResource r, at least 1
     * @param maxResource R; 0 for the study's largest resource per trial
     * @param eta the reduction factor η, at least 2
     * @param minEarlyStoppingRate s, at least 0
     * @param pruner true for the pruner form, false for the promotion form
     */
    public AshaScheduler(long minResource, long maxResource, int eta, int minEarlyStoppingRate, boolean pruner) {
        Bracket.check(minResource, maxResource == 0 ? Math.max(minResource, 1) : maxResource, eta);
        if (minEarlyStoppingRate < 0) {
            throw new IllegalArgumentException("min_early_stopping_rate must not be negative, got "
                    + minEarlyStoppingRate);
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.eta = eta;
        this.minEarlyStoppingRate = minEarlyStoppingRate;
        this.pruner = pruner;
    }

    /** The promotion form with r = 1, R = the study's, η = 4, s = 0. */
    public AshaScheduler() {
        this(1, 0, DEFAULT_ETA, 0, false);
    }

    /**
     * The rung resources for a study whose trials may use {@code studyMax}: {@code r · η^(k + s)}
     * below R, then R itself.
     */
    public long[] rungResources(long studyMax) {
        long rMax = maxResource > 0 ? maxResource : studyMax;
        if (rMax < minResource) {
            throw new IllegalStateException("max resource " + rMax + " is below min_resource " + minResource);
        }
        List<Long> out = new ArrayList<>();
        double r = minResource * Math.pow(eta, minEarlyStoppingRate);
        while (Math.round(r) < rMax) {
            out.add(Math.round(r));
            r *= eta;
        }
        out.add(rMax);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** One bracket of rung resources, with no planned counts: ASHA promotes whenever a trial qualifies. */
    @Override
    public RungPlan rungPlan(long studyMax) {
        long[] resources = rungResources(studyMax);
        List<Bracket.Rung> rungs = new ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            rungs.add(new Bracket.Rung(i, -1, resources[i]));
        }
        return new RungPlan(false, eta, minResource, resources[resources.length - 1],
                List.of(new Bracket(minEarlyStoppingRate, rungs)));
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
        OptionalInt rung = RungAttrs.intAttr(trial, RUNG);
        OptionalLong budget = RungAttrs.longAttr(trial, BUDGET);
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
        long[] rungs = rungResources(rMax);
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
            List<Double> values = new ArrayList<>();
            for (Trial t : history.trials()) {
                if (t.number() != trial.number() && t.lastStep() >= resource) {
                    values.add(RungAttrs.lossAt(t, resource, direction));
                }
            }
            values.add(mine);
            if (!inTop(mine, values)) {
                return Decision.STOP;
            }
        }
        return Decision.CONTINUE;
    }

    /** Optuna's rule: in the top {@code floor(n / η)}, or the best while fewer than η values exist. */
    private boolean inTop(double mine, List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int promotable = Math.max(1, sorted.length / eta);
        return mine <= sorted[promotable - 1];
    }

    @Override
    public Work nextWork(TrialHistory history, long studyMax) {
        this.studyMax = studyMax;
        long[] rungs = rungResources(studyMax);
        int bracket = minEarlyStoppingRate;
        if (pruner) {
            return new Work.NewTrial(rungs[rungs.length - 1],
                    RungAttrs.attrs(bracket, OptionalInt.empty(), 0, rungs[rungs.length - 1], null));
        }
        List<Trial> ours = new ArrayList<>();
        for (Trial t : history.trials()) {
            if (RungAttrs.intAttr(t, RUNG).isPresent()) {
                ours.add(t);
            }
        }
        for (Trial t : ours) {
            int k = RungAttrs.intAttr(t, RUNG).getAsInt();
            if (t.state() == TrialState.PAUSED && k < rungs.length && t.lastStep() < rungs[k]) {
                // Paused before its rung was done (the run was stopped): finish the rung first.
                return new Work.Resume(t.number(), rungs[k], Map.of());
            }
        }
        Direction direction = history.direction();
        for (int k = rungs.length - 2; k >= 0; k--) {
            long resource = rungs[k];
            int rungIndex = k;
            List<Trial> recorded = new ArrayList<>();
            for (Trial t : ours) {
                int tk = RungAttrs.intAttr(t, RUNG).getAsInt();
                if (tk > k || tk == k && t.state() != TrialState.RUNNING && t.state() != TrialState.WAITING
                        && (RungAttrs.hasResult(t, resource) || t.state() == TrialState.PRUNED)) {
                    recorded.add(t);
                }
            }
            int promotable = recorded.size() / eta;
            recorded.sort(Comparator.<Trial>comparingDouble(t -> RungAttrs.lossAt(t, resource, direction))
                    .thenComparingInt(Trial::number));
            for (int i = 0; i < promotable; i++) {
                Trial t = recorded.get(i);
                if (RungAttrs.intAttr(t, RUNG).getAsInt() == rungIndex && t.state() == TrialState.PAUSED) {
                    return new Work.Resume(t.number(), rungs[k + 1], RungAttrs.attrs(bracket, OptionalInt.empty(),
                            k + 1, rungs[k + 1], RungAttrs.PROMOTED));
                }
            }
        }
        return new Work.NewTrial(rungs[0], RungAttrs.attrs(bracket, OptionalInt.empty(), 0, rungs[0], null));
    }

    /** The reduction factor η. */
    public int reductionFactor() {
        return eta;
    }

    /** Whether this is the pruner form. */
    public boolean isPruner() {
        return pruner;
    }

    @Override
    public String toString() {
        return "AshaScheduler[min_resource=" + minResource + ", max_resource="
                + (maxResource == 0 ? "study" : maxResource) + ", reduction_factor=" + eta
                + ", min_early_stopping_rate=" + minEarlyStoppingRate + ", " + (pruner ? "pruner" : "promotion")
                + " form]";
    }
}
