package dev.rungs.store.sqlite;

import dev.rungs.store.LeaseLostException;
import dev.rungs.store.StoreException;
import dev.rungs.store.StudyBusyException;
import dev.rungs.store.StudyExistsException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The one thread that writes. Every change is a request on a queue; the thread takes all the
 * requests that are waiting, runs them in one transaction and commits once (group commit), then
 * lets each caller go. One writer means SQLite's write lock is never contended inside the
 * process, so callers never see "database is locked", and a commit's cost is shared by every
 * request in it.
 *
 * <p>If a transaction fails, it is rolled back and its requests are run again one per
 * transaction, so a request with a bad argument (a duplicate name) fails alone and does not take
 * its neighbours with it.
 */
final class Writer implements Runnable {
    /** Upper bound of requests in one transaction, so one commit does not grow without limit. */
    private static final int MAX_BATCH = 1024;

    /**
     * How long a caller waiting for its commit, and the writer waiting for the next request,
     * spin before they park. Handing a request to another thread and back costs two wake-ups;
     * on the 2-core machine this was measured on, a parked round trip took ~60 µs and a
     * spinning one ~8 µs, and one thread saving trials went from ~3,500 to ~11,000 trials/s.
     * The caller would sit idle anyway; the writer spins only while requests keep coming
     * ({@link #spinForNext}), so an idle store burns no CPU. 0 turns spinning off.
     */
    static final long SPIN_NANOS = Long.getLong("rungs.store.spinMicros", 50) * 1000;

    /** A change to run inside the writer's transaction. */
    @FunctionalInterface
    interface Op<T> {
        T apply(Writer w) throws SQLException;
    }

    private static final class Request<T> {
        final Op<T> op;
        final String doing;
        final CompletableFuture<T> done = new CompletableFuture<>();
        final long submitted = System.nanoTime();

        Request(Op<T> op, String doing) {
            this.op = op;
            this.doing = doing;
        }

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            done.complete((T) result);
        }
    }

    private static final Request<Void> STOP = new Request<>(w -> null, "stopping");

    final Statements st;
    private final Path file;
    private final BlockingQueue<Request<?>> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private boolean closed;
    private final Thread thread;

    // Written by the writer thread only; read by tests to see that commits are shared.
    private volatile long commits;
    private volatile long committedRequests;

    private final Checkpointer checkpointer;
    // writer thread only
    private long lastDone = System.nanoTime();
    private boolean spinForNext;

    Writer(Statements st, Path file, Checkpointer checkpointer) {
        this.st = st;
        this.file = file;
        this.checkpointer = checkpointer;
        this.thread = new Thread(this, "rungs-store-writer " + file.getFileName());
        // Daemon: a store someone forgot to close must not keep the JVM alive. Nothing is
        // lost by that, since every caller waits for its own commit.
        thread.setDaemon(true);
    }

    void start() {
        checkpointer.start();
        thread.start();
    }

    /**
     * Runs {@code op} in the writer and waits until it is committed. Errors come back as
     * {@link IllegalArgumentException} (bad argument) or {@link StoreException}, thrown in the
     * caller's thread with the writer's exception as cause.
     */
    <T> T submit(String doing, Op<T> op) {
        Request<T> r = new Request<>(op, doing);
        boolean alone;
        synchronized (lifecycle) {
            // Under the lock so that nothing is queued after STOP, where nobody would run it.
            if (closed) {
                throw new IllegalStateException("the study store " + file + " is closed");
            }
            alone = queue.isEmpty();
            queue.add(r);
        }
        // A lone caller's commit takes tens of microseconds: wait for it spinning rather than
        // parked. With others queued the wait is longer, and their spinning would take the
        // CPU the writer needs, so they park at once.
        if (alone) {
            for (long until = r.submitted + SPIN_NANOS; !r.done.isDone() && System.nanoTime() < until; ) {
                Thread.onSpinWait();
            }
        }
        try {
            // join() is not interruptible: the caller is told only once its change is
            // committed or refused, never while it is still on its way to the file.
            return r.done.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof StudyBusyException || t instanceof LeaseLostException || t instanceof StudyExistsException) {
            return (RuntimeException) t; // their type is what callers act on
        } else if (t instanceof IllegalArgumentException e) {
            return new IllegalArgumentException(e.getMessage(), e);
        } else if (t instanceof StoreException e) {
            return new StoreException(e.getMessage(), e);
        } else if (t instanceof IllegalStateException e) {
            return new IllegalStateException(e.getMessage(), e);
        } else if (t instanceof Error e) {
            throw e;
        }
        return new StoreException("unexpected failure of the study store: " + t, t);
    }

    /** Stops taking requests, finishes those queued, and closes the write connection. */
    void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing, so the file is left checkpointed
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        List<Request<?>> batch = new ArrayList<>();
        boolean stop = false;
        try {
            while (!stop) {
                Request<?> first = queue.poll();
                if (first == null && spinForNext) {
                    for (long until = System.nanoTime() + SPIN_NANOS; first == null && System.nanoTime() < until; ) {
                        Thread.onSpinWait();
                        first = queue.poll();
                    }
                }
                if (first == null) {
                    try {
                        first = queue.take();
                    } catch (InterruptedException e) {
                        continue; // only STOP ends the writer, so no caller is left waiting
                    }
                }
                // Spin next time only if this request came soon enough after the last commit
                // that spinning would have caught it: requests are streaming, not trickling.
                spinForNext = first.submitted - lastDone < SPIN_NANOS;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                int s = batch.indexOf(STOP);
                if (s >= 0) {
                    stop = true;
                    batch.subList(s, batch.size()).clear(); // nothing can follow STOP
                }
                if (!batch.isEmpty()) {
                    runBatch(batch);
                }
                lastDone = System.nanoTime();
                batch.clear();
            }
        } finally {
            // the checkpointer closes first: the last connection to close checkpoints the
            // whole log and removes it, and that should be this one
            checkpointer.stop();
            st.close();
        }
    }

    private void runBatch(List<Request<?>> batch) {
        Object[] results = new Object[batch.size()];
        try {
            st.exec("BEGIN IMMEDIATE");
            for (int i = 0; i < results.length; i++) {
                results[i] = batch.get(i).op.apply(this);
            }
            st.exec("COMMIT");
        } catch (Throwable t) {
            st.rollbackQuietly();
            if (batch.size() == 1) {
                batch.get(0).done.completeExceptionally(translate(t, batch.get(0).doing));
            } else if (sharedFailure(t)) {
                // The file or the disk is the problem, not a request: retrying one by one would
                // only fail again (and wait the busy timeout once per request).
                for (Request<?> r : batch) {
                    r.done.completeExceptionally(translate(t, r.doing));
                }
            } else {
                for (Request<?> r : batch) {
                    runBatch(List.of(r));
                }
            }
            return;
        }
        checkpointer.committed();
        commits++;
        committedRequests += results.length;
        for (int i = 0; i < results.length; i++) {
            batch.get(i).complete(results[i]);
        }
    }

    private static boolean sharedFailure(Throwable t) {
        if (!(t instanceof SQLException e)) {
            return false;
        }
        int c = Errors.code(e);
        return c == Errors.BUSY || c == Errors.LOCKED || c == Errors.IOERR || c == Errors.READONLY
                || c == Errors.CORRUPT || c == Errors.NOTADB || c == Errors.CANTOPEN || c == Errors.PERM;
    }

    private Throwable translate(Throwable t, String doing) {
        if (t instanceof SQLException e) {
            return Errors.translate(e, file, doing);
        } else if (t instanceof IllegalArgumentException || t instanceof StoreException || t instanceof Error) {
            return t;
        }
        return new StoreException("unexpected failure while " + doing + " in " + file + ": " + t, t);
    }

    /** Transactions committed so far. */
    long commits() {
        return commits;
    }

    /** Requests committed so far; more than {@link #commits()} when commits were shared. */
    long committedRequests() {
        return committedRequests;
    }
}
