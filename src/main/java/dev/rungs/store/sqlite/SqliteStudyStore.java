package dev.rungs.store.sqlite;

import dev.rungs.store.Lease;
import dev.rungs.store.LeaseHolder;
import dev.rungs.store.Leases;
import dev.rungs.store.LineageEntry;
import dev.rungs.store.StoreException;
import dev.rungs.store.StoreLocation;
import dev.rungs.store.StudyExistsException;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyState;
import dev.rungs.store.StudyStore;
import dev.rungs.store.TrialChange;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The study store in one SQLite file (DESIGN.md, Storage): the default store of the CLI and the
 * app, by default at {@link StoreLocation#defaultFile()}.
 *
 * <h2>Writing</h2>
 * One writer thread owns the only write connection and commits the requests that arrive
 * together in one transaction (group commit); each {@code save…}, {@code create…},
 * {@code set…} and {@code delete…} call returns once its change is committed. Callers on any
 * number of threads therefore never meet "database is locked". A trial is saved as the
 * parts its {@link TrialChange} names, so saving it on every report stays
 * cheap: a report is one row. A study
 * is written by one runner at a time, the holder of its lease ({@link StudyStore}); every write
 * to a study checks the lease inside its own transaction, so a second runner's write can never
 * slip in between the check and the change. Other processes read freely.
 * The write-ahead log is copied into the file by a background checkpointer on a connection of
 * its own, so no save waits for the fsync a checkpoint needs.
 *
 * <h2>Reading</h2>
 * Reads use their own read-only connections. The file is in WAL mode, so a read sees the last
 * commit and never waits for the writer; another process (a second CLI, the app) can watch a
 * study while it runs.
 *
 * <h2>Durability</h2>
 * {@link Durability#NORMAL} (the default, {@code synchronous=NORMAL}): a committed change
 * survives the process crashing or being killed; after a power cut or an OS crash the last
 * few commits may be lost, but the file stays consistent. {@link Durability#FULL} also
 * survives those, at the cost of an fsync per commit.
 *
 * <h2>Bad files</h2>
 * Opening refuses with a {@link StoreException} — and leaves the file byte for byte as it was —
 * a file that is not SQLite, a SQLite database of something else, a damaged file (checked with
 * SQLite's {@code quick_check}, which reads the whole file once), and a database from a newer
 * Rungs. A file or folder that is read-only is refused for writing with a message that says so;
 * {@link #openReadOnly} opens such a file for reading. A database from an older Rungs is
 * upgraded in one transaction when opened for writing; opened read-only it is read as it is.
 */
public final class SqliteStudyStore implements StudyStore {
    /** Idle read connections kept for reuse; more are opened while many threads read at once. */
    private static final int MAX_IDLE_READERS = 4;

    /** How hard a commit tries to reach the disk. */
    public enum Durability {
        /** Survives a crash of the process; the last commits may be lost on power loss. */
        NORMAL,
        /** Survives power loss too; each commit waits for the disk. */
        FULL
    }

    /**
     * How to open the file.
     *
     * @param durability see {@link Durability}
     * @param readOnly open for reading only; every write throws {@link StoreException}
     * @param checkOnOpen run SQLite's quick_check on open, to refuse a damaged file before
     *     writing to it (reads the whole file once)
     * @param maxPages if positive, the most pages (4 KiB each) the file may grow to; a write
     *     past it fails as if the disk were full. Meant for tests and for capping the file.
     * @param busyTimeout how long to wait for another process that holds the write lock
     */
    public record Options(Durability durability, boolean readOnly, boolean checkOnOpen, long maxPages,
            Duration busyTimeout) {
        public Options {
            Objects.requireNonNull(durability, "durability");
            Objects.requireNonNull(busyTimeout, "busyTimeout");
        }

        /** Normal durability, read-write, check on open, no size cap, 30 s busy timeout. */
        public static Options defaults() {
            return new Options(Durability.NORMAL, false, true, 0, Duration.ofSeconds(30));
        }

        public Options withDurability(Durability d) {
            return new Options(d, readOnly, checkOnOpen, maxPages, busyTimeout);
        }

        public Options withReadOnly(boolean r) {
            return new Options(durability, r, checkOnOpen, maxPages, busyTimeout);
        }

        public Options withCheckOnOpen(boolean c) {
            return new Options(durability, readOnly, c, maxPages, busyTimeout);
        }

        public Options withMaxPages(long n) {
            return new Options(durability, readOnly, checkOnOpen, n, busyTimeout);
        }

        public Options withBusyTimeout(Duration d) {
            return new Options(durability, readOnly, checkOnOpen, maxPages, d);
        }

        int busyMillis() {
            return (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());
        }
    }

    @FunctionalInterface
    private interface ReadOp<T> {
        T apply(Statements st) throws SQLException;
    }

    private final Path file;
    private final Options options;
    private final int schemaVersion;
    private final boolean immutable;
    private final Writer writer; // null when read-only
    private final Deque<Statements> idleReaders = new ArrayDeque<>();
    private final Leases leases = new Leases();
    private boolean closed;

    private SqliteStudyStore(Path file, Options options, int schemaVersion, boolean immutable, Writer writer) {
        this.file = file;
        this.options = options;
        this.schemaVersion = schemaVersion;
        this.immutable = immutable;
        this.writer = writer;
    }

    /** Opens (or creates) the database at the user's default location. */
    public static SqliteStudyStore openDefault() {
        return open(StoreLocation.defaultFile());
    }

    /** Opens the database for reading and writing, creating the file and its folders if needed. */
    public static SqliteStudyStore open(Path file) {
        return open(file, Options.defaults());
    }

    /**
     * Opens an existing database for reading only: nothing is written to it, and it may lie in
     * a read-only file or folder. A database of an older schema is read as it is.
     */
    public static SqliteStudyStore openReadOnly(Path file) {
        return open(file, Options.defaults().withReadOnly(true));
    }

    /** Opens the database with the given options. */
    public static SqliteStudyStore open(Path file, Options options) {
        Path f = file.toAbsolutePath().normalize();
        Path dir = f.getParent();
        if (!options.readOnly()) {
            createFolders(dir);
        }
        FileCheck.Found found = FileCheck.inspect(f, options.readOnly(), options.checkOnOpen(), options.busyMillis());
        if (options.readOnly()) {
            return new SqliteStudyStore(f, options, found.version(),
                    FileCheck.needsImmutableReads(f, options.busyMillis()), null);
        }
        checkWritable(f, dir, found.exists());
        Connection c = null;
        Connection checkpointConnection = null;
        try {
            c = FileCheck.connect(f, false, false, options.busyMillis());
            Statements st = new Statements(c);
            st.execOnce("PRAGMA foreign_keys = ON");
            String mode;
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode = WAL")) {
                mode = rs.next() ? rs.getString(1) : "?";
            }
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("cannot use " + f + ": its file system does not support SQLite's write-ahead"
                        + " log (journal mode stayed '" + mode + "'); a network drive? Choose a local folder.");
            }
            st.execOnce("PRAGMA synchronous = " + options.durability().name());
            Schema.migrate(c, Schema.LATEST);
            if (options.maxPages() > 0) {
                st.execOnce("PRAGMA max_page_count = " + options.maxPages());
            }
            // Checkpoints run in the background (Checkpointer); the writer checkpoints itself
            // only if the log passes ~40 MB, and a log that grew past 64 MB is cut back after.
            st.execOnce("PRAGMA wal_autocheckpoint = 10000");
            st.execOnce("PRAGMA journal_size_limit = " + (64L << 20));
            checkpointConnection = FileCheck.connect(f, false, false, options.busyMillis());
            Writer w = new Writer(st, f, new Checkpointer(new Statements(checkpointConnection), f));
            w.start();
            return new SqliteStudyStore(f, options, Schema.LATEST, false, w);
        } catch (Schema.NewerSchemaException e) {
            closeQuietly(checkpointConnection);
            closeQuietly(c);
            throw FileCheck.newer(f, e.found);
        } catch (SQLException e) {
            closeQuietly(checkpointConnection);
            closeQuietly(c);
            throw Errors.translate(e, f, "opening it");
        } catch (RuntimeException e) {
            closeQuietly(checkpointConnection);
            closeQuietly(c);
            throw e;
        }
    }

    private static void createFolders(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException("cannot create the folder " + dir + " for the Rungs database: " + e.getFile()
                    + " exists and is not a folder", e);
        } catch (IOException e) {
            throw new StoreException("cannot create the folder " + dir + " for the Rungs database (" + e + "); is the"
                    + " location read-only?", e);
        }
    }

    /**
     * Refuses a read-only file or folder up front, with a message that says which: SQLite
     * would only fail later with "attempt to write a readonly database". The folder must be
     * writable too, because SQLite creates the WAL files ({@code -wal}, {@code -shm}) beside
     * the database.
     */
    private static void checkWritable(Path f, Path dir, boolean exists) {
        if (exists && !Files.isWritable(f)) {
            throw new StoreException(f + " is read-only, and Rungs needs to write to it to record studies. Make it"
                    + " writable, or open it read-only (SqliteStudyStore.openReadOnly) to look at its studies.");
        }
        if (!Files.isWritable(dir)) {
            throw new StoreException("the folder " + dir + " is read-only: Rungs needs to create "
                    + (exists ? "SQLite's log files (" + f.getFileName() + "-wal, -shm) beside " + f.getFileName()
                            : f.getFileName() + " there")
                    + ". Choose a writable folder" + (exists ? ", or open the file read-only." : "."));
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Whether this store was opened for reading only. */
    public boolean isReadOnly() {
        return writer == null;
    }

    /** The schema version of the file (the latest, unless opened read-only on an older file). */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The newest schema version this code writes. */
    public static int latestSchemaVersion() {
        return Schema.LATEST;
    }

    /** The options it was opened with. */
    public Options options() {
        return options;
    }

    /** Commits and committed requests of the writer so far, for tests of group commit. */
    long[] writerCounts() {
        return writer == null ? new long[2] : new long[] {writer.commits(), writer.committedRequests()};
    }

    // ---- writes -----------------------------------------------------------------------

    private Writer writer(String doing) {
        if (writer == null) {
            throw new StoreException(file + " was opened read-only, so " + doing + " is not possible");
        }
        return writer;
    }

    @Override
    public StudyRecord createStudy(String name, Direction direction, String specJson, Map<String, String> provenance) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(specJson, "specJson");
        Map<String, String> prov = Map.copyOf(provenance);
        Instant created = Instant.now();
        String doing = "creating study '" + name + "'";
        return writer(doing).submit(doing, w -> {
            PreparedStatement p = w.st.get("INSERT INTO studies (name, direction, spec_json, state, created)"
                    + " VALUES (?, ?, ?, ?, ?)");
            p.setString(1, name);
            p.setString(2, direction.name());
            p.setString(3, specJson);
            p.setString(4, StudyState.RUNNING.name());
            p.setLong(5, Values.nanos(created));
            try {
                p.executeUpdate();
            } catch (SQLException e) {
                if (Errors.isUnique(e)) {
                    throw new StudyExistsException(name);
                }
                throw e;
            }
            long id;
            try (ResultSet rs = w.st.get("SELECT last_insert_rowid()").executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            PreparedStatement pp = w.st.get("INSERT INTO study_provenance (study_id, key, value) VALUES (?, ?, ?)");
            for (Map.Entry<String, String> e : prov.entrySet()) {
                pp.setLong(1, id);
                pp.setString(2, e.getKey());
                pp.setString(3, e.getValue());
                pp.executeUpdate();
            }
            return new StudyRecord(id, name, direction, specJson, prov, created, StudyState.RUNNING);
        });
    }

    @Override
    public void setStudyState(long studyId, StudyState state) {
        Objects.requireNonNull(state, "state");
        String doing = "setting the state of study " + studyId;
        writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            PreparedStatement p = w.st.get("UPDATE studies SET state = ? WHERE id = ?");
            p.setString(1, state.name());
            p.setLong(2, studyId);
            if (p.executeUpdate() == 0) {
                throw noStudy(studyId);
            }
            return null;
        });
    }

    @Override
    public Trial addTrial(long studyId, Trial trial) {
        Objects.requireNonNull(trial, "trial");
        String doing = "adding a trial to study " + studyId;
        return writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            try {
                return TrialWrites.insert(w.st, studyId, trial);
            } catch (SQLException e) {
                throw foreignKey(e, studyId);
            }
        });
    }

    @Override
    public void saveTrial(long studyId, Trial trial, TrialChange change) {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(change, "change");
        String doing = "saving trial " + trial.number() + " of study " + studyId;
        writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            try {
                TrialWrites.update(w.st, studyId, trial, change);
            } catch (SQLException e) {
                throw foreignKey(e, studyId);
            }
            return null;
        });
    }

    /** {@inheritDoc} The array is written before this returns and not kept. */
    @Override
    public void saveCheckpoint(long studyId, int trialNumber, byte[] state) {
        Objects.requireNonNull(state, "state");
        String doing = "saving the checkpoint of trial " + trialNumber + " of study " + studyId;
        writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            PreparedStatement p = w.st.get("INSERT INTO checkpoints (study_id, number, state, saved) VALUES (?, ?, ?, ?)"
                    + " ON CONFLICT (study_id, number) DO UPDATE SET state = excluded.state, saved = excluded.saved");
            p.setLong(1, studyId);
            p.setInt(2, trialNumber);
            p.setBytes(3, state);
            p.setLong(4, Values.nanos(Instant.now()));
            try {
                p.executeUpdate();
            } catch (SQLException e) {
                throw foreignKey(e, studyId);
            }
            return null;
        });
    }

    @Override
    public void saveLineage(long studyId, LineageEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String oldJson = Values.configToJson(entry.oldConfig());
        String newJson = Values.configToJson(entry.newConfig());
        long at = Values.nanos(entry.at());
        String doing = "saving an exploit of trial " + entry.trial() + " of study " + studyId;
        writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            // seq counts per study; computed inside the writer's transaction, so it is dense
            PreparedStatement p = w.st.get("INSERT INTO lineage (study_id, seq, trial, donor, step, old_config,"
                    + " new_config, at) SELECT ?, coalesce(max(seq) + 1, 0), ?, ?, ?, ?, ?, ? FROM lineage"
                    + " WHERE study_id = ?");
            p.setLong(1, studyId);
            p.setInt(2, entry.trial());
            p.setInt(3, entry.donor());
            p.setLong(4, entry.step());
            p.setString(5, oldJson);
            p.setString(6, newJson);
            p.setLong(7, at);
            p.setLong(8, studyId);
            try {
                p.executeUpdate();
            } catch (SQLException e) {
                throw foreignKey(e, studyId);
            }
            return null;
        });
    }

    @Override
    public void deleteStudy(long studyId) {
        String doing = "deleting study " + studyId;
        writer(doing).submit(doing, w -> {
            checkWrite(w, studyId);
            // the foreign keys cascade to provenance, trials and their rows, checkpoints, lineage, leases
            PreparedStatement p = w.st.get("DELETE FROM studies WHERE id = ?");
            p.setLong(1, studyId);
            p.executeUpdate();
            return null;
        });
        leases.deleted(studyId);
    }

    // ---- leases -----------------------------------------------------------------------

    @Override
    public Lease acquireLease(long studyId, LeaseHolder holder, Duration timeout) {
        Objects.requireNonNull(holder, "holder");
        Leases.checkTimeout(timeout);
        String doing = "taking the lease of study " + studyId;
        Lease l = writer(doing).submit(doing, w -> {
            Lease granted = leases.grant(studyName(w.st, studyId), studyId, LeaseRows.find(w.st, studyId), holder,
                    timeout, Instant.now());
            LeaseRows.put(w.st, granted);
            return granted;
        });
        leases.took(l);
        return l;
    }

    @Override
    public Lease renewLease(Lease lease) {
        String doing = "renewing the lease of study " + lease.studyId();
        return writer(doing).submit(doing, w -> {
            leases.checkRenew(studyName(w.st, lease.studyId()), lease, LeaseRows.find(w.st, lease.studyId()));
            Lease renewed = lease.renewedAt(Instant.now());
            LeaseRows.put(w.st, renewed);
            return renewed;
        });
    }

    @Override
    public void releaseLease(Lease lease) {
        String doing = "releasing the lease of study " + lease.studyId();
        try {
            writer(doing).submit(doing, w -> {
                LeaseRows.delete(w.st, lease.studyId(), lease.token());
                return null;
            });
        } finally {
            leases.released(lease);
        }
    }

    @Override
    public Optional<Lease> lease(long studyId) {
        if (schemaVersion < 3) {
            return Optional.empty(); // an old file opened read-only has no leases
        }
        return read("reading the lease of study " + studyId, st -> Optional.ofNullable(LeaseRows.find(st, studyId)));
    }

    /**
     * Refuses, inside the write's own transaction, a write to a study that another runner holds
     * (or that took this store's lease over). A study nobody holds, or this store holds, costs
     * one key lookup; the study's name is read only for a refusal's message.
     */
    private void checkWrite(Writer w, long studyId) throws SQLException {
        Lease current = LeaseRows.find(w.st, studyId);
        if (leases.plainlyWritable(studyId, current)) {
            return;
        }
        leases.checkWrite(studyName(w.st, studyId), studyId, current, Instant.now());
    }

    private static String studyName(Statements st, long studyId) throws SQLException {
        PreparedStatement p = st.get("SELECT name FROM studies WHERE id = ?");
        p.setLong(1, studyId);
        try (ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw noStudy(studyId);
            }
            return rs.getString(1);
        }
    }

    /** A foreign-key failure means the study does not exist: an argument error, not a store failure. */
    private static SQLException foreignKey(SQLException e, long studyId) {
        if (Errors.isForeignKey(e)) {
            throw noStudy(studyId);
        }
        return e;
    }

    private static IllegalArgumentException noStudy(long studyId) {
        return new IllegalArgumentException("no study with id " + studyId);
    }

    // ---- reads ------------------------------------------------------------------------

    @Override
    public Optional<StudyRecord> findStudy(String name) {
        Objects.requireNonNull(name, "name");
        return read("looking up study '" + name + "'", st -> studyRecords(st, "name = ?", name).stream().findFirst());
    }

    @Override
    public Optional<StudyRecord> study(long studyId) {
        return read("reading study " + studyId, st -> studyRecords(st, "id = ?", studyId).stream().findFirst());
    }

    @Override
    public List<StudyRecord> studies() {
        return read("listing studies", st -> studyRecords(st, null, null));
    }

    @Override
    public List<Trial> trials(long studyId) {
        return read("reading the trials of study " + studyId, st -> TrialRows.all(st, studyId));
    }

    @Override
    public Optional<byte[]> checkpoint(long studyId, int trialNumber) {
        if (schemaVersion < 2) {
            return Optional.empty(); // an old file opened read-only has no checkpoints table
        }
        return read("reading the checkpoint of trial " + trialNumber + " of study " + studyId, st -> {
            PreparedStatement p = st.get("SELECT state FROM checkpoints WHERE study_id = ? AND number = ?");
            p.setLong(1, studyId);
            p.setInt(2, trialNumber);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public List<LineageEntry> lineage(long studyId) {
        if (schemaVersion < 2) {
            return List.of();
        }
        return read("reading the lineage of study " + studyId, st -> {
            PreparedStatement p = st.get("SELECT trial, donor, step, old_config, new_config, at FROM lineage"
                    + " WHERE study_id = ? ORDER BY seq");
            p.setLong(1, studyId);
            List<LineageEntry> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new LineageEntry(rs.getInt(1), rs.getInt(2), rs.getLong(3),
                            Values.configFromJson(rs.getString(4)), Values.configFromJson(rs.getString(5)),
                            Values.instant(rs.getLong(6))));
                }
            }
            return out;
        });
    }

    private static List<StudyRecord> studyRecords(Statements st, String where, Object arg) throws SQLException {
        String w = where == null ? "" : " WHERE " + where;
        PreparedStatement p = st.get("SELECT id, name, direction, spec_json, state, created FROM studies" + w
                + " ORDER BY id");
        if (arg != null) {
            p.setObject(1, arg);
        }
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)});
            }
        }
        Map<Long, Map<String, String>> prov = new HashMap<>();
        String pw = where == null ? "" : " WHERE study_id IN (SELECT id FROM studies" + w + ")";
        PreparedStatement q = st.get("SELECT study_id, key, value FROM study_provenance" + pw);
        if (arg != null) {
            q.setObject(1, arg);
        }
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                prov.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        List<StudyRecord> out = new ArrayList<>();
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] r = e.getValue();
            out.add(new StudyRecord(e.getKey(), (String) r[0], enumValue(Direction.class, (String) r[1]), (String) r[2],
                    prov.getOrDefault(e.getKey(), Map.of()), Values.instant((Long) r[4]),
                    enumValue(StudyState.class, (String) r[3])));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StoreException("a stored study has the unknown " + type.getSimpleName() + " '" + name
                    + "' (written by a newer Rungs?)");
        }
    }

    /** Runs {@code op} in one read transaction, so its queries see the same commit. */
    private <T> T read(String doing, ReadOp<T> op) {
        Statements st;
        try {
            st = borrowReader();
        } catch (SQLException e) {
            throw Errors.translate(e, file, doing);
        }
        boolean ok = false;
        try {
            st.exec("BEGIN");
            T v = op.apply(st);
            st.exec("COMMIT");
            ok = true;
            return v;
        } catch (SQLException e) {
            throw Errors.translate(e, file, doing);
        } finally {
            if (!ok) {
                st.rollbackQuietly();
            }
            giveBack(st);
        }
    }

    private Statements borrowReader() throws SQLException {
        synchronized (idleReaders) {
            if (closed) {
                throw new IllegalStateException("the study store " + file + " is closed");
            }
            Statements s = idleReaders.poll();
            if (s != null) {
                return s;
            }
        }
        // SQLITE_OPEN_READONLY: a reader cannot write even by mistake.
        return new Statements(FileCheck.connect(file, true, immutable, options.busyMillis()));
    }

    private void giveBack(Statements st) {
        synchronized (idleReaders) {
            if (!closed && idleReaders.size() < MAX_IDLE_READERS) {
                idleReaders.push(st);
                return;
            }
        }
        st.close();
    }

    /**
     * Closes the readers, then lets the writer finish the changes already asked for and close
     * the write connection last: the last connection to close checkpoints the WAL into the
     * database and removes the -wal file, and only a writer may do that.
     */
    @Override
    public void close() {
        List<Statements> readers;
        synchronized (idleReaders) {
            if (closed) {
                return;
            }
            closed = true;
            readers = new ArrayList<>(idleReaders);
            idleReaders.clear();
        }
        readers.forEach(Statements::close);
        if (writer != null) {
            writer.close();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    @Override
    public String toString() {
        return "SqliteStudyStore[" + file + (writer == null ? ", read-only" : "") + "]";
    }
}
