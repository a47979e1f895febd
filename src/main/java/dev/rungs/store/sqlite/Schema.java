package dev.rungs.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The database schema as a list of forward migrations. A database records every migration
 * applied to it in {@code schema_version}; opening one applies the missing steps in order, all
 * inside one transaction, so a crash or a full disk leaves it at its old version, never half
 * upgraded. Steps are never edited once released: a change of schema is a new step, and the
 * database it upgrades is kept as a test fixture (src/test/resources/store/).
 *
 * <p>Conventions, chosen so that values come back exactly as they went in:
 * <ul>
 *   <li>instants are INTEGER nanoseconds since the epoch (exact, sortable, 1677–2262);</li>
 *   <li>doubles go in columns without a declared type: a REAL-affinity column stores a
 *       whole number as an integer and so turns -0.0 into 0. NaN, which SQLite would turn
 *       into NULL, is stored as the text {@code 'NaN'}; infinities are ordinary REALs;</li>
 *   <li>a parameter value keeps a type tag next to it ({@link Values}), so 3, 3L, 3.0 and "3"
 *       stay different;</li>
 *   <li>enums are stored by name, without CHECK constraints, so that a new state only
 *       needs new code, not a table rebuild.</li>
 * </ul>
 */
final class Schema {
    /** Marks a file as a Rungs database in its header ("Rung"), next to {@code schema_version}. */
    static final int APPLICATION_ID = 0x52756E67;

    /** One step: the statements that take a database from {@code version - 1} to {@code version}. */
    record Migration(int version, String description, List<String> statements) {
    }

    /** Version 1: studies and trials with everything a trial records. */
    static final Migration V1 = new Migration(1, "studies, provenance, trials, params, intermediate values, attrs",
            List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE schema_version (
                        version     INTEGER PRIMARY KEY,
                        applied     INTEGER NOT NULL,  -- epoch nanos
                        description TEXT NOT NULL
                    )""",
                    // AUTOINCREMENT: an id is never reused after a delete, so a window still
                    // holding the id of a deleted study cannot write into a newer one.
                    """
                    CREATE TABLE studies (
                        id        INTEGER PRIMARY KEY AUTOINCREMENT,
                        name      TEXT NOT NULL UNIQUE,
                        direction TEXT NOT NULL,
                        spec_json TEXT NOT NULL,
                        state     TEXT NOT NULL,
                        created   INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE study_provenance (
                        study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
                        key      TEXT NOT NULL,
                        value    TEXT NOT NULL,
                        PRIMARY KEY (study_id, key)
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE trials (
                        study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
                        number   INTEGER NOT NULL,
                        state    TEXT NOT NULL,
                        value,             -- REAL, or 'NaN'; see the class comment
                        started  INTEGER,
                        finished INTEGER,
                        parent   INTEGER,
                        PRIMARY KEY (study_id, number)
                    ) WITHOUT ROWID""",
                    // value has no declared type (no affinity), so SQLite keeps the storage
                    // class it is given: REAL, INTEGER or TEXT as the tag says.
                    """
                    CREATE TABLE trial_params (
                        study_id INTEGER NOT NULL,
                        number   INTEGER NOT NULL,
                        position INTEGER NOT NULL,
                        name     TEXT NOT NULL,
                        type     TEXT NOT NULL,
                        value    NOT NULL,
                        PRIMARY KEY (study_id, number, name),
                        FOREIGN KEY (study_id, number) REFERENCES trials(study_id, number) ON DELETE CASCADE
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE intermediate_values (
                        study_id INTEGER NOT NULL,
                        number   INTEGER NOT NULL,
                        step     INTEGER NOT NULL,
                        value,
                        PRIMARY KEY (study_id, number, step),
                        FOREIGN KEY (study_id, number) REFERENCES trials(study_id, number) ON DELETE CASCADE
                    ) WITHOUT ROWID""",
                    """
                    CREATE TABLE trial_attrs (
                        study_id INTEGER NOT NULL,
                        number   INTEGER NOT NULL,
                        key      TEXT NOT NULL,
                        position INTEGER NOT NULL,
                        value    TEXT NOT NULL,
                        PRIMARY KEY (study_id, number, key),
                        FOREIGN KEY (study_id, number) REFERENCES trials(study_id, number) ON DELETE CASCADE
                    ) WITHOUT ROWID"""));

    /**
     * Version 2: PBT. Checkpoints hang on the study, not on a trial row, because the store
     * contract accepts a checkpoint for any trial number of a study (as the in-memory store
     * does); they live in a rowid table (not WITHOUT ROWID) because they are large blobs.
     * Lineage is ordered by {@code seq}, counted per study.
     */
    static final Migration V2 = new Migration(2, "checkpoints and PBT lineage", List.of(
            """
            CREATE TABLE checkpoints (
                study_id INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
                number   INTEGER NOT NULL,
                state    BLOB NOT NULL,
                saved    INTEGER NOT NULL,
                PRIMARY KEY (study_id, number)
            )""",
            """
            CREATE TABLE lineage (
                study_id   INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
                seq        INTEGER NOT NULL,
                trial      INTEGER NOT NULL,
                donor      INTEGER NOT NULL,
                step       INTEGER NOT NULL,
                old_config TEXT NOT NULL,  -- JSON, see Values.configToJson
                new_config TEXT NOT NULL,
                at         INTEGER NOT NULL,
                PRIMARY KEY (study_id, seq)
            )"""));

    /**
     * Version 3: one runner per study. A study has at most one lease row; its holder renews
     * {@code heartbeat}, and the row says how old the heartbeat may get ({@code timeout_ms}), so
     * any reader can tell a live lease from a stale one without knowing the holder's settings.
     */
    static final Migration V3 = new Migration(3, "study leases", List.of(
            """
            CREATE TABLE leases (
                study_id      INTEGER PRIMARY KEY REFERENCES studies(id) ON DELETE CASCADE,
                token         TEXT NOT NULL,
                host          TEXT NOT NULL,
                pid           INTEGER NOT NULL,
                process_start INTEGER,            -- epoch nanos, NULL if the OS did not say
                runner        TEXT NOT NULL,
                since         INTEGER NOT NULL,   -- epoch nanos
                heartbeat     INTEGER NOT NULL,   -- epoch nanos
                timeout_ms    INTEGER NOT NULL
            )"""));

    /** Every migration, oldest first; the last one's version is what this code writes. */
    static final List<Migration> MIGRATIONS = List.of(V1, V2, V3);

    /** The newest schema version this code knows. */
    static final int LATEST = MIGRATIONS.get(MIGRATIONS.size() - 1).version();

    private Schema() {
    }

    /** The database's schema version; 0 when it has no {@code schema_version} table yet. */
    static int version(Connection c) throws SQLException {
        if (!tables(c).contains("schema_version")) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(version) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Names of the tables in the database, SQLite's own left out. */
    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                        + "ORDER BY name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Brings the database up to {@code target}, applying missing steps in one IMMEDIATE
     * transaction (which also makes a second process opening the same new file wait, then see
     * the steps already applied). Returns the version it found.
     *
     * @throws NewerSchemaException if the database is already past {@code target}
     */
    static int migrate(Connection c, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int found = version(c);
                if (found > target) {
                    throw new NewerSchemaException(found);
                }
                for (Migration m : MIGRATIONS) {
                    if (m.version() > found && m.version() <= target) {
                        for (String sql : m.statements()) {
                            s.execute(sql);
                        }
                        try (PreparedStatement p = c.prepareStatement(
                                "INSERT INTO schema_version (version, applied, description) VALUES (?, ?, ?)")) {
                            p.setInt(1, m.version());
                            p.setLong(2, Values.nanos(Instant.now()));
                            p.setString(3, m.description());
                            p.executeUpdate();
                        }
                    }
                }
                s.execute("COMMIT");
                return found;
            } catch (SQLException | RuntimeException e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // SQLite may already have rolled back (e.g. on SQLITE_FULL); the first error matters
                }
                throw e;
            }
        }
    }

    /** The database was written by a newer Rungs than this one. */
    static final class NewerSchemaException extends SQLException {
        private static final long serialVersionUID = 1L;
        final int found;

        NewerSchemaException(int found) {
            super("schema version " + found);
            this.found = found;
        }
    }
}
