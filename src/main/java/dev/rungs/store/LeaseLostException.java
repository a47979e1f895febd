package dev.rungs.store;

/**
 * The runner's lease of a study was taken over by another runner (this one had stopped
 * renewing it for longer than its timeout), so this runner must stop writing the study.
 */
public final class LeaseLostException extends StoreException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String studyName, String byWhom) {
        super("this runner lost study '" + studyName + "' to " + byWhom + " (its heartbeat had stopped for longer"
                + " than the lease timeout); it stops writing the study");
    }
}
