package dev.rungs.store.sqlite;

import dev.rungs.space.Config;
import dev.rungs.store.StoreException;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads trials back from their four tables. A study is read with one query per table, each
 * ordered by trial number, rather than four queries per trial, so a study of 100,000 trials is
 * four scans.
 */
final class TrialRows {
    private TrialRows() {
    }

    private static final class Parts {
        final int number;
        TrialState state;
        OptionalDouble value;
        Instant started;
        Instant finished;
        OptionalInt parent;
        final Map<String, Object> config = new LinkedHashMap<>();
        final TreeMap<Long, Double> intermediate = new TreeMap<>();
        final Map<String, String> attrs = new LinkedHashMap<>();

        Parts(int number) {
            this.number = number;
        }
    }

    /** Every trial of the study, by number. */
    static List<Trial> all(Statements st, long studyId) throws SQLException {
        String where = " WHERE study_id = ?";
        Map<Integer, Parts> byNumber = new LinkedHashMap<>();
        try (ResultSet rs = query(st, "SELECT number, state, value, started, finished, parent FROM trials" + where
                + " ORDER BY number", studyId)) {
            while (rs.next()) {
                Parts p = new Parts(rs.getInt(1));
                p.state = state(rs.getString(2));
                Double v = Values.readDouble(rs, 3);
                p.value = v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
                p.started = Values.readInstant(rs, 4);
                p.finished = Values.readInstant(rs, 5);
                int parent = rs.getInt(6);
                p.parent = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(parent);
                byNumber.put(p.number, p);
            }
        }
        if (byNumber.isEmpty()) {
            return List.of();
        }
        try (ResultSet rs = query(st, "SELECT number, name, type, value FROM trial_params" + where
                + " ORDER BY number, position", studyId)) {
            while (rs.next()) {
                Parts p = byNumber.get(rs.getInt(1));
                if (p != null) {
                    try {
                        p.config.put(rs.getString(2), Values.readParam(rs.getString(3), rs, 4));
                    } catch (Values.UnknownTagException e) {
                        throw new StoreException("trial " + p.number + " of study " + studyId + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        try (ResultSet rs = query(st, "SELECT number, step, value FROM intermediate_values" + where
                + " ORDER BY number, step", studyId)) {
            while (rs.next()) {
                Parts p = byNumber.get(rs.getInt(1));
                if (p != null) {
                    Double v = Values.readDouble(rs, 3);
                    p.intermediate.put(rs.getLong(2), v == null ? Double.NaN : v);
                }
            }
        }
        try (ResultSet rs = query(st, "SELECT number, key, value FROM trial_attrs" + where
                + " ORDER BY number, position", studyId)) {
            while (rs.next()) {
                Parts p = byNumber.get(rs.getInt(1));
                if (p != null) {
                    p.attrs.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        List<Trial> out = new ArrayList<>(byNumber.size());
        for (Parts p : byNumber.values()) {
            out.add(new Trial(p.number, p.state, new Config(p.config), p.value, p.intermediate, p.attrs,
                    p.started, p.finished, p.parent));
        }
        return out;
    }

    private static ResultSet query(Statements st, String sql, long studyId) throws SQLException {
        PreparedStatement p = st.get(sql);
        p.setLong(1, studyId);
        return p.executeQuery();
    }

    private static TrialState state(String name) {
        try {
            return TrialState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new StoreException("a stored trial has the unknown state '" + name + "' (written by a newer Rungs?)");
        }
    }
}
