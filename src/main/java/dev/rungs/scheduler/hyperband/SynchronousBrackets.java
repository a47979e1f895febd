package dev.rungs.scheduler.hyperband;

import static dev.rungs.scheduler.hyperband.RungAttrs.BRACKET;
import static dev.rungs.scheduler.hyperband.RungAttrs.BUDGET;
import static dev.rungs.scheduler.hyperband.RungAttrs.ROUND;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Synchronous Successive Halving over a cycle of brackets, the common core of
 * {@link SuccessiveHalvingScheduler} and {@link HyperbandScheduler}.
 *
 * <p>Brackets run one after another, as in the paper. Within a bracket, rung 0 starts its
 * {@code n_0} configurations; a rung is decided only when every one of its trials has its
 * result (the synchronous rule: a straggler keeps the other workers waiting). Then the best
 * {@code n_{i+1}} are promoted (resumed with the next rung's resource) and the rest are ended
 * as PRUNED. A trial pauses when it reports at its rung's resource, unless the rung is the
 * bracket's last.
 *
 * <p>Nothing is kept between calls: every decision is rebuilt from the trials' attributes
 * ({@link RungAttrs}), so a study resumed from disk carries on in the same bracket. A trial that
 * was paused before it reached its rung's resource (the run was stopped) is resumed at the same
 * rung first. A failed trial counts as the worst result of its rung.
 */
public abstract sealed class SynchronousBrackets implements Scheduler, DescribesRungs permits SuccessiveHalvingScheduler, HyperbandScheduler {
    private final long minResource;
    private final long maxResource;
    private final int eta;

    SynchronousBrackets(long minResource, long maxResource, int eta) {
        if (maxResource != 0) {
            Bracket.check(minResource, maxResource, eta);
        } else {
            Bracket.check(minResource, minResource, eta);
        }
        this.minResource = minResource;
        this.maxResource = maxResource;
        this.eta = eta;
    }

    /** The smallest resource r. */
    public long minResource() {
        return minResource;
    }

    /** The largest resource R; 0 means the study's largest resource per trial. */
    public long maxResource() {
        return maxResource;
    }

    /** The reduction factor η. */
    public int reductionFactor() {
        return eta;
    }

    /** The largest resource in effect for a study whose trials may use {@code studyMax}. */
    long effectiveMax(long studyMax) {
        long r = maxResource > 0 ? maxResource : studyMax;
        if (r < minResource) {
            throw new IllegalStateException("max resource " + r + " is below min_resource " + minResource);
        }
        return r;
    }

    /** Number of brackets in one cycle. */
    abstract int cycleLength(int sMax);

    /** The s of the bracket at position {@code k} of the cycle. */
    abstract int bracketAt(int k, int sMax);

    /** The brackets of one cycle, in the order they run, for a study whose trials may use {@code studyMax}. */
    public List<Bracket> brackets(long studyMax) {
        long rMax = effectiveMax(studyMax);
        int sMax = Bracket.sMax(minResource, rMax, eta);
        List<Bracket> out = new ArrayList<>();
        for (int k = 0; k < cycleLength(sMax); k++) {
            out.add(Bracket.of(bracketAt(k, sMax), sMax, rMax, eta));
        }
        return out;
    }

    @Override
    public RungPlan rungPlan(long studyMax) {
        return new RungPlan(true, eta, minResource, effectiveMax(studyMax), brackets(studyMax));
    }

    @Override
    public boolean judgesResults() {
        return true;
    }

    @Override
    public boolean decidesOnlyAtBudget() {
        return true;
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        OptionalInt rung = RungAttrs.intAttr(trial, RUNG);
        OptionalInt bracket = RungAttrs.intAttr(trial, BRACKET);
        OptionalLong budget = RungAttrs.longAttr(trial, BUDGET);
        if (rung.isEmpty() || bracket.isEmpty() || budget.isEmpty()) {
            return Decision.CONTINUE; // not one of ours (ask/tell without a bracket)
        }
        // The top rung's index is the bracket's s: there the trial simply finishes.
        return step >= budget.getAsLong() && rung.getAsInt() < bracket.getAsInt() ? Decision.PAUSE : Decision.CONTINUE;
    }

    @Override
    public Work nextWork(TrialHistory history, long studyMax) {
        return next(history, studyMax, false);
    }

    /**
     * Closes the open bracket with the trials it has, as Ray Tune's HyperBand does with a bracket
     * that cannot fill: each rung promotes its best ⌊k/η⌋ (at least one, at most the plan's n_i)
     * of the k trials that reached it, so the bracket still ends with a trial at its top resource.
     * Brackets not yet started stay unstarted.
     */
    @Override
    public Work nextWorkWithoutNewTrials(TrialHistory history, long studyMax) {
        return next(history, studyMax, true);
    }

    private Work next(TrialHistory history, long studyMax, boolean closed) {
        List<Bracket> cycle = brackets(studyMax);
        Map<Integer, Integer> positionOfS = new HashMap<>();
        for (int k = 0; k < cycle.size(); k++) {
            positionOfS.put(cycle.get(k).s(), k);
        }
        Map<Integer, List<Trial>> byInstance = new HashMap<>();
        for (Trial t : history.trials()) {
            OptionalInt s = RungAttrs.intAttr(t, BRACKET);
            OptionalInt round = RungAttrs.intAttr(t, ROUND);
            if (s.isEmpty() || round.isEmpty() || RungAttrs.intAttr(t, RUNG).isEmpty()
                    || !positionOfS.containsKey(s.getAsInt())) {
                continue;
            }
            int instance = round.getAsInt() * cycle.size() + positionOfS.get(s.getAsInt());
            byInstance.computeIfAbsent(instance, k -> new ArrayList<>()).add(t);
        }
        for (int instance = 0; ; instance++) {
            Bracket b = cycle.get(instance % cycle.size());
            List<Trial> members = byInstance.getOrDefault(instance, List.of());
            if (closed && members.isEmpty()) {
                return Work.DONE; // brackets run in order: none after this one has started either
            }
            Work w = step(b, instance / cycle.size(), members, history.direction(), closed ? eta : 0);
            if (w != null) {
                return w;
            }
        }
    }

    /**
     * The next work in one bracket instance, or null when it is finished. {@code closingEta} is 0
     * for a bracket that fills to its plan, else the η by which a closed bracket's rungs shrink
     * from the trials they have.
     */
    private static Work step(Bracket b, int round, List<Trial> members, Direction direction, int closingEta) {
        boolean closed = closingEta > 0;
        if ((closed || members.size() >= b.rungs().get(0).configs())
                && members.stream().allMatch(t -> t.state().isFinished())) {
            return null; // every configuration has ended: a past bracket, no need to rank it again
        }
        OptionalInt roundAttr = OptionalInt.of(round);
        for (int i = 0; i <= b.s(); i++) {
            Bracket.Rung rung = b.rungs().get(i);
            List<Trial> reached = new ArrayList<>();
            for (Trial t : members) {
                if (rungOf(t) >= i) {
                    reached.add(t);
                }
            }
            if (i == 0 && reached.size() < rung.configs() && !closed) {
                return new Work.NewTrial(rung.resource(), RungAttrs.attrs(b.s(), roundAttr, 0, rung.resource(), null));
            }
            for (Trial t : reached) {
                if (rungOf(t) == i && t.state() == TrialState.PAUSED && t.lastStep() < rung.resource()) {
                    // Paused before its rung was done (the run was stopped): finish the rung first.
                    return new Work.Resume(t.number(), rung.resource(), Map.of());
                }
            }
            for (Trial t : reached) {
                if (rungOf(t) == i && (t.state() == TrialState.RUNNING || t.state() == TrialState.WAITING)) {
                    return Work.WAIT;
                }
            }
            if (i == b.s()) {
                return null;
            }
            Bracket.Rung next = b.rungs().get(i + 1);
            long resource = rung.resource();
            List<Trial> ranked = new ArrayList<>(reached);
            ranked.sort(Comparator.<Trial>comparingDouble(t -> RungAttrs.lossAt(t, resource, direction))
                    .thenComparingInt(Trial::number));
            for (int k = 0; k < ranked.size(); k++) {
                Trial t = ranked.get(k);
                if (rungOf(t) != i || t.state() != TrialState.PAUSED) {
                    continue;
                }
                if (k < promotions(next.configs(), reached.size(), closingEta)) {
                    return new Work.Resume(t.number(), next.resource(),
                            RungAttrs.attrs(b.s(), roundAttr, i + 1, next.resource(), RungAttrs.PROMOTED));
                }
                return new Work.Prune(t.number(), Map.of(RungAttrs.OUTCOME, RungAttrs.STOPPED));
            }
        }
        return null;
    }

    /** How many of a rung's {@code reached} trials go on: the plan's n_{i+1}, or for a closed bracket ⌊reached/η⌋ (at least 1). */
    private static int promotions(int planned, int reached, int closingEta) {
        return closingEta == 0 ? planned : Math.min(planned, Math.max(1, reached / closingEta));
    }

    private static int rungOf(Trial t) {
        return RungAttrs.intAttr(t, RUNG).orElse(-1);
    }

    String settingsText() {
        return "min_resource=" + minResource + ", max_resource=" + (maxResource == 0 ? "study" : maxResource)
                + ", reduction_factor=" + eta;
    }
}
