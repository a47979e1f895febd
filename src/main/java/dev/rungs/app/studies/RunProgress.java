package dev.rungs.app.studies;

import dev.rungs.app.UiThrottle;
import dev.rungs.engine.TrialEvent;
import dev.rungs.study.Direction;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Listens to one run's events on the engine thread and keeps a running tally for the UI.
 *
 * <p>The tally is published as an immutable {@link Snapshot} so the UI thread can read the
 * latest one at any moment without locks; each event only asks the throttle for an update, so
 * the engine thread is never held up by the UI.
 */
final class RunProgress implements Consumer<TrialEvent> {

    /**
     * The tally at one moment.
     *
     * @param done trials ended (completed, pruned or failed)
     * @param failed of those, how many failed
     * @param best the best completed value so far
     */
    record Snapshot(int done, int failed, OptionalDouble best) {
        static final Snapshot EMPTY = new Snapshot(0, 0, OptionalDouble.empty());
    }

    private final Direction direction;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>(Snapshot.EMPTY);
    private volatile UiThrottle throttle;

    RunProgress(Direction direction) {
        this.direction = direction;
    }

    /** Where to signal changes; set before the run starts. */
    void signalTo(UiThrottle t) {
        this.throttle = t;
    }

    Snapshot snapshot() {
        return latest.get();
    }

    @Override
    public void accept(TrialEvent e) {
        // Only the engine thread calls this, so read-modify-write needs no compare-and-set.
        Snapshot s = latest.get();
        Snapshot next;
        if (e instanceof TrialEvent.Completed c) {
            double v = c.trial().value().orElseThrow();
            boolean better = s.best().isEmpty() || direction.isBetter(v, s.best().getAsDouble());
            next = new Snapshot(s.done() + 1, s.failed(), better ? OptionalDouble.of(v) : s.best());
        } else if (e instanceof TrialEvent.Pruned) {
            next = new Snapshot(s.done() + 1, s.failed(), s.best());
        } else if (e instanceof TrialEvent.Failed) {
            next = new Snapshot(s.done() + 1, s.failed() + 1, s.best());
        } else {
            return;
        }
        latest.set(next);
        UiThrottle t = throttle;
        if (t != null) {
            t.request();
        }
    }
}
