package dev.rungs.scheduler.hyperband;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Work;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Successive Halving and Hyperband keep their trials indexed by bracket instance; here they
 * answer exactly as the straightforward form of the rule (group and rank every trial afresh on
 * every call), on random studies that end by a trial budget (their open bracket then closes).
 */
class SynchronousReferenceTest {

    /** The synchronous rule computed from nothing on every call. */
    static Work reference(List<Bracket> cycle, TrialHistory history, boolean closed, int eta) {
        Map<Integer, Integer> positionOfS = new HashMap<>();
        for (int k = 0; k < cycle.size(); k++) {
            positionOfS.put(cycle.get(k).s(), k);
        }
        Map<Integer, List<Trial>> byInstance = new HashMap<>();
        for (Trial t : history.trials()) {
            OptionalInt s = RungAttrs.bracket(t);
            OptionalInt round = RungAttrs.round(t);
            if (s.isEmpty() || round.isEmpty() || RungAttrs.rung(t).isEmpty()
                    || !positionOfS.containsKey(s.getAsInt())) {
                continue;
            }
            byInstance.computeIfAbsent(round.getAsInt() * cycle.size() + positionOfS.get(s.getAsInt()),
                    k -> new ArrayList<>()).add(t);
        }
        for (int instance = 0; ; instance++) {
            Bracket b = cycle.get(instance % cycle.size());
            List<Trial> members = byInstance.getOrDefault(instance, List.of());
            if (closed && members.isEmpty()) {
                return Work.DONE;
            }
            Work w = step(b, instance / cycle.size(), members, history.direction(), closed ? eta : 0);
            if (w != null) {
                return w;
            }
        }
    }

    private static Work step(Bracket b, int round, List<Trial> members, Direction direction, int closingEta) {
        boolean closed = closingEta > 0;
        if ((closed || members.size() >= b.rungs().get(0).configs())
                && members.stream().allMatch(t -> t.state().isFinished())) {
            return null;
        }
        OptionalInt roundAttr = OptionalInt.of(round);
        for (int i = 0; i <= b.s(); i++) {
            Bracket.Rung rung = b.rungs().get(i);
            int rungIndex = i;
            List<Trial> reached = members.stream().filter(t -> rungOf(t) >= rungIndex).toList();
            if (i == 0 && reached.size() < rung.configs() && !closed) {
                return new Work.NewTrial(rung.resource(), RungAttrs.attrs(b.s(), roundAttr, 0, rung.resource(), null));
            }
            for (Trial t : reached) {
                if (rungOf(t) == i && t.state() == TrialState.PAUSED && t.lastStep() < rung.resource()) {
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
                int promotions = closingEta == 0 ? next.configs()
                        : Math.min(next.configs(), Math.max(1, reached.size() / closingEta));
                if (k < promotions) {
                    return new Work.Resume(t.number(), next.resource(),
                            RungAttrs.attrs(b.s(), roundAttr, i + 1, next.resource(), TrialFact.RungOutcome.PROMOTED));
                }
                return new Work.Prune(t.number(), Map.of(TrialFact.OUTCOME.key(), "stopped"));
            }
        }
        return null;
    }

    private static int rungOf(Trial t) {
        return RungAttrs.rung(t).orElse(-1);
    }

    @Test
    void hyperbandAndSuccessiveHalvingMatchTheReferenceOnRandomStudies() {
        int compared = 0;
        int prunes = 0;
        for (int seed = 0; seed < 12; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int eta = 2 + seed % 3;
            long maxResource = new long[] {27, 52, 81}[seed % 3];
            SynchronousBrackets scheduler = seed % 2 == 0 ? new HyperbandScheduler(1, maxResource, eta)
                    : new SuccessiveHalvingScheduler(1, maxResource, eta);
            List<Bracket> cycle = scheduler.brackets(maxResource);
            MutableTrialHistory h = new MutableTrialHistory(seed % 4 < 2 ? Direction.MINIMIZE : Direction.MAXIMIZE);
            TrialHistory seen = seed % 3 == 2 ? AshaReferenceTest.uncounted(h) : h;
            int trialBudget = 150 + rnd.nextInt(300);
            int workers = 1 + seed % 4;
            List<Integer> running = new ArrayList<>();
            for (int event = 0; event < 5000; event++) {
                boolean closed = h.trials().size() >= trialBudget;
                while (running.size() < workers) {
                    Work expected = reference(cycle, h, closed, eta);
                    Work actual = closed ? scheduler.nextWorkWithoutNewTrials(seen, maxResource)
                            : scheduler.nextWork(seen, maxResource);
                    assertEquals(expected, actual, "seed " + seed + ", event " + event);
                    compared++;
                    if (actual instanceof Work.Prune p) {
                        Trial t = h.get(p.trialNumber()).withAttr(TrialFact.OUTCOME.key(), "stopped");
                        h.put(t.withValue(t.intermediate().get(t.lastStep())).withState(TrialState.PRUNED, Instant.EPOCH));
                        prunes++;
                    } else if (actual instanceof Work.NewTrial || actual instanceof Work.Resume) {
                        running.add(RandomStudySteps.start(h, actual));
                    } else {
                        break; // WAIT or DONE
                    }
                }
                if (running.isEmpty()) {
                    break;
                }
                RandomStudySteps.finish(h, running.remove(rnd.nextInt(running.size())), scheduler, rnd, 0.03, 0.03);
            }
        }
        assertTrue(prunes > 500, prunes + " prunes in " + compared + " compared calls");
    }
}
