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
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, as the command line and the app print it. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
