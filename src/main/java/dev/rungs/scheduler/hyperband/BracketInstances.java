package dev.rungs.scheduler.hyperband;


import dev.rungs.scheduler.FollowedHistory;
import dev.rungs.study.Trial;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The trials of a synchronous scheduler grouped by bracket instance (round · cycle length +
 * position of the bracket in the cycle), kept up to date one changed trial at a time, with how
 * many of each instance's trials have not finished, so that past brackets are skipped without
 * looking at their trials again.
 */
final class BracketInstances implements FollowedHistory.Index {

    /** One bracket instance: its trials by number, and how many of them are not finished. */
    static final class Instance {
        final TreeSet<Integer> members = new TreeSet<>();
        int unfinished;
        /** Per rung, the last ranking of the trials that reached it (trial numbers, best first). */
        private final Map<Integer, int[]> ranked = new HashMap<>();

        /**
         * The ranking of a rung's {@code reached} trials, made by {@code rank} unless the last one
         * ranked the same trials. A rung is ranked only once every trial that reached it has its
         * result there, and a result at a rung never changes, so the same trials rank the same way.
         */
        int[] ranking(int rung, List<Integer> reached, java.util.function.Supplier<int[]> rank) {
            int[] last = ranked.get(rung);
            if (last != null && sameTrials(last, reached)) {
                return last;
            }
            int[] fresh = rank.get();
            ranked.put(rung, fresh);
            return fresh;
        }

        private static boolean sameTrials(int[] ranking, List<Integer> reached) {
            if (ranking.length != reached.size()) {
                return false;
            }
            int[] a = ranking.clone();
            java.util.Arrays.sort(a);
            int i = 0;
            for (int n : reached) {
                if (a[i++] != n) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Instance EMPTY = new Instance();

    private final Map<Integer, Integer> positionOfS = new HashMap<>();
    private int cycleLength;
    private final TreeMap<Integer, Instance> instances = new TreeMap<>();
    /** Trial number → the instance it was counted in; absent when it is not one of ours. */
    private final Map<Integer, Integer> instanceOf = new HashMap<>();
    /** Every instance below this one has all its planned trials, all finished: they never change again. */
    private int settledBelow;

    /** Sets the cycle the instances are counted in; the caller clears the index when it changes. */
    void cycle(List<Bracket> cycle) {
        positionOfS.clear();
        for (int k = 0; k < cycle.size(); k++) {
            positionOfS.put(cycle.get(k).s(), k);
        }
        cycleLength = cycle.size();
    }

    /** The instance, or an empty one when no trial belongs to it yet. */
    Instance get(int instance) {
        return instances.getOrDefault(instance, EMPTY);
    }

    /** The first instance that may still have work. */
    int settledBelow() {
        return settledBelow;
    }

    /**
     * Notes that {@code instance} (the first that may still have work) has all its planned trials
     * and that every one has finished: finished trials never change, so neither does it.
     */
    void settled(int instance) {
        settledBelow = instance + 1;
    }

    @Override
    public void clear() {
        instances.clear();
        instanceOf.clear();
        settledBelow = 0;
    }

    @Override
    public void changed(Trial before, Trial after) {
        if (before != null) {
            Integer was = instanceOf.remove(before.number());
            if (was != null) {
                Instance in = instances.get(was);
                in.members.remove(before.number());
                if (!before.state().isFinished()) {
                    in.unfinished--;
                }
            }
        }
        OptionalInt instance = instanceOf(after);
        if (instance.isPresent()) {
            Instance in = instances.computeIfAbsent(instance.getAsInt(), k -> new Instance());
            in.members.add(after.number());
            if (!after.state().isFinished()) {
                in.unfinished++;
            }
            instanceOf.put(after.number(), instance.getAsInt());
        }
    }

    private OptionalInt instanceOf(Trial t) {
        OptionalInt s = RungAttrs.bracket(t);
        OptionalInt round = RungAttrs.round(t);
        if (s.isEmpty() || round.isEmpty() || RungAttrs.rung(t).isEmpty()
                || !positionOfS.containsKey(s.getAsInt())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(round.getAsInt() * cycleLength + positionOfS.get(s.getAsInt()));
    }
}
