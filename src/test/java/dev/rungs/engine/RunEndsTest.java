package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.InMemoryStudyStore;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run's future always ends, so nobody waiting on it (a Ctrl+C hook, the workbench) waits for ever. */
class RunEndsTest {
    @Test
    void aRunWhoseEndingBreaksOnAnErrorStillEndsItsFuture() {
        try (Tuner t = ResumeTest.study(new InMemoryStudyStore()).build()) {
            // What a jar replaced under a running JVM does: a class needed at the end cannot load.
            t.subscribe(e -> {
                if (e instanceof TrialEvent.Finished) {
                    throw new NoClassDefFoundError("dev/rungs/engine/StudyResult");
                }
            });
            RunHandle run = t.start(ResumeTest.SQUARE, Budget.trials(3));
            RunFailedException e = assertThrows(RunFailedException.class, () -> {
                if (run.await(Duration.ofSeconds(20)) == null) {
                    throw new AssertionError("the run never ended");
                }
            });
            assertTrue(e.getMessage().contains("NoClassDefFoundError"), e.getMessage());
        }
    }
}
