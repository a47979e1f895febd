package dev.rungs.store.sqlite;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Reads and writes the {@code leases} table (schema version 3). */
final class LeaseRows {
    private LeaseRows() {
    }

    /** The study's lease row, or null. */
    static Lease find(Statements st, long studyId) throws SQLException {
        PreparedStatement p = st.get("SELECT token, host, pid, process_start, runner, since, heartbeat, timeout_ms"
                + " FROM leases WHERE study_id = ?");
        p.setLong(1, studyId);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            long start = rs.getLong(4);
            LeaseHolder holder = new LeaseHolder(rs.getString(2), rs.getLong(3),
                    rs.wasNull() ? null : Values.instant(start), rs.getString(5));
            return new Lease(studyId, rs.getString(1), holder, Values.instant(rs.getLong(6)),
                    Values.instant(rs.getLong(7)), Duration.ofMillis(rs.getLong(8)));
        }
    }

    /** Writes {@code l} as the study's lease, replacing any row there. */
    static void put(Statements st, Lease l) throws SQLException {
        PreparedStatement p = st.get("INSERT OR REPLACE INTO leases (study_id, token, host, pid, process_start, runner,"
                + " since, heartbeat, timeout_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        p.setLong(1, l.studyId());
        p.setString(2, l.token());
        p.setString(3, l.holder().host());
        p.setLong(4, l.holder().pid());
        Values.bindInstant(p, 5, l.holder().processStart());
        p.setString(6, l.holder().runner());
        p.setLong(7, Values.nanos(l.since()));
        p.setLong(8, Values.nanos(l.heartbeat()));
        p.setLong(9, l.timeout().toMillis());
        p.executeUpdate();
    }

    /** Removes the study's lease if it still has {@code token}. */
    static void delete(Statements st, long studyId, String token) throws SQLException {
        PreparedStatement p = st.get("DELETE FROM leases WHERE study_id = ? AND token = ?");
        p.setLong(1, studyId);
        p.setString(2, token);
        p.executeUpdate();
    }
}
