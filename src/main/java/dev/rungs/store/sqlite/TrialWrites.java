package dev.rungs.store.sqlite;

import dev.rungs.study.Trial;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Writes a trial as the difference from its last saved version. The engine saves a trial on
 * every report, so rewriting a trial with all its intermediate values each time would make a
 * long trial cost quadratic time; instead a report inserts one row and updates the trial row.
 * Parameters are rewritten only when the configuration changed (a PBT exploit).
 */
final class TrialWrites {
    // No ON CONFLICT clause: a number the study has already is an error, never an overwrite.
    private static final String INSERT_TRIAL = "INSERT INTO trials (study_id, number, state, value, started, finished,"
            + " parent) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String NEXT_NUMBER = "SELECT coalesce(max(number) + 1, 0) FROM trials WHERE study_id = ?";
    private static final String UPDATE_TRIAL = "UPDATE trials SET state = ?, value = ?, started = ?, finished = ?,"
            + " parent = ? WHERE study_id = ? AND number = ?";
    private static final String DELETE_PARAMS = "DELETE FROM trial_params WHERE study_id = ? AND number = ?";
    private static final String INSERT_PARAM = "INSERT INTO trial_params (study_id, number, position, name, type, value)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_VALUE = "INSERT INTO intermediate_values (study_id, number, step, value)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value";
    private static final String DELETE_VALUE = "DELETE FROM intermediate_values WHERE study_id = ? AND number = ?"
            + " AND step = ?";
    private static final String UPSERT_ATTR = "INSERT INTO trial_attrs (study_id, number, key, position, value)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (study_id, number, key) DO UPDATE SET value = excluded.value";
    private static final String DELETE_ATTR = "DELETE FROM trial_attrs WHERE study_id = ? AND number = ? AND key = ?";
    private static final String NEXT_ATTR_POSITION = "SELECT coalesce(max(position) + 1, 0) FROM trial_attrs"
            + " WHERE study_id = ? AND number = ?";

    private TrialWrites() {
    }

    /**
     * Inserts {@code t} as the study's next trial inside the writer's open transaction (which
     * holds SQLite's write lock, so no other process can take the same number in between) and
     * returns it with the number it got.
     */
    static Trial insert(Writer w, long studyId, Trial trial) throws SQLException {
        Statements st = w.st;
        PreparedStatement n = st.get(NEXT_NUMBER);
        n.setLong(1, studyId);
        int number;
        try (ResultSet rs = n.executeQuery()) {
            rs.next();
            number = rs.getInt(1);
        }
        Trial t = trial.withNumber(number);
        PreparedStatement p = st.get(INSERT_TRIAL);
        p.setLong(1, studyId);
        p.setInt(2, number);
        bindRow(p, 3, t);
        p.executeUpdate();
        writeParams(st, studyId, t);
        for (Map.Entry<Long, Double> e : t.intermediate().entrySet()) {
            upsertValue(st, studyId, number, e.getKey(), e.getValue());
        }
        int position = 0;
        for (Map.Entry<String, String> e : t.attrs().entrySet()) {
            upsertAttr(st, studyId, number, e.getKey(), position++, e.getValue());
        }
        w.stageTrial(studyId, t);
        return t;
    }

    /**
     * Saves a change of a stored trial inside the writer's open transaction.
     *
     * @throws IllegalArgumentException if the study has no trial of that number
     */
    static void update(Writer w, long studyId, Trial t) throws SQLException {
        Statements st = w.st;
        Trial before = w.remembered(studyId, t.number());
        if (before == null) {
            // Not remembered: saved by an earlier session, or finished and forgotten.
            before = TrialRows.one(st, studyId, t.number());
            if (before == null) {
                throw new IllegalArgumentException("study " + studyId + " has no trial " + t.number()
                        + " to save; new trials are added with addTrial");
            }
        }
        if (rowChanged(before, t)) {
            PreparedStatement p = st.get(UPDATE_TRIAL);
            bindRow(p, 1, t);
            p.setLong(6, studyId);
            p.setInt(7, t.number());
            p.executeUpdate();
        }
        if (!sameInOrder(before.config().values(), t.config().values())) {
            PreparedStatement d = st.get(DELETE_PARAMS);
            d.setLong(1, studyId);
            d.setInt(2, t.number());
            d.executeUpdate();
            writeParams(st, studyId, t);
        }
        writeIntermediateChanges(st, studyId, t.number(), before.intermediate(), t.intermediate());
        for (String key : before.attrs().keySet()) {
            if (!t.attrs().containsKey(key)) {
                PreparedStatement d = st.get(DELETE_ATTR);
                d.setLong(1, studyId);
                d.setInt(2, t.number());
                d.setString(3, key);
                d.executeUpdate();
            }
        }
        long next = -1;
        for (Map.Entry<String, String> e : t.attrs().entrySet()) {
            String old = before.attrs().get(e.getKey());
            if (!Objects.equals(e.getValue(), old)) {
                if (next < 0) {
                    // new keys go after the existing ones, keeping the trial's attribute order
                    PreparedStatement q = st.get(NEXT_ATTR_POSITION);
                    q.setLong(1, studyId);
                    q.setInt(2, t.number());
                    try (var rs = q.executeQuery()) {
                        next = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                upsertAttr(st, studyId, t.number(), e.getKey(), next++, e.getValue());
            }
        }
        w.stageTrial(studyId, t);
    }

    /**
     * Upserts new and changed steps and deletes removed ones, walking both sorted maps once
     * side by side: no lookups, so a trial with thousands of reports costs a short scan per
     * save rather than thousands of tree searches.
     */
    private static void writeIntermediateChanges(Statements st, long studyId, int number,
            SortedMap<Long, Double> before, SortedMap<Long, Double> now) throws SQLException {
        Iterator<Map.Entry<Long, Double>> a = before.entrySet().iterator();
        Iterator<Map.Entry<Long, Double>> b = now.entrySet().iterator();
        Map.Entry<Long, Double> x = a.hasNext() ? a.next() : null;
        Map.Entry<Long, Double> y = b.hasNext() ? b.next() : null;
        while (x != null || y != null) {
            int cmp = x == null ? 1 : y == null ? -1 : Long.compare(x.getKey(), y.getKey());
            if (cmp < 0) { // step only before: removed
                PreparedStatement d = st.get(DELETE_VALUE);
                d.setLong(1, studyId);
                d.setInt(2, number);
                d.setLong(3, x.getKey());
                d.executeUpdate();
                x = a.hasNext() ? a.next() : null;
            } else if (cmp > 0) { // step only now: new
                upsertValue(st, studyId, number, y.getKey(), y.getValue());
                y = b.hasNext() ? b.next() : null;
            } else {
                if (Double.compare(x.getValue(), y.getValue()) != 0) {
                    upsertValue(st, studyId, number, y.getKey(), y.getValue());
                }
                x = a.hasNext() ? a.next() : null;
                y = b.hasNext() ? b.next() : null;
            }
        }
    }

    private static void bindRow(PreparedStatement p, int i, Trial t) throws SQLException {
        p.setString(i, t.state().name());
        if (t.value().isPresent()) {
            Values.bindDouble(p, i + 1, t.value().getAsDouble());
        } else {
            p.setNull(i + 1, java.sql.Types.REAL);
        }
        Values.bindInstant(p, i + 2, t.started());
        Values.bindInstant(p, i + 3, t.finished());
        if (t.parent().isPresent()) {
            p.setInt(i + 4, t.parent().getAsInt());
        } else {
            p.setNull(i + 4, java.sql.Types.INTEGER);
        }
    }

    private static boolean rowChanged(Trial a, Trial b) {
        return a.state() != b.state() || !a.value().equals(b.value()) || !Objects.equals(a.started(), b.started())
                || !Objects.equals(a.finished(), b.finished()) || !a.parent().equals(b.parent());
    }

    /** Equal maps in the same order: map equality ignores order, but the stored position does not. */
    private static boolean sameInOrder(Map<String, Object> a, Map<String, Object> b) {
        return new ArrayList<>(a.entrySet()).equals(new ArrayList<>(b.entrySet()));
    }

    /**
     * Inserts the configuration with multi-row INSERTs: through JDBC each statement costs
     * several microseconds whatever its size, so ten parameters in one statement take about a
     * third of the time of ten statements (measured: 57 µs against 90 µs for a new trial).
     */
    private static void writeParams(Statements st, long studyId, Trial t) throws SQLException {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(t.config().values().entrySet());
        for (int from = 0; from < entries.size(); from += PARAMS_PER_INSERT) {
            int rows = Math.min(PARAMS_PER_INSERT, entries.size() - from);
            PreparedStatement p = st.get(insertParams(rows));
            int i = 1;
            for (int k = from; k < from + rows; k++) {
                Map.Entry<String, Object> e = entries.get(k);
                p.setLong(i++, studyId);
                p.setInt(i++, t.number());
                p.setInt(i++, k);
                p.setString(i++, e.getKey());
                p.setString(i++, Values.tag(e.getValue()));
                Values.bindParam(p, i++, e.getValue());
            }
            p.executeUpdate();
        }
    }

    private static final int PARAMS_PER_INSERT = 32;
    private static final String[] INSERT_PARAMS = new String[PARAMS_PER_INSERT + 1];

    private static String insertParams(int rows) {
        String sql = INSERT_PARAMS[rows];
        if (sql == null) {
            StringBuilder b = new StringBuilder(INSERT_PARAM);
            for (int r = 1; r < rows; r++) {
                b.append(", (?, ?, ?, ?, ?, ?)");
            }
            sql = b.toString();
            INSERT_PARAMS[rows] = sql; // a benign race: every thread builds the same string
        }
        return sql;
    }

    private static void upsertValue(Statements st, long studyId, int number, long step, double value)
            throws SQLException {
        PreparedStatement p = st.get(UPSERT_VALUE);
        p.setLong(1, studyId);
        p.setInt(2, number);
        p.setLong(3, step);
        Values.bindDouble(p, 4, value);
        p.executeUpdate();
    }

    private static void upsertAttr(Statements st, long studyId, int number, String key, long position, String value)
            throws SQLException {
        if (value == null) {
            throw new IllegalArgumentException("attribute '" + key + "' of trial " + number + " has no value");
        }
        PreparedStatement p = st.get(UPSERT_ATTR);
        p.setLong(1, studyId);
        p.setInt(2, number);
        p.setString(3, key);
        p.setLong(4, position);
        p.setString(5, value);
        p.executeUpdate();
    }
}
