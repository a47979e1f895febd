package dev.rungs.objective.ml;

/**
 * A dataset that cannot be used, with a message that says what is wrong and where (file,
 * line, column), so that it can be shown to a person as it is.
 */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public DatasetException(String message) {
        super(message);
    }

    /** A problem described by {@code message}, caused by {@code cause}. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
