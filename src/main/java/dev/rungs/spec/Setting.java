package dev.rungs.spec;

/**
 * One setting of a method, as written in a spec and shown in the app.
 *
 * @param key the snake_case key in the spec
 * @param kind what values it takes
 * @param defaultValue the value used when the spec leaves it out
 * @param help one line for people
 */
public record Setting(String key, Kind kind, Object defaultValue, String help) {

    /** The value types a setting can have. */
    public enum Kind {
        WHOLE_NUMBER, NUMBER, BOOLEAN
    }

    /** Checks a spec value; returns it as Long, Double or Boolean. */
    Object read(SpecNode n) {
        return switch (kind) {
            case WHOLE_NUMBER -> {
                // Methods narrow whole settings to int; past that they would overflow, not refuse.
                long v = n.asInteger();
                if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                    throw n.error("must be between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
                }
                yield v;
            }
            case NUMBER -> n.asNumber();
            case BOOLEAN -> {
                Object v = n.scalar();
                if (!(v instanceof Boolean)) {
                    throw n.error("expected true or false");
                }
                yield v;
            }
        };
    }
}
