package dev.rungs.spec;

import java.util.Objects;

/**
 * One mistake in a spec: where it is and why, in words for the person who wrote the spec.
 *
 * @param path the field at fault ({@code $} for the document as a whole)
 * @param message why it cannot be used, such as "must not be greater than high (5 > 1)"
 */
public record SpecProblem(SpecPath path, String message) {
    public SpecProblem {
        Objects.requireNonNull(path, "path");
        message = oneLine(Objects.requireNonNull(message, "message"));
    }

    /** The message with line breaks and other control characters escaped: names quoted from a spec may hold them. */
    static String oneLine(String message) {
        StringBuilder b = new StringBuilder(message.length());
        for (char c : message.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code path: message}, as the command line and the app print it. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
