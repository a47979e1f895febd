package dev.rungs.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A JSON node that knows its path, so every check can say exactly where a spec is wrong.
 * Reading an object checks it for unknown fields first.
 */
final class SpecNode {
    private final JsonNode node;
    private final SpecPath path;

    SpecNode(JsonNode node, SpecPath path) {
        this.node = node;
        this.path = path;
    }

    /** The document's root. */
    static SpecNode root(JsonNode node) {
        return new SpecNode(node, SpecPath.root());
    }

    SpecPath path() {
        return path;
    }

    SpecException error(String why) {
        return new SpecException(path, why);
    }

    /** Requires an object whose fields are all among {@code allowed}. */
    SpecNode object(String... allowed) {
        if (!node.isObject()) {
            throw error("expected an object, got " + kind(node));
        }
        Set<String> known = new TreeSet<>(Arrays.asList(allowed));
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new SpecException(path.field(f), "unknown field; allowed here: " + String.join(", ", known));
            }
        }
        return this;
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    SpecNode get(String field) {
        if (!has(field)) {
            throw new SpecException(path.field(field), "is required");
        }
        return new SpecNode(node.get(field), path.field(field));
    }

    String string(String field, String fallback) {
        return has(field) ? get(field).asString() : fallback;
    }

    String asString() {
        if (!node.isTextual()) {
            throw error("expected a string, got " + kind(node));
        }
        return node.asText();
    }

    double number(String field, double fallback) {
        return has(field) ? get(field).asNumber() : fallback;
    }

    double asNumber() {
        if (!node.isNumber()) {
            throw error("expected a number, got " + kind(node));
        }
        // JSON has no infinity, but 1e999 reads as one: no setting means that.
        if (!Double.isFinite(node.asDouble())) {
            throw error("is too large a number");
        }
        return node.asDouble();
    }

    long integer(String field, long fallback) {
        return has(field) ? get(field).asInteger() : fallback;
    }

    long asInteger() {
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            throw error("expected a whole number, got " + kind(node));
        }
        // 1e999 reads as infinity and 1e30 as a double; neither may become Long.MAX_VALUE unnoticed.
        if (!node.canConvertToLong() || !Double.isFinite(node.asDouble())) {
            throw error("is too large a number");
        }
        return node.asLong();
    }

    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        SpecNode b = get(field);
        if (!b.node.isBoolean()) {
            throw b.error("expected true or false, got " + kind(b.node));
        }
        return b.node.asBoolean();
    }

    List<SpecNode> array() {
        if (!node.isArray()) {
            throw error("expected an array, got " + kind(node));
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new SpecNode(node.get(i), path.index(i)));
        }
        return items;
    }

    /** A scalar as a Java value: String, Long (whole numbers), Double or Boolean. */
    Object scalar() {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        throw error("expected a string, number or boolean, got " + kind(node));
    }

    /** An object of scalars as a map (options of a benchmark problem, say). */
    Map<String, Object> scalarMap() {
        object(fieldNames().toArray(String[]::new));
        Map<String, Object> m = new LinkedHashMap<>();
        for (String f : fieldNames()) {
            m.put(f, get(f).scalar());
        }
        return m;
    }

    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "the string \"" + shortened(n.asText()) + "\"";
        }
        return n.isNull() ? "null" : shortened(n.toString());
    }

    /** A value short enough to quote in a one-line message. */
    private static String shortened(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
