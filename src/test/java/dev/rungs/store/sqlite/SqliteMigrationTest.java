package dev.rungs.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.store.LineageEntry;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.TrialChange;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a database written at schema version 1 (the committed fixture, see
 * {@link V1Fixture}): the old studies and trials come through intact, and what version 2 added
 * (checkpoints, lineage) works on the upgraded file. And a database written at version 2 by the
 * Rungs of that time ({@code rungs-v2.db}: a 12-trial Branin study made with
 * {@code rungs run sample-projects/branin-tpe/spec.json --trials 12 --name v2-study --seed 5}),
 * which must gain leases and go on.
 */
class SqliteMigrationTest {
    @TempDir
    Path dir;

    @Test
    void theFixtureReallyIsAVersion1Database() throws Exception {
        Path f = Files2.copyResource(V1Fixture.RESOURCE, dir.resolve("v1.db"));
        try (Connection c = FileCheck.connect(f, true, false, 1000)) {
            assertEquals(1, Schema.version(c));
            assertFalse(Schema.tables(c).contains("checkpoints"));
            assertFalse(Schema.tables(c).contains("lineage"));
        }
    }

    @Test
    void openingAVersion1FileUpgradesItAndKeepsItsTrials() throws Exception {
        Path f = Files2.copyResource(V1Fixture.RESOURCE, dir.resolve("v1.db"));
        StudyRecord study;
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            assertEquals(SqliteStudyStore.latestSchemaVersion(), s.schemaVersion());
            study = s.findStudy(V1Fixture.STUDY).orElseThrow();
            assertEquals(new StudyRecord(1, V1Fixture.STUDY, Direction.MINIMIZE, V1Fixture.SPEC,
                    V1Fixture.PROVENANCE, V1Fixture.CREATED, StudyState.STOPPED), study);
            assertEquals(V1Fixture.trials(), s.trials(study.id()));

            // what version 2 brought works on the upgraded file
            assertEquals(Optional.empty(), s.checkpoint(study.id(), 2));
            s.saveCheckpoint(study.id(), 2, new byte[] {7, 7});
            LineageEntry e = new LineageEntry(2, 0, 3, V1Fixture.trials().get(2).config(),
                    V1Fixture.trials().get(1).config(), Instant.parse("2025-01-03T00:00:00Z"));
            s.saveLineage(study.id(), e);
            // and the old running trial can go on
            Trial resumed = V1Fixture.trials().get(2).withReport(1, 0.4).withValue(0.4)
                    .withState(TrialState.COMPLETE, Instant.parse("2025-01-03T00:00:01Z"));
            s.saveTrial(study.id(), resumed, TrialChange.report(1).and(TrialChange.row()));
            s.setStudyState(study.id(), StudyState.FINISHED);
        }
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            List<Trial> expected = new ArrayList<>(V1Fixture.trials().subList(0, 2));
            expected.add(V1Fixture.trials().get(2).withReport(1, 0.4).withValue(0.4)
                    .withState(TrialState.COMPLETE, Instant.parse("2025-01-03T00:00:01Z")));
            assertEquals(expected, s.trials(study.id()));
            assertArrayEquals(new byte[] {7, 7}, s.checkpoint(study.id(), 2).orElseThrow());
            assertEquals(1, s.lineage(study.id()).size());
            assertEquals(StudyState.FINISHED, s.study(study.id()).orElseThrow().state());
        }
        try (Connection c = FileCheck.connect(f, true, false, 1000); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, description FROM schema_version ORDER BY version")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertEquals("checkpoints and PBT lineage", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            assertEquals("study leases", rs.getString(2));
            assertFalse(rs.next());
        }
    }

    @Test
    void aVersion1FileOpenedReadOnlyIsReadAsItIsAndNotUpgraded() throws Exception {
        Path f = Files2.copyResource(V1Fixture.RESOURCE, dir.resolve("v1.db"));
        String before = Files2.sha256(f);
        try (SqliteStudyStore s = SqliteStudyStore.openReadOnly(f)) {
            assertEquals(1, s.schemaVersion());
            StudyRecord study = s.findStudy(V1Fixture.STUDY).orElseThrow();
            assertEquals(V1Fixture.trials(), s.trials(study.id()));
            assertEquals(Optional.empty(), s.checkpoint(study.id(), 0));
            assertEquals(List.of(), s.lineage(study.id()));
        }
        assertEquals(before, Files2.sha256(f));
    }

    @Test
    void theUpgradedFileLooksLikeANewOne() throws Exception {
        Path old = Files2.copyResource(V1Fixture.RESOURCE, dir.resolve("v1.db"));
        Path fresh = dir.resolve("new.db");
        SqliteStudyStore.open(old).close();
        SqliteStudyStore.open(fresh).close();
        assertEquals(schemaSql(fresh), schemaSql(old));
    }

    private static List<String> schemaSql(Path f) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = FileCheck.connect(f, true, false, 1000); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_schema ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    @Test
    void aVersion2FileWrittenByAnEarlierRungsGainsLeasesAndItsStudyGoesOn() throws Exception {
        Path f = Files2.copyResource("/store/rungs-v2.db", dir.resolve("v2.db"));
        List<Trial> before;
        try (SqliteStudyStore old = SqliteStudyStore.openReadOnly(f)) {
            assertEquals(2, old.schemaVersion());
            assertEquals(Optional.empty(), old.lease(old.findStudy("v2-study").orElseThrow().id()));
            before = old.trials(old.findStudy("v2-study").orElseThrow().id());
        }
        assertEquals(12, before.size());
        assertTrue(before.stream().allMatch(Trial::isComplete));
        try (SqliteStudyStore s = SqliteStudyStore.open(f)) {
            assertEquals(3, s.schemaVersion());
            StudyRecord study = s.findStudy("v2-study").orElseThrow();
            assertEquals(before, s.trials(study.id()));
            dev.rungs.store.Lease l = s.acquireLease(study.id(), dev.rungs.store.LeaseHolder.thisProcess("test"),
                    java.time.Duration.ofSeconds(30));
            Trial next = s.addTrial(study.id(), Trial.running(0, before.get(0).config(), java.util.Map.of(),
                    Instant.now()));
            assertEquals(12, next.number(), "the store numbers on from the old trials");
            s.releaseLease(l);
        }
    }
}
