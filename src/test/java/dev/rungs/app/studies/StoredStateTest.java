package dev.rungs.app.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.study.Direction;
import dev.rungs.store.StudyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one place that tells running elsewhere from stopped and finished, from a record and a lease. */
class StoredStateTest {
    static final Instant NOW = Instant.parse("2026-12-02T03:00:10Z");
    static final LeaseHolder SELF = new LeaseHolder("here.example", 100, Instant.parse("2026-12-02T01:00:00Z"),
            StoredState.RUNNER);
    static final LeaseHolder OTHER = new LeaseHolder("elsewhere.example", 4242, null, "rungs run");

    static StudyRecord record(dev.rungs.store.StudyState state) {
        return new StudyRecord(7, "branin", Direction.MINIMIZE, "{}", Map.of(), NOW.minusSeconds(3600), state);
    }

    static Optional<Lease> lease(LeaseHolder holder, Instant heartbeat) {
        return Optional.of(new Lease(7, "token", holder, Instant.parse("2026-12-02T03:00:00Z"), heartbeat,
                Duration.ofSeconds(30)));
    }

    @Test
    void aLiveLeaseOfAnotherRunnerIsRunningElsewhereWhateverTheRecordSays() {
        for (dev.rungs.store.StudyState recorded : dev.rungs.store.StudyState.values()) {
            StoredState s = StoredState.of(record(recorded), lease(OTHER, NOW.minusSeconds(5)), SELF, NOW);
            assertEquals(StudyState.RUNNING_ELSEWHERE, s.state(), recorded.toString());
            assertEquals(OTHER, s.elsewhere().orElseThrow().holder());
        }
        assertEquals("running elsewhere", StudyState.RUNNING_ELSEWHERE.label());
    }

    @Test
    void aStaleLeaseIsARunThatDiedSoTheStudyIsStoppedOrFinished() {
        Optional<Lease> stale = lease(OTHER, NOW.minusSeconds(31));
        assertEquals(new StoredState(StudyState.STOPPED, Optional.empty()),
                StoredState.of(record(dev.rungs.store.StudyState.RUNNING), stale, SELF, NOW));
        assertEquals(new StoredState(StudyState.FINISHED, Optional.empty()),
                StoredState.of(record(dev.rungs.store.StudyState.FINISHED), stale, SELF, NOW));
    }

    @Test
    void thisWindowsOwnLeaseAndNoLeaseAreNotElsewhere() {
        assertEquals(StudyState.STOPPED, StoredState.of(record(dev.rungs.store.StudyState.RUNNING),
                lease(SELF, NOW), SELF, NOW).state());
        assertEquals(StudyState.STOPPED, StoredState.of(record(dev.rungs.store.StudyState.STOPPED),
                Optional.empty(), SELF, NOW).state());
        // The same process running the study as a library is another runner, not this window.
        LeaseHolder library = new LeaseHolder(SELF.host(), SELF.pid(), SELF.processStart(), "library");
        assertEquals(StudyState.RUNNING_ELSEWHERE, StoredState.of(record(dev.rungs.store.StudyState.RUNNING),
                lease(library, NOW), SELF, NOW).state());
    }

    @Test
    void theRefusalNamesTheHolder() {
        ErrorReport r = StoredState.refusal("branin", lease(OTHER, NOW).orElseThrow());
        assertEquals("Cannot resume branin", r.heading());
        assertTrue(r.message().contains("process 4242 on host elsewhere.example (rungs run) since 2026-12-02 03:00:00 UTC"),
                r.message());
        assertEquals("Running elsewhere: process 4242 on host elsewhere.example (rungs run) since 2026-12-02 03:00:00 UTC",
                StoredState.hint(lease(OTHER, NOW).orElseThrow()));
    }

    @Test
    void aLeaseComesExactlyWithRunningElsewhere() {
        assertThrows(IllegalArgumentException.class, () -> new StoredState(StudyState.RUNNING_ELSEWHERE, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new StoredState(StudyState.STOPPED, lease(OTHER, NOW)));
    }
}
