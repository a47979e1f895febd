package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import dev.rungs.study.TrialState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine carries out PAUSE, resume, STOP and EXPLOIT exactly as a scheduler asks. */
class SchedulerContractTest {
    static final SearchSpace SPACE = SearchSpace.builder().floatParam("x", 0, 1).build();

    /** Counts steps from its checkpoint; saves one before every report. */
    static final Objective COUNTER = (config, ctx) -> {
        long step = ctx.restoreCheckpoint().map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L);
        while (step < ctx.budget()) {
            step++;
            ctx.saveCheckpoint(ByteBuffer.allocate(8).putLong(step).array());
            if (!ctx.report(step, ctx.config().getDouble("x") * step).shouldContinue()) {
                return Double.NaN;
            }
        }
        return ctx.config().getDouble("x") * step;
    };

    /** Pauses trial 0 at step 3 and then resumes it with budget 6; everything else runs to 3. */
    static final class PauseThenResume implements Scheduler {
        boolean resumed;

        @Override
        public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
            return trial.number() == 0 && step == 3 && !resumed ? Decision.PAUSE : Decision.CONTINUE;
        }

        @Override
        public Work nextWork(TrialHistory history, long maxResource) {
            if (!history.trials().isEmpty() && history.trials().get(0).state() == TrialState.PAUSED && !resumed) {
                resumed = true;
                return new Work.Resume(0, 6, Map.of("rung", "1"));
            }
            return history.trials().size() < 2 ? new Work.NewTrial(3, Map.of("rung", "0")) : Work.DONE;
        }
    }

    @Test
    void aPausedTrialResumesFromItsCheckpointAndRestoredStepsAreNotCountedTwice() {
        List<String> events = new ArrayList<>();
        try (Tuner t = Tuner.builder(SPACE).sampler(new ScriptedSampler(List.of(0.5, 0.25)))
                .scheduler(new PauseThenResume()).seed(1).build()) {
            t.subscribe(e -> events.add(e.getClass().getSimpleName()));
            StudyResult r = t.optimize(COUNTER, Budget.trials(10));
            Trial first = r.trials().get(0);
            assertEquals(TrialState.COMPLETE, first.state());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), List.copyOf(first.intermediate().keySet()),
                    "resumed at step 4 from the checkpoint, not from 1");
            assertEquals(3.0, first.value().getAsDouble(), 1e-12);
            assertEquals("1", first.attrs().get("rung"));
            assertEquals(TrialState.COMPLETE, r.trials().get(1).state());
            assertEquals(6 + 3, r.resourceUsed(), "6 steps of trial 0 and 3 of trial 1");
            assertTrue(events.contains("Paused") && events.contains("Resumed"), events.toString());
            assertEquals("scheduler finished", r.stopReason());
        }
    }

    @Test
    void aStopDecisionPrunesTheTrialAndItsResourceStopsCounting() {
        Scheduler stopAt2 = new Scheduler() {
            @Override
            public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
                return step == 2 ? Decision.STOP : Decision.CONTINUE;
            }

            @Override
            public Work nextWork(TrialHistory history, long maxResource) {
                return new Work.NewTrial(10, Map.of());
            }
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new ScriptedSampler(List.of(0.5))).scheduler(stopAt2)
                .seed(1).build()) {
            StudyResult r = t.optimize(COUNTER, Budget.trials(3));
            assertEquals(3, r.count(TrialState.PRUNED));
            assertEquals(6, r.resourceUsed(), "each pruned trial used 2 of its 10 units");
            assertEquals(1.0, r.trials().get(0).value().getAsDouble(), 1e-12, "pruned keeps its last value");
        }
    }

    @Test
    void anExploitCopiesTheDonorCheckpointAndSwitchesTheConfiguration() throws Exception {
        // Trial 0 runs to its end first (one worker); trial 1 exploits it at step 2.
        Scheduler exploitOnce = new Scheduler() {
            @Override
            public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
                if (trial.number() == 1 && step == 2) {
                    return new Decision.Exploit(0, SPACE.validate(Map.of("x", 0.75)));
                }
                return Decision.CONTINUE;
            }

            @Override
            public Work nextWork(TrialHistory history, long maxResource) {
                return new Work.NewTrial(5, Map.of());
            }
        };
        List<TrialEvent.Exploited> exploits = new ArrayList<>();
        List<Optional<byte[]>> restoredAfterExploit = new ArrayList<>();
        Objective obj = (config, ctx) -> {
            for (long step = 1; step <= ctx.budget(); step++) {
                ctx.saveCheckpoint(ByteBuffer.allocate(8).putLong(100 * (ctx.trialNumber() + 1) + step).array());
                Decision d = ctx.report(step, ctx.config().getDouble("x"));
                if (d instanceof Decision.Exploit) {
                    restoredAfterExploit.add(ctx.restoreCheckpoint());
                }
            }
            return ctx.config().getDouble("x");
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new ScriptedSampler(List.of(0.5, 0.25)))
                .scheduler(exploitOnce).seed(1).build()) {
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Exploited x) {
                    exploits.add(x);
                }
            });
            StudyResult r = t.optimize(obj, Budget.trials(2));
            Trial second = r.trials().get(1);
            assertEquals(0.75, second.value().getAsDouble(), 1e-12, "continues with the new configuration");
            assertEquals(0, second.parent().getAsInt());
            assertEquals(1, exploits.size());
            assertEquals(0.25, exploits.get(0).oldConfig().getDouble("x"), 1e-12);
            assertEquals(2, exploits.get(0).step());
            assertArrayEquals(ByteBuffer.allocate(8).putLong(105).array(), restoredAfterExploit.get(0).orElseThrow(),
                    "the donor's last checkpoint (trial 0, step 5)");
        }
    }

    @Test
    void aBudgetObjectivesResultIsJudgedAtItsBudgetAndAPausedTrialCanBePrunedOrRunAgain() {
        // Trial 0 runs at budget 3 and is paused on its result; trial 1 likewise; then trial 0 is run
        // again at 9 (no checkpoint: the whole budget again) and trial 1 is pruned without a worker.
        Scheduler judge = new Scheduler() {
            @Override
            public boolean judgesResults() {
                return true;
            }

            @Override
            public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
                return step == 3 ? Decision.PAUSE : Decision.CONTINUE;
            }

            @Override
            public Work nextWork(TrialHistory history, long maxResource) {
                List<Trial> ts = history.trials();
                if (ts.size() < 2) {
                    return new Work.NewTrial(3, Map.of("rung", "0"));
                }
                if (ts.get(0).state() == TrialState.PAUSED) {
                    return new Work.Resume(0, 9, Map.of("rung", "1"));
                }
                if (ts.get(1).state() == TrialState.PAUSED) {
                    return new Work.Prune(1, Map.of("outcome", "stopped"));
                }
                return ts.get(0).state() == TrialState.RUNNING || ts.get(1).state() == TrialState.RUNNING
                        ? Work.WAIT : Work.DONE;
            }
        };
        List<Long> budgetsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Objective budgetObjective = (config, ctx) -> {
            budgetsSeen.add(ctx.budget());
            return config.getDouble("x") * ctx.budget();
        };
        try (Tuner t = Tuner.builder(SPACE).sampler(new ScriptedSampler(List.of(0.5, 0.25))).scheduler(judge)
                .seed(1).build()) {
            StudyResult r = t.optimize(budgetObjective, Budget.trials(10));
            Trial first = r.trials().get(0);
            Trial second = r.trials().get(1);
            assertEquals(List.of(3L, 3L, 9L), budgetsSeen);
            assertEquals(TrialState.COMPLETE, first.state());
            assertEquals(Map.of(3L, 1.5, 9L, 4.5), first.intermediate(), "each result is a report at its budget");
            assertEquals(4.5, first.value().getAsDouble(), 0.0);
            assertEquals("12", first.attrs().get(TrialFact.RESOURCE_USED.key()), "3, then 9 again from the start");
            assertEquals(TrialState.PRUNED, second.state());
            assertEquals("stopped", second.attrs().get("outcome"));
            assertEquals(0.75, second.value().getAsDouble(), 0.0, "a pruned trial keeps its last value");
            assertEquals(3 + 9 + 3, r.resourceUsed());
        }
    }

    @Test
    void withoutJudgingAResultSimplyCompletes() {
        Scheduler pauseAll = (trial, step, value, history) -> Decision.PAUSE;
        try (Tuner t = Tuner.builder(SPACE).sampler(new ScriptedSampler(List.of(0.5))).scheduler(pauseAll)
                .maxResource(3).seed(1).build()) {
            StudyResult r = t.optimize((config, ctx) -> 1.0, Budget.trials(2));
            assertEquals(2, r.count(TrialState.COMPLETE), "a scheduler that does not judge results is not asked");
            assertTrue(r.trials().get(0).intermediate().isEmpty());
        }
    }
}
