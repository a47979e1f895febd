package dev.rungs.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A study's trials in numbers: how many are in each state, the best value, the resource used.
 * The study list, the run view, the status bar, the delete dialog and the command line
 * ({@code rungs list}, {@code show}, {@code run}, the progress line) all show this record, so
 * they cannot disagree.
 *
 * <h2>What "trials" means</h2>
 *
 * {@link #trials()} counts what a trial budget counts (the engine's {@code Tuner.countedTrials}):
 * every trial that has started — complete, pruned, failed, running or paused — <em>except</em>
 * <ul>
 *   <li>trials an interruption ended ({@link Trial#isInterrupted()}: the process was killed or
 *       the run cut short; FAIL with reason {@code interrupted}). They are not the trial's fault,
 *       the engine queues their configuration again as a new trial, and the budget ignores them
 *       so a resumed study still ends with its budget of trials that ran;</li>
 *   <li>trials still {@link TrialState#WAITING waiting} to start (such retries, queued).</li>
 * </ul>
 * Both are kept in the store and shown apart, as "not counted" ({@link #notCounted()}). A paused
 * trial counts: it has used a place in the budget and resource, and a multi-fidelity scheduler
 * may resume or prune it later. {@link #failed()} are the trials that failed by themselves.
 *
 * <p>Before this record there were five counts: the study list and the run view counted
 * <em>ended</em> trials (complete, pruned and failed, interrupted ones included, paused and
 * running ones not), the command line counted every stored row (waiting and interrupted
 * included), the progress line counted ended trials again, and the delete dialog took the
 * list's. A study resumed after a crash (two interrupted trials, retried as two new ones) with
 * a few paused trials thus read 21 in the app and 23 on the command line.
 *
 * @param complete trials that finished with a value
 * @param pruned trials a scheduler stopped early
 * @param failed trials that failed by themselves (interrupted ones are {@code interrupted})
 * @param running trials running now
 * @param paused trials a scheduler (or a stop) paused; they may be resumed
 * @param waiting trials queued and not started; not counted
 * @param interrupted trials an interruption ended; not counted
 * @param best the best value of a complete trial; empty while none has completed
 * @param bestTrial the number of that trial; empty with {@code best}
 * @param resourceUsed resource all trials used over all their runs (as the engine totals it)
 */
public record StudySummary(int complete, int pruned, int failed, int running, int paused, int waiting,
        int interrupted, OptionalDouble best, OptionalInt bestTrial, long resourceUsed) {

    /** A study without trials. */
    public static final StudySummary EMPTY = new StudySummary(0, 0, 0, 0, 0, 0, 0, OptionalDouble.empty(),
            OptionalInt.empty(), 0);

    public StudySummary {
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(bestTrial, "bestTrial");
    }

    /** The summary of {@code trials}, best by {@code direction}. The one way to count a whole study. */
    public static StudySummary of(List<Trial> trials, Direction direction) {
        Tally tally = new Tally(direction);
        trials.forEach(tally::put);
        return tally.summary();
    }

    /** Trials as a budget counts them: started, and not ended by an interruption. */
    public int trials() {
        return complete + pruned + failed + running + paused;
    }

    /** Counted trials that have ended: complete, pruned or failed. */
    public int ended() {
        return complete + pruned + failed;
    }

    /** Every trial the store holds, counted or not. */
    public int stored() {
        return trials() + waiting + interrupted;
    }

    /** The counted trials by state, as in {@code 15 complete, 3 pruned, 1 failed, 2 paused}; "none" for none. */
    public String stateCounts() {
        String s = join(new int[] {complete, pruned, failed, running, paused},
                new String[] {"complete", "pruned", "failed", "running", "paused"});
        return s.isEmpty() ? "none" : s;
    }

    /** The trials that are not counted, as in {@code 2 interrupted, 1 waiting}; empty when there are none. */
    public String notCounted() {
        return join(new int[] {interrupted, waiting}, new String[] {"interrupted", "waiting"});
    }

    /** {@code 21 (15 complete, 3 pruned, 1 failed, 2 paused; not counted: 2 interrupted)}, as {@code rungs show} prints it. */
    public String counts() {
        return trials() + " (" + stateCounts() + notCountedSuffix() + ")";
    }

    /** {@code 21 trials (15 complete, 3 pruned, 1 failed, 2 paused; not counted: 2 interrupted)}. */
    public String describe() {
        return trials() + (trials() == 1 ? " trial (" : " trials (") + stateCounts() + notCountedSuffix() + ")";
    }

    /**
     * Progress against a trial budget: {@code 21 of 30 trials (15 complete, 2 paused, …)}, the
     * parentheses left out while every trial is complete and counted; without a budget
     * ({@code maxTrials} 0) {@code 21 trials …}.
     */
    public String progress(int maxTrials) {
        StringBuilder b = new StringBuilder().append(trials());
        if (maxTrials > 0) {
            b.append(" of ").append(maxTrials);
        }
        b.append(maxTrials > 0 || trials() != 1 ? " trials" : " trial");
        if (complete != stored()) {
            b.append(" (").append(stateCounts()).append(notCountedSuffix()).append(')');
        }
        return b.toString();
    }

    private String notCountedSuffix() {
        String n = notCounted();
        return n.isEmpty() ? "" : "; not counted: " + n;
    }

    private static String join(int[] counts, String[] names) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                b.append(b.isEmpty() ? "" : ", ").append(counts[i]).append(' ').append(names[i]);
            }
        }
        return b.toString();
    }

    /**
     * Builds a {@link StudySummary} trial by trial, for views fed by thousands of events: each
     * {@link #put} costs O(1) (a newer version of a trial replaces the older one in the counts),
     * and {@link #summary()} gives the record at any time. Not thread-safe.
     */
    public static final class Tally {
        private final Direction direction;
        /** The latest version of each trial, at index = number; null for a number not seen yet. */
        private final List<Trial> byNumber = new ArrayList<>();
        private final int[] byState = new int[TrialState.values().length];
        private int interrupted;
        private long resourceUsed;
        private Trial best;

        public Tally(Direction direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
        }

        /** Counts {@code t}, replacing the version of the same trial counted before, if any. */
        public void put(Trial t) {
            int n = t.number();
            while (byNumber.size() <= n) {
                byNumber.add(null);
            }
            Trial old = byNumber.set(n, t);
            if (old != null) {
                count(old, -1);
            }
            count(t, +1);
            if (best != null && best.number() == n) {
                if (t.isComplete() && t.value().equals(best.value())) {
                    best = t;
                } else {
                    // The best trial changed its value or state: never in a run (a complete trial
                    // stays as it is), but a store edited by hand might. Look again, once.
                    best = bestOfAll();
                }
            } else if (t.isComplete() && (best == null || isBetter(t, best))) {
                best = t;
            }
        }

        private boolean isBetter(Trial a, Trial b) {
            return direction.isBetter(a.value().getAsDouble(), b.value().getAsDouble());
        }

        private Trial bestOfAll() {
            Trial found = null;
            for (Trial other : byNumber) {
                if (other != null && other.isComplete() && (found == null || isBetter(other, found))) {
                    found = other;
                }
            }
            return found;
        }

        private void count(Trial t, int sign) {
            if (t.isInterrupted()) {
                interrupted += sign;
            } else {
                byState[t.state().ordinal()] += sign;
            }
            resourceUsed += sign * t.resourceUsed();
        }

        /** The counts so far. */
        public StudySummary summary() {
            return new StudySummary(byState[TrialState.COMPLETE.ordinal()], byState[TrialState.PRUNED.ordinal()],
                    byState[TrialState.FAIL.ordinal()], byState[TrialState.RUNNING.ordinal()],
                    byState[TrialState.PAUSED.ordinal()], byState[TrialState.WAITING.ordinal()], interrupted,
                    best == null ? OptionalDouble.empty() : OptionalDouble.of(best.value().getAsDouble()),
                    best == null ? OptionalInt.empty() : OptionalInt.of(best.number()), resourceUsed);
        }
    }
}
