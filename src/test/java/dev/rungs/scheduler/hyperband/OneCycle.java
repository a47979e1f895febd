package dev.rungs.scheduler.hyperband;

import dev.rungs.scheduler.Decision;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.Work;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialFact;
import dev.rungs.study.TrialHistory;
import java.util.ArrayList;
import java.util.List;

/** Runs a synchronous scheduler for its first cycle of brackets only, and records every work it hands out. */
final class OneCycle implements Scheduler {
    final Scheduler inner;
    final List<Work> handedOut = new ArrayList<>();

    OneCycle(Scheduler inner) {
        this.inner = inner;
    }

    @Override
    public Decision onReport(Trial trial, long step, double value, TrialHistory history) {
        return inner.onReport(trial, step, value, history);
    }

    @Override
    public boolean judgesResults() {
        return inner.judgesResults();
    }

    @Override
    public Work nextWork(TrialHistory history, long maxResource) {
        Work w = inner.nextWork(history, maxResource);
        if (w instanceof Work.NewTrial nt && !"0".equals(nt.attrs().getOrDefault(TrialFact.ROUND.key(), "0"))) {
            w = Work.DONE;
        }
        handedOut.add(w);
        return w;
    }
}
