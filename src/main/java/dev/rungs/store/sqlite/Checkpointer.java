package dev.rungs.store.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Copies the write-ahead log into the database file in the background. A checkpoint is what
 * waits for the disk (it fsyncs), and commits with {@code synchronous=NORMAL} do not; if the
 * writer checkpointed itself (SQLite's default, every 1,000 pages) every few hundred saves
 * would wait for an fsync — measured, that halved the store's throughput. A PASSIVE checkpoint
 * on its own connection runs beside the writer without taking the write lock or blocking it.
 *
 * <p>The writer nudges it every {@link #COMMITS_PER_CHECKPOINT} commits; it also runs
 * {@link #INTERVAL_MILLIS} after the last commit, so a quiet store ends up with an empty log.
 * It writes no data of its own: durability is as before, since SQLite's checkpoint only copies
 * committed pages. The writer keeps a high {@code wal_autocheckpoint} as a safety net should
 * this thread fall behind.
 */
final class Checkpointer implements Runnable {
    static final int COMMITS_PER_CHECKPOINT = 256;
    static final long INTERVAL_MILLIS = 250;

    private final Statements st;
    private final Thread thread;
    private final Object lock = new Object();
    private long commitsSinceCheckpoint;
    private boolean stop;

    Checkpointer(Statements st, Path file) {
        this.st = st;
        this.thread = new Thread(this, "rungs-store-checkpointer " + file.getFileName());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called by the writer after each commit. */
    void committed() {
        synchronized (lock) {
            if (++commitsSinceCheckpoint >= COMMITS_PER_CHECKPOINT) {
                lock.notify();
            }
        }
    }

    @Override
    public void run() {
        try {
            while (true) {
                synchronized (lock) {
                    if (!stop && commitsSinceCheckpoint < COMMITS_PER_CHECKPOINT) {
                        try {
                            lock.wait(INTERVAL_MILLIS);
                        } catch (InterruptedException e) {
                            // only stop() ends this thread
                        }
                    }
                    if (stop) {
                        return;
                    }
                    if (commitsSinceCheckpoint == 0) {
                        continue;
                    }
                    commitsSinceCheckpoint = 0;
                }
                try {
                    st.execOnce("PRAGMA wal_checkpoint(PASSIVE)");
                } catch (SQLException e) {
                    // Not fatal: the writer's own autocheckpoint still bounds the log.
                    System.getLogger(Checkpointer.class.getName()).log(System.Logger.Level.WARNING,
                            "background checkpoint failed; the writer will checkpoint itself", e);
                }
            }
        } finally {
            st.close();
        }
    }

    /** Stops the thread and closes its connection (before the writer closes, which checkpoints last). */
    void stop() {
        synchronized (lock) {
            stop = true;
            lock.notify();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
