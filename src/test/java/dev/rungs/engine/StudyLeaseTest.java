package dev.rungs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.Objective;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.Trial;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One runner per study, as the engine keeps it: a Tuner holds the study's lease from build to
 * close, renews it while trials run, and stops if another runner takes the study over.
 */
@Timeout(60)
class StudyLeaseTest {
    @TempDir
    Path dir;

    TunerBuilder study(SqliteStudyStore store) {
        return ResumeTest.study(store).runner("rungs run");
    }

    @Test
    void aSecondRunnerOfAHeldStudyIsRefusedWithTheHolderNamedAndMayRunItOnceItIsFree() {
        Path f = dir.resolve("s.db");
        try (SqliteStudyStore a = SqliteStudyStore.open(f); SqliteStudyStore b = SqliteStudyStore.open(f)) {
            Tuner first = study(a).build();
            first.optimize(ResumeTest.SQUARE, Budget.trials(5));
            StudyBusyException e = assertThrows(StudyBusyException.class,
                    () -> study(b).runner("rungs resume").resume().build());
            assertTrue(e.getMessage().contains("study 's' is being run by process " + ProcessHandle.current().pid()
                    + " on host " + LeaseHolder.hostName() + " (rungs run) since "), e.getMessage());
            assertEquals(5, b.trials(first.study().id()).size(), "the refused runner marked nothing");

            first.close();
            assertEquals(Optional.empty(), b.lease(first.study().id()), "closing gave the lease up");
            try (Tuner second = study(b).resume().build()) {
                StudyResult r = second.optimize(ResumeTest.SQUARE, Budget.trials(8));
                assertEquals(8, r.count(dev.rungs.study.TrialState.COMPLETE));
            }
        }
    }

    @Test
    void theHeartbeatKeepsTheLeaseLiveThroughATrialLongerThanTheTimeout() throws Exception {
        Path f = dir.resolve("s.db");
        Objective slow = (c, ctx) -> {
            Thread.sleep(2500);
            return 1.0;
        };
        try (SqliteStudyStore a = SqliteStudyStore.open(f); SqliteStudyStore b = SqliteStudyStore.open(f);
                Tuner t = study(a).leaseTimeout(Duration.ofSeconds(1)).build()) {
            RunHandle run = t.start(slow, Budget.trials(1));
            Thread.sleep(2000); // twice the timeout, mid-trial
            assertThrows(StudyBusyException.class, () -> b.acquireLease(t.study().id(),
                    LeaseHolder.thisProcess("other"), Duration.ofSeconds(30)));
            assertEquals(1, run.await().count(dev.rungs.study.TrialState.COMPLETE));
        }
    }

    @Test
    void aRunnerWhoseStudyWasTakenOverStopsAndSaysSo() throws Exception {
        Path f = dir.resolve("s.db");
        Objective slow = (c, ctx) -> {
            Thread.sleep(100);
            return 1.0;
        };
        try (SqliteStudyStore a = SqliteStudyStore.open(f);
                Tuner t = study(a).leaseTimeout(Duration.ofSeconds(1)).build()) {
            RunHandle run = t.start(slow, Budget.trials(1000));
            Thread.sleep(500);
            // What a runner elsewhere does after this one froze past its timeout: a new lease row.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("UPDATE leases SET token = 'theirs', host = 'elsewhere.example', pid = 9,"
                        + " runner = 'rungs resume' WHERE study_id = " + t.study().id());
            }
            RunFailedException e = assertThrows(RunFailedException.class, run::await);
            assertTrue(e.getMessage().contains("lost study 's' to process 9 on host elsewhere.example"),
                    e.getMessage());
            int stored = a.trials(t.study().id()).size();
            Thread.sleep(400);
            assertEquals(stored, a.trials(t.study().id()).size(), "no trial was written after the takeover");
            assertTrue(stored < 1000);
        }
    }

    @Test
    void aStudyWhoseFirstTrialsAllFailTheSameWayStopsWithTheReason() {
        Objective broken = (c, ctx) -> {
            throw new java.io.FileNotFoundException("train.py");
        };
        try (SqliteStudyStore a = SqliteStudyStore.open(dir.resolve("s.db")); Tuner t = study(a).build()) {
            StudyResult r = t.optimize(broken, Budget.trials(50));
            assertTrue(r.failed());
            assertEquals("the first 5 trials all failed: train.py", r.failure().orElseThrow());
            assertEquals(5, r.trials().size(), "no budget was burnt past the fifth failure");
            StudyRecord s = a.findStudy("s").orElseThrow();
            assertEquals(dev.rungs.store.StudyState.STOPPED, s.state(), "resumable once the cause is fixed");
        }
    }

    @Test
    void failuresAfterASuccessDoNotStopTheStudy() {
        Objective flaky = (c, ctx) -> {
            if (ctx.trialNumber() > 0) {
                throw new IllegalStateException("out of memory");
            }
            return 1.0;
        };
        try (SqliteStudyStore a = SqliteStudyStore.open(dir.resolve("s.db")); Tuner t = study(a).build()) {
            StudyResult r = t.optimize(flaky, Budget.trials(12));
            assertTrue(!r.failed());
            assertEquals(12, r.trials().size());
            assertEquals(11, r.count(dev.rungs.study.TrialState.FAIL));
        }
    }

    @Test
    void aFullDiskEndsTheRunInOneLineAndTheStudyResumesToItsBudgetWithNothingLost() {
        Path f = dir.resolve("full.db");
        SqliteStudyStore.open(f).close();
        long pages = 0;
        try {
            pages = java.nio.file.Files.size(f) / 4096;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        java.util.List<Trial> beforeFull;
        try (SqliteStudyStore capped = SqliteStudyStore.open(f,
                SqliteStudyStore.Options.defaults().withMaxPages(pages + 12));
                Tuner t = study(capped).build()) {
            RunFailedException e = assertThrows(RunFailedException.class,
                    () -> t.optimize(ResumeTest.SQUARE, Budget.trials(5000)));
            assertTrue(e.getMessage().startsWith("the disk is full"), e.getMessage());
            assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line");
            beforeFull = capped.trials(t.study().id());
            assertEquals(dev.rungs.store.StudyState.STOPPED, capped.study(t.study().id()).orElseThrow().state());
        }
        assertTrue(beforeFull.size() > 10 && beforeFull.size() < 5000, "filled up part way: " + beforeFull.size());
        try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(f)) {
            assertEquals(Optional.empty(), s.lease(s.findStudy("s").orElseThrow().id()), "the lease was given up");
        }
        try (SqliteStudyStore roomy = SqliteStudyStore.open(f); Tuner t = study(roomy).resume().build()) {
            StudyResult r = t.optimize(ResumeTest.SQUARE, Budget.trials(beforeFull.size() + 20));
            for (Trial done : beforeFull) {
                if (done.isComplete()) {
                    assertEquals(done, r.trials().get(done.number()), "completed before the disk filled: intact");
                }
            }
            for (Trial x : r.trials()) {
                if (x.isComplete()) {
                    double v = x.config().getDouble("x");
                    assertEquals(v * v, x.value().getAsDouble(), "every stored value is its own config's");
                }
            }
            assertEquals(beforeFull.size() + 20, r.trials().stream().filter(x -> !Tuner.isInterrupted(x)).count());
        }
    }
}
