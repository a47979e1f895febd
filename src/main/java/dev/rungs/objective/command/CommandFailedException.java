package dev.rungs.objective.command;

/** An external command that failed a trial: a non-zero exit, a timeout, or no result printed. */
public class CommandFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public CommandFailedException(String message) {
        super(message);
    }
}
