package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.LeaseLostException;
import dev.rungs.store.StoreFixtures;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.TrialChange;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases across two stores on one file, as two processes see it: the holder's writes go in,
 * everyone else's are refused inside their own transaction, and a takeover fences the old holder
 * out.
 */
class SqliteLeaseTest {
    @TempDir
    Path dir;

    @Test
    void whileOneStoreHoldsAStudyAnotherCanReadItButNotWriteOrDeleteIt() {
        Path f = dir.resolve("two.db");
        try (SqliteStudyStore holder = SqliteStudyStore.open(f); SqliteStudyStore other = SqliteStudyStore.open(f)) {
            StudyRecord s = holder.createStudy("held", Direction.MINIMIZE, "{}", Map.of());
            Lease l = holder.acquireLease(s.id(), LeaseHolder.thisProcess("rungs run"), Duration.ofSeconds(30));
            Trial t = holder.addTrial(s.id(), StoreFixtures.richTrial(0));

            assertEquals(Optional.of(l), other.lease(s.id()));
            assertEquals(List.of(t), other.trials(s.id()));
            for (Runnable write : List.<Runnable>of(
                    () -> other.addTrial(s.id(), StoreFixtures.waiting(1)),
                    () -> other.saveTrial(s.id(), t.withValue(99), TrialChange.row()),
                    () -> other.saveCheckpoint(s.id(), 0, new byte[] {1}),
                    () -> other.setStudyState(s.id(), StudyState.STOPPED),
                    () -> other.deleteStudy(s.id()))) {
                StudyBusyException e = assertThrows(StudyBusyException.class, write::run);
                assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
            }
            assertEquals(List.of(t), holder.trials(s.id()), "nothing the other store tried went in");
            assertEquals(Optional.empty(), holder.checkpoint(s.id(), 0));
            assertEquals(StudyState.RUNNING, holder.study(s.id()).orElseThrow().state());

            holder.releaseLease(l);
            other.saveTrial(s.id(), t.withValue(1), TrialChange.row()); // free again: anyone may write
            assertEquals(1.0, holder.trials(s.id()).get(0).value().getAsDouble());
        }
    }

    @Test
    void afterATakeoverTheOldHolderIsFencedOutOfEveryWrite() throws InterruptedException {
        Path f = dir.resolve("takeover.db");
        try (SqliteStudyStore first = SqliteStudyStore.open(f); SqliteStudyStore second = SqliteStudyStore.open(f)) {
            StudyRecord s = first.createStudy("s", Direction.MINIMIZE, "{}", Map.of());
            // the first holder claims to live on another machine, so only its heartbeat can keep it
            first.acquireLease(s.id(), new LeaseHolder("elsewhere.example", 77, null, "rungs run"),
                    Duration.ofSeconds(1));
            Trial t = first.addTrial(s.id(), StoreFixtures.waiting(0));
            Thread.sleep(1200); // no heartbeat: stale
            second.acquireLease(s.id(), LeaseHolder.thisProcess("rungs resume"), Duration.ofSeconds(30));
            LeaseLostException lost = assertThrows(LeaseLostException.class,
                    () -> first.saveTrial(s.id(), t.withValue(5), TrialChange.row()));
            assertTrue(lost.getMessage().contains("rungs resume"), lost.getMessage());
            // and it stays out: it no longer holds anything, and the new holder is live
            assertThrows(StudyBusyException.class, () -> first.addTrial(s.id(), StoreFixtures.waiting(1)));
            assertEquals(List.of(t), second.trials(s.id()));
        }
    }
}
