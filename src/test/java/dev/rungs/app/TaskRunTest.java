package dev.rungs.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class TaskRunTest {
    /** A UI thread that runs what it is given only when the test says so. */
    private final List<Runnable> ui = new ArrayList<>();

    private void runUi() {
        List<Runnable> now = new ArrayList<>(ui);
        ui.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aThousandReportsWhileTheUiIsBusyCostOneUpdateShowingTheLast() {
        List<Object> outcome = new ArrayList<>();
        TaskRun<String> run = new TaskRun<>(new TaskHandle("count"), p -> {
            for (int i = 1; i <= 1000; i++) {
                p.update(i / 1000.0, "row " + i);
            }
            return "done";
        }, outcome::add, outcome::add, ui::add);
        run.run();
        assertEquals(2, ui.size(), "one progress update and the outcome");
        runUi();
        assertEquals(1.0, run.handle().progressProperty().get());
        assertEquals("row 1000", run.handle().messageProperty().get());
        assertEquals(List.of("done"), outcome);
        assertFalse(run.handle().runningProperty().get());
    }

    @Test
    void aCancelledTaskStopsAtItsNextCheckAndCallsNeitherHandler() throws Exception {
        List<Object> outcome = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        List<Integer> steps = new ArrayList<>();
        TaskRun<String> run = new TaskRun<>(new TaskHandle("slow"), p -> {
            started.countDown();
            for (int i = 0; i < 10_000; i++) {
                p.checkCancelled();
                steps.add(i);
                Thread.sleep(1);
            }
            return "finished";
        }, outcome::add, outcome::add, r -> {
            synchronized (ui) {
                ui.add(r);
            }
        });
        Thread worker = new Thread(run);
        worker.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        run.handle().cancel();
        worker.join(5_000);
        assertFalse(worker.isAlive(), "the work stopped");
        assertTrue(steps.size() < 10_000, "it did not run to the end");
        runUi();
        assertEquals(List.of(), outcome);
        assertFalse(run.handle().runningProperty().get());
        assertTrue(run.handle().isCancelled());
    }

    @Test
    void aFailureReachesTheFailureHandler() {
        List<Object> outcome = new ArrayList<>();
        TaskRun<String> run = new TaskRun<>(new TaskHandle("fails"), p -> {
            throw new IllegalStateException("no such file");
        }, outcome::add, outcome::add, Runnable::run);
        run.run();
        assertInstanceOf(IllegalStateException.class, outcome.get(0));
    }
}
