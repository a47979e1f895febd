package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class UiThrottleTest {
    /** Keeps delayed UI actions until the test runs them, like a UI thread that is busy. */
    static final class HeldExecutor implements TaskExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> TaskHandle start(String title, BackgroundTask<T> work, Consumer<? super T> ok,
                Consumer<? super Throwable> err) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void runOnUi(Runnable action) {
            held.add(action);
        }

        @Override
        public void runOnUiAfter(Duration delay, Runnable action) {
            held.add(action);
        }

        @Override
        public void shutdown() {
        }

        void runHeld() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void manyRequestsBeforeTheUpdateRunCostOneUpdate() {
        HeldExecutor ui = new HeldExecutor();
        int[] updates = {0};
        UiThrottle throttle = new UiThrottle(ui, Duration.ofMillis(100), () -> updates[0]++);
        for (int i = 0; i < 10_000; i++) {
            throttle.request();
        }
        assertEquals(1, ui.held.size(), "one update scheduled for 10000 requests");
        ui.runHeld();
        assertEquals(1, updates[0]);
    }

    @Test
    void aRequestAfterTheUpdateSchedulesAnother() {
        HeldExecutor ui = new HeldExecutor();
        int[] updates = {0};
        UiThrottle throttle = new UiThrottle(ui, Duration.ofMillis(100), () -> updates[0]++);
        throttle.request();
        ui.runHeld();
        throttle.request();
        throttle.request();
        ui.runHeld();
        assertEquals(2, updates[0], "a change after an update is not lost");
    }
}
