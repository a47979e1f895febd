package dev.rungs.scheduler.hyperband;


import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.FollowedHistory;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Every decision comes from the trials' attributes ({@link RungAttrs}) alone, so a study
 * resumed from disk carries on in the same bracket. The trials are grouped by bracket instance
 * in an index that follows the history one changed trial at a time ({@link FollowedHistory}),
 * so a call looks at the open bracket's trials only, not at every trial of the study. A trial that
 * was paused before it reached its rung's resource (the run was stopped) is resumed at the same
 * rung first. A failed trial counts as the worst result of its rung.
 */
public abstract sealed class SynchronousBrackets implements Scheduler, DescribesRungs permits SuccessiveHalvingScheduler, HyperbandScheduler {
    private final long minResource;
    private final long maxResource;
    private final int eta;
    /** The trials by bracket instance, following the study's history (engine thread only). */
    private final BracketInstances instances = new BracketInstances();
    private final FollowedHistory followed = new FollowedHistory(instances);
    private List<Bracket> cycle;
    private long cycleFor;

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
            out.add(Bracket.of(bracketAt(k, sMax), sMax, minResource, rMax, eta));
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
        OptionalInt rung = RungAttrs.rung(trial);
        OptionalInt bracket = RungAttrs.bracket(trial);
        OptionalLong budget = RungAttrs.budget(trial);
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
        List<Bracket> cycle = cycle(studyMax);
        followed.follow(history);
        for (int instance = instances.settledBelow(); ; instance++) {
            Bracket b = cycle.get(instance % cycle.size());
            BracketInstances.Instance in = instances.get(instance);
            if (closed && in.members.isEmpty()) {
                return Work.DONE; // brackets run in order: none after this one has started either
            }
            boolean full = in.members.size() >= b.rungs().get(0).configs();
            if (full && in.unfinished == 0 && instance == instances.settledBelow()) {
                instances.settled(instance); // it has all its trials and every one ended: for good
            }
            if ((closed || full) && in.unfinished == 0) {
                continue; // every configuration has ended: a past bracket, no need to rank it again
            }
            List<Trial> members = new ArrayList<>(in.members.size());
            for (int n : in.members) {
                members.add(history.trials().get(n));
            }
            Work w = step(b, instance / cycle.size(), in, members, history.direction(), closed ? eta : 0);
            if (w != null) {
                return w;
            }
        }
    }

    /** The brackets of one cycle for {@code studyMax}, kept while it stays the same. */
    private List<Bracket> cycle(long studyMax) {
        if (cycle == null || studyMax != cycleFor) {
            cycle = brackets(studyMax);
            cycleFor = studyMax;
            followed.clear();
            instances.cycle(cycle);
        }
        return cycle;
    }

    /**
     * The next work in one bracket instance, or null when it is finished. {@code closingEta} is 0
     * for a bracket that fills to its plan, else the η by which a closed bracket's rungs shrink
     * from the trials they have. {@code members} are in trial-number order.
     */
    private static Work step(Bracket b, int round, BracketInstances.Instance instance, List<Trial> members,
            Direction direction, int closingEta) {
        boolean closed = closingEta > 0;
        int size = members.size();
        int[] rungOf = new int[size];
        for (int m = 0; m < size; m++) {
            rungOf[m] = RungAttrs.rung(members.get(m)).orElse(-1);
        }
        OptionalInt roundAttr = OptionalInt.of(round);
        for (int i = 0; i <= b.s(); i++) {
            Bracket.Rung rung = b.rungs().get(i);
            // One pass over the members: how many reached the rung, and what its own trials are doing.
            int reached = 0;
            int unfinished = -1;
            boolean running = false;
            boolean undecided = false;
            for (int m = 0; m < size; m++) {
                if (rungOf[m] < i) {
                    continue;
                }
                reached++;
                if (rungOf[m] == i) {
                    Trial t = members.get(m);
                    TrialState state = t.state();
                    if (state == TrialState.PAUSED && t.lastStep() < rung.resource() && unfinished < 0) {
                        unfinished = m;
                    }
                    running |= state == TrialState.RUNNING || state == TrialState.WAITING;
                    undecided |= state == TrialState.PAUSED;
                }
            }
            if (i == 0 && reached < rung.configs() && !closed) {
                return new Work.NewTrial(rung.resource(), RungAttrs.attrs(b.s(), roundAttr, 0, rung.resource(), null));
            }
            if (unfinished >= 0) {
                // Paused before its rung was done (the run was stopped): finish the rung first.
                return new Work.Resume(members.get(unfinished).number(), rung.resource(), Map.of());
            }
            if (running) {
                return Work.WAIT;
            }
            if (i == b.s()) {
                return null;
            }
            if (!undecided) {
                continue; // every trial of this rung went on or was ended: nothing to rank
            }
            Bracket.Rung next = b.rungs().get(i + 1);
            long resource = rung.resource();
            int[] reachedAt = new int[reached];
            List<Integer> reachedNumbers = new ArrayList<>(reached);
            for (int m = 0, r = 0; m < size; m++) {
                if (rungOf[m] >= i) {
                    reachedAt[r++] = m;
                    reachedNumbers.add(members.get(m).number());
                }
            }
            int[] ranking = instance.ranking(i, reachedNumbers, () -> rank(reachedAt, members, resource, direction));
            int[] numbers = new int[size];
            for (int m = 0; m < size; m++) {
                numbers[m] = members.get(m).number();
            }
            for (int k = 0; k < ranking.length; k++) {
                int m = java.util.Arrays.binarySearch(numbers, ranking[k]); // members are in number order
                Trial t = members.get(m);
                if (rungOf[m] != i || t.state() != TrialState.PAUSED) {
                    continue;
                }
                if (k < promotions(next.configs(), ranking.length, closingEta)) {
                    return new Work.Resume(t.number(), next.resource(),
                            RungAttrs.attrs(b.s(), roundAttr, i + 1, next.resource(), TrialFact.RungOutcome.PROMOTED));
                }
                return new Work.Prune(t.number(), RungAttrs.STOPPED_HERE);
            }
        }
        return null;
    }

    /** The trial numbers of {@code reached} (positions in {@code members}) by loss at {@code resource}, then by number. */
    private static int[] rank(int[] reached, List<Trial> members, long resource, Direction direction) {
        double[] loss = new double[members.size()];
        List<Integer> order = new ArrayList<>(reached.length);
        for (int m : reached) {
            loss[m] = RungAttrs.lossAt(members.get(m), resource, direction);
            order.add(m);
        }
        // Members are in number order, so by position is by number.
        order.sort(Comparator.<Integer>comparingDouble(m -> loss[m]).thenComparingInt(m -> m));
        return order.stream().mapToInt(m -> members.get(m).number()).toArray();
    }

    /** How many of a rung's {@code reached} trials go on: the plan's n_{i+1}, or for a closed bracket ⌊reached/η⌋ (at least 1). */
    private static int promotions(int planned, int reached, int closingEta) {
        return closingEta == 0 ? planned : Math.min(planned, Math.max(1, reached / closingEta));
    }

    String settingsText() {
        return "min_resource=" + minResource + ", max_resource=" + (maxResource == 0 ? "study" : maxResource)
                + ", reduction_factor=" + eta;
    }
}
