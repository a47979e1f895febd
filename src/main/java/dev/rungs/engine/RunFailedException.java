package dev.rungs.engine;

/**
 * A run ended because something outside the trials failed: the store refused a write (the disk
 * is full, the file became read-only, another runner took the study over) or the engine itself
 * broke. Everything stored before the failure is intact. The message says what happened in one
 * line; the cause carries the details.
 */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunFailedException(Throwable cause) {
        super(describe(cause), cause);
    }

    /** The store's messages are written for a person as they are; anything else needs its kind named. */
    private static String describe(Throwable cause) {
        if (cause instanceof dev.rungs.store.StoreException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
