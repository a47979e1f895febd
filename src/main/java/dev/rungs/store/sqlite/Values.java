package dev.rungs.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rungs.space.Config;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How values go into SQLite and come back unchanged.
 *
 * <p>A configuration's values are {@code Double}, {@code Long}, or a categorical choice
 * (string, number or boolean). {@link Config} equality is map equality, where
 * {@code Long 3 ≠ Integer 3 ≠ Double 3.0}, so each value is stored with a tag naming its Java
 * type: {@code float} (Double), {@code int} (Long), {@code str}, {@code bool}, and for choices
 * written in code {@code int32}, {@code int16}, {@code int8}, {@code float32}, {@code bigint},
 * {@code decimal}.
 */
final class Values {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Values() {
    }

    // ---- instants ---------------------------------------------------------------------

    /** Nanoseconds since the epoch, exactly; instants outside 1677–2262 do not fit a long. */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the time " + t + " is outside what the store keeps (years 1677 to 2262)");
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    static void bindInstant(PreparedStatement p, int i, Instant t) throws SQLException {
        if (t == null) {
            p.setNull(i, java.sql.Types.INTEGER);
        } else {
            p.setLong(i, nanos(t));
        }
    }

    static Instant readInstant(ResultSet rs, int col) throws SQLException {
        long n = rs.getLong(col);
        return rs.wasNull() ? null : instant(n);
    }

    // ---- doubles ----------------------------------------------------------------------

    /** Binds a double; NaN goes in as the text 'NaN' because SQLite would store NULL. */
    static void bindDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setString(i, "NaN");
        } else {
            p.setDouble(i, v);
        }
    }

    /** Reads what {@link #bindDouble} wrote; null for SQL NULL. */
    static Double readDouble(ResultSet rs, int col) throws SQLException {
        Object o = rs.getObject(col);
        if (o == null) {
            return null;
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(o.toString());
    }

    // ---- parameter values -------------------------------------------------------------

    /** The type tag of a parameter value. */
    static String tag(Object v) {
        if (v instanceof Double) {
            return "float";
        } else if (v instanceof Long) {
            return "int";
        } else if (v instanceof String) {
            return "str";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof Integer) {
            return "int32";
        } else if (v instanceof Short) {
            return "int16";
        } else if (v instanceof Byte) {
            return "int8";
        } else if (v instanceof Float) {
            return "float32";
        } else if (v instanceof BigInteger) {
            return "bigint";
        } else if (v instanceof BigDecimal) {
            return "decimal";
        }
        throw new IllegalArgumentException("cannot store a parameter value of type "
                + (v == null ? "null" : v.getClass().getName()) + " (" + v + ")");
    }

    /** Binds a parameter value in the storage class its tag calls for. */
    static void bindParam(PreparedStatement p, int i, Object v) throws SQLException {
        switch (tag(v)) {
            case "float" -> bindDouble(p, i, (Double) v);
            case "float32" -> bindDouble(p, i, (Float) v);
            case "int", "int32", "int16", "int8" -> p.setLong(i, ((Number) v).longValue());
            case "bool" -> p.setLong(i, (Boolean) v ? 1 : 0);
            default -> p.setString(i, v.toString()); // str, bigint, decimal: text is exact
        }
    }

    /** Reads a parameter value written by {@link #bindParam} back into its Java type. */
    static Object readParam(String tag, ResultSet rs, int col) throws SQLException {
        return switch (tag) {
            case "float" -> readDouble(rs, col);
            case "float32" -> (float) (double) readDouble(rs, col);
            case "int" -> rs.getLong(col);
            case "int32" -> (int) rs.getLong(col);
            case "int16" -> (short) rs.getLong(col);
            case "int8" -> (byte) rs.getLong(col);
            case "bool" -> rs.getLong(col) != 0;
            case "str" -> rs.getString(col);
            case "bigint" -> new BigInteger(rs.getString(col));
            case "decimal" -> new BigDecimal(rs.getString(col));
            default -> throw new UnknownTagException(tag);
        };
    }

    /** A type tag this code does not know: the row was written by a newer Rungs. */
    static final class UnknownTagException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownTagException(String tag) {
            super("a parameter value has the unknown type '" + tag + "' (written by a newer Rungs?)");
        }
    }

    // ---- configurations as JSON (lineage) ----------------------------------------------

    /**
     * A configuration as JSON that keeps order and types:
     * {@code [{"name":"lr","type":"float","value":0.01}, …]}. Non-finite floats are the JSON
     * strings "NaN", "Infinity", "-Infinity".
     */
    static String configToJson(Config c) {
        ArrayNode arr = JSON.createArrayNode();
        for (Map.Entry<String, Object> e : c.values().entrySet()) {
            ObjectNode o = arr.addObject();
            Object v = e.getValue();
            String tag = tag(v);
            o.put("name", e.getKey());
            o.put("type", tag);
            switch (tag) {
                case "float", "float32" -> {
                    double d = ((Number) v).doubleValue();
                    if (Double.isFinite(d)) {
                        o.put("value", d);
                    } else {
                        o.put("value", Double.toString(d));
                    }
                }
                case "int", "int32", "int16", "int8" -> o.put("value", ((Number) v).longValue());
                case "bool" -> o.put("value", (Boolean) v);
                default -> o.put("value", v.toString());
            }
        }
        return arr.toString();
    }

    /** Reads what {@link #configToJson} wrote. */
    static Config configFromJson(String json) {
        JsonNode arr;
        try {
            arr = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored configuration is not valid JSON: " + json, e);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (JsonNode o : arr) {
            String tag = o.get("type").asText();
            JsonNode v = o.get("value");
            Object value = switch (tag) {
                case "float" -> v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue();
                case "float32" -> (float) (v.isTextual() ? Double.parseDouble(v.asText()) : v.doubleValue());
                case "int" -> v.longValue();
                case "int32" -> v.intValue();
                case "int16" -> v.shortValue();
                case "int8" -> (byte) v.intValue();
                case "bool" -> v.booleanValue();
                case "str" -> v.asText();
                case "bigint" -> new BigInteger(v.asText());
                case "decimal" -> new BigDecimal(v.asText());
                default -> throw new UnknownTagException(tag);
            };
            values.put(o.get("name").asText(), value);
        }
        return new Config(values);
    }
}
