package dev.rungs.store;

import static dev.rungs.store.StoreFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StudyStore} must do, run against each implementation: whatever the engine
 * saves comes back equal, field by field and type by type.
 */
public abstract class StudyStoreContract {
    protected StudyStore store;

    /** A fresh, empty store. */
    protected abstract StudyStore newStore();

    @BeforeEach
    void open() {
        store = newStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    protected StudyRecord study(String name) {
        return store.createStudy(name, Direction.MINIMIZE, "{}", Map.of());
    }

    // ---- studies ---------------------------------------------------------------------

    @Test
    void createdStudyIsFoundByNameAndIdAndListedOldestFirst() {
        Map<String, String> prov = Map.of("sampler", "RandomSampler", "seed", "7", "rungs", "0.1.0");
        StudyRecord a = store.createStudy("alpha", Direction.MAXIMIZE, "{\"name\":\"alpha\",\"x\":[1,2]}", prov);
        StudyRecord b = study("beta");

        assertEquals("alpha", a.name());
        assertEquals(Direction.MAXIMIZE, a.direction());
        assertEquals("{\"name\":\"alpha\",\"x\":[1,2]}", a.specJson());
        assertEquals(prov, a.provenance());
        assertEquals(StudyState.RUNNING, a.state());
        assertNotEquals(a.id(), b.id());

        assertEquals(Optional.of(a), store.findStudy("alpha"));
        assertEquals(Optional.of(a), store.study(a.id()));
        assertEquals(List.of(a, b), store.studies());
        assertEquals(Optional.empty(), store.findStudy("gamma"));
        assertEquals(Optional.empty(), store.study(a.id() + b.id() + 100));
    }

    @Test
    void duplicateNameIsRejectedAndTheFirstStudyIsKept() {
        StudyRecord a = study("same");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.createStudy("same", Direction.MAXIMIZE, "{}", Map.of()));
        assertTrue(e.getMessage().contains("same"), e.getMessage());
        assertEquals(List.of(a), store.studies());
    }

    @Test
    void studyStateIsRecorded() {
        StudyRecord a = study("s");
        store.setStudyState(a.id(), StudyState.STOPPED);
        assertEquals(StudyState.STOPPED, store.study(a.id()).orElseThrow().state());
        store.setStudyState(a.id(), StudyState.FINISHED);
        assertEquals(a.withState(StudyState.FINISHED), store.findStudy("s").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> store.setStudyState(a.id() + 1000, StudyState.STOPPED));
    }

    @Test
    void deleteRemovesTheStudyWithEverythingItOwnsAndNothingElse() {
        StudyRecord a = study("a");
        StudyRecord b = study("b");
        for (StudyRecord s : List.of(a, b)) {
            store.addTrial(s.id(), StoreFixtures.richTrial(0));
            store.saveCheckpoint(s.id(), 0, new byte[] {1, 2, 3});
            store.saveLineage(s.id(), new LineageEntry(0, 1, 5, StoreFixtures.mixedConfig(0.1),
                    StoreFixtures.mixedConfig(0.2), T0));
        }
        store.deleteStudy(a.id());

        assertEquals(List.of(b), store.studies());
        assertEquals(Optional.empty(), store.findStudy("a"));
        assertEquals(List.of(), store.trials(a.id()));
        assertEquals(Optional.empty(), store.checkpoint(a.id(), 0));
        assertEquals(List.of(), store.lineage(a.id()));
        assertEquals(List.of(StoreFixtures.richTrial(0)), store.trials(b.id()));
        assertTrue(store.checkpoint(b.id(), 0).isPresent());
        assertEquals(1, store.lineage(b.id()).size());

        store.deleteStudy(a.id()); // deleting again is harmless
        StudyRecord again = study("a"); // the name is free again, under a new id
        assertNotEquals(a.id(), again.id());
        assertEquals(List.of(), store.trials(again.id()));
    }

    // ---- trials ----------------------------------------------------------------------

    @Test
    void trialComesBackEqualWithEveryFieldAndType() {
        StudyRecord s = study("s");
        Trial t = StoreFixtures.richTrial(0);
        assertEquals(t, store.addTrial(s.id(), t));

        List<Trial> back = store.trials(s.id());
        assertEquals(List.of(t), back);
        Trial r = back.get(0);
        // record equality is map equality; the order and the Java types matter too
        assertEquals(StoreFixtures.configOrder(t), StoreFixtures.configOrder(r));
        assertEquals(StoreFixtures.attrOrder(t), StoreFixtures.attrOrder(r));
        for (String k : t.config().values().keySet()) {
            assertEquals(t.config().get(k).getClass(), r.config().get(k).getClass(), k);
        }
        assertEquals(T0, r.started()); // nanoseconds kept
        assertEquals(T0.plusSeconds(2).plusNanos(7), r.finished());
        assertEquals(OptionalInt.of(0), r.parent());
        assertTrue(Double.isNaN(r.intermediate().get(3L)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.intermediate().get(5L)));
    }

    @Test
    void trialWithoutValueTimesOrParameters() {
        StudyRecord s = study("s");
        store.addTrial(s.id(), StoreFixtures.waiting(0));
        assertEquals(List.of(StoreFixtures.waiting(0)), store.trials(s.id()));
    }

    @Test
    void trialIsReplacedByNumberThroughItsLife() {
        StudyRecord s = study("s");
        Config c = StoreFixtures.mixedConfig(0.01);
        Trial t = Trial.running(0, c, Map.of("bracket", "0"), T0);
        store.addTrial(s.id(), t);
        assertEquals(List.of(t), store.trials(s.id()));
        for (long step = 1; step <= 5; step++) {
            t = t.withReport(step, 1.0 / step);
            store.saveTrial(s.id(), t, TrialChange.report(step));
            assertEquals(List.of(t), store.trials(s.id()));
        }
        t = t.withAttr(Trial.USER_ATTR_PREFIX + "epochs", "5").withState(TrialState.PAUSED, T0.plusSeconds(1));
        store.saveTrial(s.id(), t, TrialChange.row().andAttrs(Trial.USER_ATTR_PREFIX + "epochs"));
        assertEquals(List.of(t), store.trials(s.id()));
        // a PBT exploit: new configuration, a parent, a changed report
        t = t.withConfig(StoreFixtures.mixedConfig(0.02), OptionalInt.of(3)).withReport(5, 0.15)
                .withState(TrialState.RUNNING, T0.plusSeconds(2));
        store.saveTrial(s.id(), t, TrialChange.exploit().and(TrialChange.report(5)));
        assertEquals(List.of(t), store.trials(s.id()));
        t = t.withValue(0.1).withState(TrialState.COMPLETE, T0.plusSeconds(3));
        store.saveTrial(s.id(), t, TrialChange.row());
        assertEquals(List.of(t), store.trials(s.id()));
        // a finished trial saved again, with reports and attributes taken away
        Trial shrunk = new Trial(0, TrialState.FAIL, Config.empty(), java.util.OptionalDouble.empty(),
                new java.util.TreeMap<>(Map.of(2L, 7.0)), Map.of(Trial.FAIL_REASON, "boom"), T0, T0.plusSeconds(4),
                OptionalInt.empty());
        store.saveTrial(s.id(), shrunk, TrialChange.everything());
        assertEquals(List.of(shrunk), store.trials(s.id()));
    }

    @Test
    void aReportTheTrialDoesNotHoldIsRefusedAndStoresNothing() {
        StudyRecord s = study("s");
        Trial t = store.addTrial(s.id(), Trial.running(0, StoreFixtures.mixedConfig(0.01), Map.of(), T0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.saveTrial(s.id(), t.withReport(1, 0.5).withValue(0.5), TrialChange.report(2)));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        assertEquals(List.of(t), store.trials(s.id()));
    }

    @Test
    void theStoreNumbersAddedTrialsPerStudyWhateverNumberTheyCarry() {
        StudyRecord a = study("a");
        StudyRecord b = study("b");
        List<Trial> added = new java.util.ArrayList<>();
        for (int n : new int[] {7, 3, 9}) {
            added.add(store.addTrial(a.id(), StoreFixtures.richTrial(n)));
        }
        Trial inB = store.addTrial(b.id(), StoreFixtures.waiting(5));
        assertEquals(List.of(0, 1, 2), added.stream().map(Trial::number).toList());
        assertEquals(0, inB.number());
        assertEquals(List.of(StoreFixtures.richTrial(7).withNumber(0), StoreFixtures.richTrial(3).withNumber(1),
                StoreFixtures.richTrial(9).withNumber(2)), store.trials(a.id()));
        assertEquals(List.of(StoreFixtures.waiting(0)), store.trials(b.id()));
    }

    @Test
    void savingATrialThatWasNeverAddedIsRefusedAndStoresNothing() {
        StudyRecord s = study("s");
        store.addTrial(s.id(), StoreFixtures.waiting(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> store.saveTrial(s.id(), StoreFixtures.richTrial(1), TrialChange.everything()));
        assertTrue(e.getMessage().contains("no trial 1"), e.getMessage());
        // whatever the change names, even parts that a missing trial would not fail to write
        for (TrialChange c : List.of(TrialChange.row(), TrialChange.report(2), TrialChange.attrs("rung"),
                TrialChange.attrs("absent"), TrialChange.exploit(), TrialChange.none())) {
            e = assertThrows(IllegalArgumentException.class, () -> store.saveTrial(s.id(), StoreFixtures.richTrial(1), c),
                    c.toString());
            assertTrue(e.getMessage().contains("no trial 1"), e.getMessage());
        }
        assertEquals(List.of(StoreFixtures.waiting(0)), store.trials(s.id()));
    }

    @Test
    void trialOfUnknownStudyIsRejected() {
        StudyRecord a = study("a");
        assertThrows(IllegalArgumentException.class, () -> store.addTrial(a.id() + 1000, StoreFixtures.waiting(0)));
        assertThrows(IllegalArgumentException.class, () -> store.saveTrial(a.id() + 1000, StoreFixtures.waiting(0),
                TrialChange.everything()));
        assertEquals(List.of(), store.trials(a.id() + 1000));
        store.addTrial(a.id(), StoreFixtures.waiting(0)); // the store still works
        assertEquals(1, store.trials(a.id()).size());
    }

    // ---- leases ------------------------------------------------------------------------

    /** A holder that says it runs on this machine under a process id no process has. */
    static LeaseHolder deadHolder() {
        return new LeaseHolder(LeaseHolder.hostName(), Long.MAX_VALUE - 7, null, "rungs run");
    }

    @Test
    void aLiveLeaseIsRefusedToASecondRunnerWithTheHolderNamed() {
        StudyRecord s = study("held");
        LeaseHolder me = LeaseHolder.thisProcess("rungs run");
        Lease l = store.acquireLease(s.id(), me, java.time.Duration.ofSeconds(30));
        assertEquals(Optional.of(l), store.lease(s.id()));
        assertEquals(me, l.holder());

        StudyBusyException e = assertThrows(StudyBusyException.class,
                () -> store.acquireLease(s.id(), LeaseHolder.thisProcess("workbench"), java.time.Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("study 'held'"), e.getMessage());
        assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid()), e.getMessage());
        assertTrue(e.getMessage().contains("host " + LeaseHolder.hostName()), e.getMessage());
        assertTrue(e.getMessage().contains("(rungs run) since "), e.getMessage());
        assertEquals(l, e.lease());
        assertEquals(Optional.of(l), store.lease(s.id()), "the refused runner changed nothing");
    }

    @Test
    void aReleasedLeaseIsFreeAndRenewingMovesTheHeartbeat() throws InterruptedException {
        StudyRecord s = study("s");
        Lease l = store.acquireLease(s.id(), LeaseHolder.thisProcess("library"), java.time.Duration.ofSeconds(30));
        Thread.sleep(5);
        Lease renewed = store.renewLease(l);
        assertTrue(renewed.heartbeat().isAfter(l.heartbeat()));
        assertEquals(Optional.of(renewed), store.lease(s.id()));
        store.releaseLease(renewed);
        assertEquals(Optional.empty(), store.lease(s.id()));
        Lease again = store.acquireLease(s.id(), LeaseHolder.thisProcess("workbench"), java.time.Duration.ofSeconds(30));
        assertNotEquals(l.token(), again.token());
    }

    @Test
    void aLeaseWhoseHolderIsGoneFromThisMachineIsTakenOverAtOnce() {
        StudyRecord s = study("s");
        Lease dead = store.acquireLease(s.id(), deadHolder(), java.time.Duration.ofSeconds(3600));
        assertTrue(dead.isStale(Instant.now()));
        Lease mine = store.acquireLease(s.id(), LeaseHolder.thisProcess("rungs resume"), java.time.Duration.ofSeconds(30));
        assertEquals(Optional.of(mine), store.lease(s.id()));
        // the store now writes the study under its own lease
        store.addTrial(s.id(), StoreFixtures.waiting(0));
        assertEquals(1, store.trials(s.id()).size());
    }

    @Test
    void aLeaseFromAnotherMachineGoesStaleOnlyAfterItsTimeoutAndTheOldHolderLearnsItLostIt()
            throws InterruptedException {
        StudyRecord s = study("s");
        LeaseHolder elsewhere = new LeaseHolder("another-host.example", 4242, null, "rungs run");
        Lease theirs = store.acquireLease(s.id(), elsewhere, java.time.Duration.ofSeconds(1));
        assertThrows(StudyBusyException.class,
                () -> store.acquireLease(s.id(), LeaseHolder.thisProcess("rungs resume"), java.time.Duration.ofSeconds(30)));
        Thread.sleep(1200);
        Lease mine = store.acquireLease(s.id(), LeaseHolder.thisProcess("rungs resume"), java.time.Duration.ofSeconds(30));
        assertEquals(Optional.of(mine), store.lease(s.id()));
        LeaseLostException lost = assertThrows(LeaseLostException.class, () -> store.renewLease(theirs));
        assertTrue(lost.getMessage().contains("study 's'"), lost.getMessage());
        store.releaseLease(theirs); // the old holder's release does not free the new holder's lease
        assertEquals(Optional.of(mine), store.lease(s.id()));
    }

    // ---- checkpoints and lineage ------------------------------------------------------

    @Test
    void checkpointIsKeptPerTrialAndReplaced() {
        StudyRecord s = study("s");
        assertEquals(Optional.empty(), store.checkpoint(s.id(), 0));
        byte[] big = new byte[1 << 20];
        new java.util.Random(1).nextBytes(big);
        store.saveCheckpoint(s.id(), 0, new byte[] {1, 2, 3});
        store.saveCheckpoint(s.id(), 1, big);
        assertArrayEquals(new byte[] {1, 2, 3}, store.checkpoint(s.id(), 0).orElseThrow());
        assertArrayEquals(big, store.checkpoint(s.id(), 1).orElseThrow());

        store.saveCheckpoint(s.id(), 0, new byte[] {9});
        byte[] back = store.checkpoint(s.id(), 0).orElseThrow();
        assertArrayEquals(new byte[] {9}, back);
        back[0] = 42; // the caller's copy is its own
        assertArrayEquals(new byte[] {9}, store.checkpoint(s.id(), 0).orElseThrow());
        assertArrayEquals(new byte[0], saveAndRead(s, 2, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> store.saveCheckpoint(s.id() + 1000, 0, new byte[] {1}));
    }

    private byte[] saveAndRead(StudyRecord s, int n, byte[] state) {
        store.saveCheckpoint(s.id(), n, state);
        return store.checkpoint(s.id(), n).orElseThrow();
    }

    @Test
    void lineageKeepsExploitsInOrderWithTheirConfigurations() {
        StudyRecord s = study("s");
        StudyRecord other = study("other");
        LineageEntry e1 = new LineageEntry(3, 1, 10, StoreFixtures.mixedConfig(0.1), StoreFixtures.mixedConfig(0.125),
                T0);
        LineageEntry e2 = new LineageEntry(1, 3, 20, StoreFixtures.mixedConfig(0.125), Config.empty(),
                Instant.parse("2024-05-01T12:00:05Z"));
        store.saveLineage(s.id(), e1);
        store.saveLineage(other.id(), e2);
        store.saveLineage(s.id(), e2);

        List<LineageEntry> back = store.lineage(s.id());
        assertEquals(List.of(e1, e2), back);
        assertEquals(List.copyOf(e1.newConfig().values().entrySet()),
                List.copyOf(back.get(0).newConfig().values().entrySet()));
        for (String k : e1.oldConfig().values().keySet()) {
            assertEquals(e1.oldConfig().get(k).getClass(), back.get(0).oldConfig().get(k).getClass(), k);
        }
        assertEquals(List.of(e2), store.lineage(other.id()));
        assertThrows(IllegalArgumentException.class, () -> store.saveLineage(s.id() + 1000, e1));
    }
}
