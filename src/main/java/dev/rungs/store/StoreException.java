package dev.rungs.store;

/**
 * A study store could not do what was asked for a reason outside the caller's arguments: the
 * file is not a Rungs database, is damaged, was made by a newer Rungs, is read-only, or the
 * disk is full. The message is written for a person and names the file; the store never
 * "repairs" such a file by overwriting it.
 *
 * <p>Mistakes in the arguments (a duplicate study name, an unknown study id) stay
 * {@link IllegalArgumentException}s, as in every {@link StudyStore}.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a message for a person. */
    public StoreException(String message) {
        super(message);
    }

    /** A failure with a message for a person and the low-level cause for the log. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
