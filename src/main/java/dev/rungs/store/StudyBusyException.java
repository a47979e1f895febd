package dev.rungs.store;

/**
 * Another runner holds a live lease of the study, so this one may not run it or write to it.
 * The message names the holder.
 */
public final class StudyBusyException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final transient Lease lease;

    public StudyBusyException(String studyName, Lease lease) {
        super("study '" + studyName + "' is being run by " + lease.describe() + "; wait for it to end or stop it"
                + " there (a runner that died is taken over " + lease.timeout().toSeconds()
                + " s after its last heartbeat)");
        this.lease = lease;
    }

    /** The lease that is in the way. */
    public Lease lease() {
        return lease;
    }
}
