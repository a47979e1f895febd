package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.store.LineageEntry;
import dev.rungs.store.StoreException;
import dev.rungs.store.StoreFixtures;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.TrialChange;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the SQLite store adds to the contract: a file that outlives the process and is shared. */
class SqliteStudyStoreTest {
    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("rungs.db");
    }

    /**
     * The store trusts the change: it writes the parts a change names, from the snapshot, and
     * leaves every other stored part as it was, even where the snapshot differs. (The engine
     * never hands over such a snapshot; here it shows that nothing is compared.)
     */
    @Test
    void aSaveWritesWhatItsChangeNamesAndLeavesTheRestAsStored() {
        Trial stored;
        Trial snapshot;
        long id;
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            id = s.createStudy("s", Direction.MINIMIZE, "{}", Map.of()).id();
            stored = s.addTrial(id, Trial.running(0, StoreFixtures.mixedConfig(0.01), Map.of("rung", "0", "bracket", "1"),
                    StoreFixtures.T0).withReport(1, 0.9));
            snapshot = stored.withReport(1, 0.1).withReport(2, 0.5).withAttr("rung", "1").withAttr("extra", "x")
                    .withoutAttr("bracket").withValue(0.5).withState(TrialState.COMPLETE, StoreFixtures.T0.plusSeconds(1))
                    .withConfig(StoreFixtures.mixedConfig(0.02), OptionalInt.of(7));

            // a report: the one value, not the changed report at step 1 nor anything else
            s.saveTrial(id, snapshot, TrialChange.report(2));
            Trial expected = stored.withReport(2, 0.5);
            assertEquals(List.of(expected), s.trials(id));

            // attributes: the named keys only, set when the snapshot has them, removed when not
            s.saveTrial(id, snapshot, TrialChange.attrs("extra", "bracket"));
            expected = expected.withAttr("extra", "x").withoutAttr("bracket");
            assertEquals(List.of(expected), s.trials(id));
            assertEquals(StoreFixtures.attrOrder(expected), StoreFixtures.attrOrder(s.trials(id).get(0)));

            // the row: state, value, times and parent, but neither configuration, reports nor attributes
            s.saveTrial(id, snapshot, TrialChange.row());
            expected = new Trial(0, TrialState.COMPLETE, stored.config(), OptionalDouble.of(0.5), expected.intermediate(),
                    expected.attrs(), stored.started(), StoreFixtures.T0.plusSeconds(1), OptionalInt.of(7));
            assertEquals(List.of(expected), s.trials(id));

            // an exploit: the configuration too, in the snapshot's order
            s.saveTrial(id, snapshot, TrialChange.exploit());
            expected = expected.withConfig(snapshot.config(), snapshot.parent());
            assertEquals(List.of(expected), s.trials(id));
            assertEquals(StoreFixtures.configOrder(snapshot), StoreFixtures.configOrder(s.trials(id).get(0)));

            // a step named as reported must be in the snapshot
            Trial last = snapshot;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s.saveTrial(id, last, TrialChange.report(9)));
            assertTrue(e.getMessage().contains("step 9"), e.getMessage());
            assertEquals(List.of(expected), s.trials(id), "the refused save wrote nothing");

            // everything: the snapshot whole, the changed report at step 1 included
            s.saveTrial(id, snapshot, TrialChange.everything());
            assertEquals(List.of(snapshot), s.trials(id));
        }
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            assertEquals(List.of(snapshot), s.trials(id));
            assertEquals(StoreFixtures.attrOrder(snapshot), StoreFixtures.attrOrder(s.trials(id).get(0)));
        }
    }

    @Test
    void newFileHasTheLatestSchemaInWalModeAndCreatesItsFolders() throws Exception {
        Path f = dir.resolve("a/b/c/rungs.db");
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            assertEquals(SqliteStudyStore.latestSchemaVersion(), s.schemaVersion());
            assertFalse(s.isReadOnly());
        }
        // the last connection to close (the writer's) checkpointed the log into the file
        assertFalse(Files.exists(dir.resolve("a/b/c/rungs.db-wal")));
        try (Connection c = FileCheck.connect(f, true, false, 1000); Statement st = c.createStatement()) {
            assertEquals(List.of("checkpoints", "intermediate_values", "leases", "lineage", "schema_version", "studies",
                    "study_provenance", "trial_attrs", "trial_params", "trials"), Schema.tables(c));
            try (ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                List<Integer> v = new ArrayList<>();
                while (rs.next()) {
                    v.add(rs.getInt(1));
                }
                assertEquals(List.of(1, 2, 3), v);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertEquals("wal", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery("PRAGMA application_id")) {
                assertEquals(Schema.APPLICATION_ID, rs.getInt(1));
            }
        }
    }

    @Test
    void reopeningTheFileGivesTheSameData() {
        StudyRecord a;
        StudyRecord b;
        LineageEntry e = new LineageEntry(1, 0, 4, StoreFixtures.mixedConfig(0.1), StoreFixtures.mixedConfig(0.2),
                StoreFixtures.T0);
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            a = s.createStudy("a", Direction.MAXIMIZE, "{\"k\":1}", Map.of("seed", "3"));
            b = s.createStudy("b", Direction.MINIMIZE, "{}", Map.of());
            for (int n = 0; n < 5; n++) {
                s.addTrial(a.id(), StoreFixtures.richTrial(n));
            }
            s.addTrial(b.id(), StoreFixtures.waiting(0));
            s.saveCheckpoint(a.id(), 1, new byte[] {4, 5, 6});
            s.saveLineage(a.id(), e);
            s.setStudyState(a.id(), StudyState.FINISHED);
        }
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            assertEquals(List.of(a.withState(StudyState.FINISHED), b), s.studies());
            List<Trial> expected = new ArrayList<>();
            for (int n = 0; n < 5; n++) {
                expected.add(StoreFixtures.richTrial(n));
            }
            assertEquals(expected, s.trials(a.id()));
            assertEquals(List.of(StoreFixtures.waiting(0)), s.trials(b.id()));
            assertArrayEquals(new byte[] {4, 5, 6}, s.checkpoint(a.id(), 1).orElseThrow());
            assertEquals(List.of(e), s.lineage(a.id()));
            // a trial saved in an earlier session goes on changing correctly
            Trial t = StoreFixtures.richTrial(2).withReport(9, 0.01).withAttr("rung", "2");
            s.saveTrial(a.id(), t, TrialChange.report(9).andAttrs("rung"));
            assertEquals(t, s.trials(a.id()).get(2));
        }
    }

    @Test
    void secondStoreOnTheSameFileReadsWhatTheFirstWritesWhileItIsOpen() {
        try (SqliteStudyStore writer = SqliteStudyStore.open(db());
                SqliteStudyStore other = SqliteStudyStore.open(db());
                SqliteStudyStore viewer = SqliteStudyStore.openReadOnly(db())) {
            StudyRecord s = writer.createStudy("live", Direction.MINIMIZE, "{}", Map.of());
            assertEquals(List.of(s), other.studies());
            assertEquals(List.of(s), viewer.studies());
            Trial t = writer.addTrial(s.id(), Trial.running(0, StoreFixtures.mixedConfig(0.3), Map.of(),
                    StoreFixtures.T0));
            for (long step = 1; step <= 3; step++) {
                t = t.withReport(step, step * 0.5);
                writer.saveTrial(s.id(), t, TrialChange.report(step));
                assertEquals(List.of(t), other.trials(s.id()));
                assertEquals(List.of(t), viewer.trials(s.id()));
            }
            // the other read-write store may write too (another study); both see everything
            StudyRecord s2 = other.createStudy("second", Direction.MAXIMIZE, "{}", Map.of());
            other.addTrial(s2.id(), StoreFixtures.waiting(0));
            assertEquals(List.of(StoreFixtures.waiting(0)), writer.trials(s2.id()));
            assertEquals(2, viewer.studies().size());
            StoreException e = assertThrows(StoreException.class, () -> viewer.addTrial(s.id(),
                    StoreFixtures.waiting(1)));
            assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        }
    }

    /**
     * 8 threads × 625 trials, each trial saved RUNNING, three times with a report, then
     * COMPLETE (25,000 saves), while another thread keeps reading. Nobody sees "database is
     * locked", every trial arrives whole, and the writer shared its commits.
     */
    @Test
    @Timeout(120)
    void manyThreadsSaveAtOnceWithoutLockingErrors() throws Exception {
        int threads = 8;
        int perThread = 625;
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            StudyRecord study = s.createStudy("crowd", Direction.MINIMIZE, "{}", Map.of());
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            Trial t = s.addTrial(study.id(), Trial.running(-1, Config.empty(),
                                    Map.of("worker", Thread.currentThread().getName()), Instant.now()));
                            int n = t.number();
                            next.incrementAndGet();
                            for (long step = 1; step <= 3; step++) {
                                t = t.withReport(step, n + step / 10.0);
                                s.saveTrial(study.id(), t, TrialChange.report(step));
                            }
                            s.saveTrial(study.id(), t.withValue(n).withState(TrialState.COMPLETE, Instant.now()),
                                    TrialChange.row());
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }, "w" + w));
            }
            List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
            Thread reader = new Thread(() -> {
                try {
                    while (!done.get()) {
                        seen.add(s.trials(study.id()).size());
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            workers.forEach(Thread::start);
            reader.start();
            start.countDown();
            for (Thread t : workers) {
                t.join();
            }
            done.set(true);
            reader.join();

            assertTrue(errors.isEmpty(), () -> "errors: " + errors);
            List<Trial> trials = s.trials(study.id());
            assertEquals(threads * perThread, trials.size());
            Set<Integer> numbers = new TreeSet<>();
            for (Trial t : trials) {
                numbers.add(t.number());
                assertEquals(TrialState.COMPLETE, t.state());
                assertEquals(t.number(), t.value().getAsDouble());
                assertEquals(3, t.intermediate().size());
                assertEquals(t.number() + 0.3, t.intermediate().get(3L));
            }
            assertEquals(threads * perThread, numbers.size());
            assertEquals(threads * perThread - 1, ((TreeSet<Integer>) numbers).last());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "a reader never sees trials disappear");
            }
            long[] counts = s.writerCounts();
            assertEquals(1 + threads * perThread * 5L, counts[1]);
            assertTrue(counts[0] < counts[1], "commits were shared: " + counts[0] + " commits for " + counts[1]);
        }
    }

    @Test
    void aBadRequestFailsAloneAndDoesNotTakeItsNeighboursWithIt() throws Exception {
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            StudyRecord study = s.createStudy("base", Direction.MINIMIZE, "{}", Map.of());
            int threads = 8;
            AtomicInteger created = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> ts = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int id = w;
                ts.add(new Thread(() -> {
                    try {
                        start.await();
                        for (int i = 0; i < 20; i++) {
                            s.addTrial(study.id(), StoreFixtures.waiting(id * 100 + i));
                            if (i == 10) {
                                try {
                                    s.createStudy("same name", Direction.MINIMIZE, "{}", Map.of());
                                    created.incrementAndGet();
                                } catch (IllegalArgumentException e) {
                                    refused.incrementAndGet();
                                }
                            }
                        }
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            ts.forEach(Thread::start);
            start.countDown();
            for (Thread t : ts) {
                t.join();
            }
            assertTrue(errors.isEmpty(), () -> "errors: " + errors);
            assertEquals(1, created.get());
            assertEquals(threads - 1, refused.get());
            assertEquals(threads * 20, s.trials(study.id()).size());
        }
    }

    @Test
    void aCallerThatIsInterruptedStillWaitsForItsCommit() {
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            StudyRecord study = s.createStudy("x", Direction.MINIMIZE, "{}", Map.of());
            Thread.currentThread().interrupt();
            try {
                s.addTrial(study.id(), StoreFixtures.richTrial(0));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
            } finally {
                Thread.interrupted();
            }
            assertEquals(List.of(StoreFixtures.richTrial(0)), s.trials(study.id()));
        }
    }

    @Test
    void fullDurabilityWorksTheSame() {
        SqliteStudyStore.Options o = SqliteStudyStore.Options.defaults()
                .withDurability(SqliteStudyStore.Durability.FULL);
        try (SqliteStudyStore s = SqliteStudyStore.open(db(), o)) {
            StudyRecord study = s.createStudy("x", Direction.MINIMIZE, "{}", Map.of());
            s.addTrial(study.id(), StoreFixtures.richTrial(0));
            assertEquals(List.of(StoreFixtures.richTrial(0)), s.trials(study.id()));
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        SqliteStudyStore s = SqliteStudyStore.open(db());
        StudyRecord study = s.createStudy("x", Direction.MINIMIZE, "{}", Map.of());
        s.close();
        s.close(); // twice is harmless
        assertThrows(IllegalStateException.class, () -> s.addTrial(study.id(), StoreFixtures.waiting(0)));
        assertThrows(IllegalStateException.class, s::studies);
    }

    @Test
    void aParameterValueOfAnUnknownTypeIsRefusedWithItsName() {
        try (SqliteStudyStore s = SqliteStudyStore.open(db())) {
            StudyRecord study = s.createStudy("x", Direction.MINIMIZE, "{}", Map.of());
            Trial t = Trial.running(0, new Config(Map.of("when", Instant.EPOCH)), Map.of(), StoreFixtures.T0);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.addTrial(study.id(), t));
            assertTrue(e.getMessage().contains("java.time.Instant"), e.getMessage());
            assertEquals(List.of(), s.trials(study.id()));
        }
    }
}
