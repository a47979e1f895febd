package dev.rungs.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection with its prepared statements kept, so the SQL of a hot path (a trial saved
 * on every report) is compiled once. Not thread-safe: one owner thread at a time.
 */
final class Statements implements AutoCloseable {
    final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /**
     * The prepared statement for {@code sql}. Parameters are not cleared (a call into SQLite
     * per statement): every caller binds all of them.
     */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement p = prepared.get(sql);
        if (p == null) {
            p = connection.prepareStatement(sql);
            prepared.put(sql, p);
        }
        return p;
    }

    /** Runs SQL without parameters or results (BEGIN, COMMIT, PRAGMA …), prepared once. */
    void exec(String sql) throws SQLException {
        get(sql).execute();
    }

    /** Runs SQL once without keeping it prepared (a PRAGMA at open). */
    void execOnce(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Rolls back the open transaction, if any. The driver cannot tell whether a manual BEGIN is
     * still open (SQLite ends it by itself after SQLITE_FULL or an I/O error), so this tries and
     * ignores "no transaction is active".
     */
    void rollbackQuietly() {
        try {
            exec("ROLLBACK");
        } catch (SQLException ignored) {
            // nothing left to undo
        }
    }

    @Override
    public void close() {
        for (PreparedStatement p : prepared.values()) {
            try {
                p.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        prepared.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with a connection that will not close
        }
    }
}
