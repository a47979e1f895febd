package dev.rungs.store.sqlite;

import dev.rungs.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Looks at a file before the store opens it for writing, and only reads while doing so: a file
 * that is not a Rungs database, is damaged, or comes from a newer Rungs is refused with a
 * message, byte for byte as it was. Only a file that passes is opened read-write (which
 * switches it to WAL and may upgrade its schema).
 */
final class FileCheck {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FileCheck() {
    }

    /**
     * What was found at the path.
     *
     * @param exists whether the file exists (with content; an empty file counts as new)
     * @param version its schema version, 0 for a new or empty database
     */
    record Found(boolean exists, int version) {
    }

    static Found inspect(Path file, boolean readOnly, boolean quickCheck, int busyMillis) {
        if (!Files.exists(file)) {
            if (readOnly) {
                throw new StoreException("there is no Rungs database at " + file);
            }
            return new Found(false, 0);
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(file + " is a folder, not a Rungs database file");
        }
        if (!Files.isReadable(file)) {
            throw new StoreException("cannot read " + file + ": permission denied");
        }
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            head = in.readNBytes(100);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            // What SQLite itself makes of an empty file: a database without tables. Nothing in
            // it can be lost by setting it up.
            if (readOnly) {
                throw new StoreException(file + " is empty: it holds no studies yet");
            }
            return new Found(false, 0);
        }
        if (!startsWith(head, SQLITE_MAGIC)) {
            throw new StoreException(file + " is not a Rungs database: it is not a SQLite database at all"
                    + describe(head) + ". Rungs has not changed it; choose another file.");
        }
        if (head.length < 100) {
            throw new StoreException(Errors.damaged(file, "the file is shorter than a SQLite header"));
        }
        // With no -wal file beside it, everything committed is in the database file itself, so
        // it is read as immutable: SQLite then creates no -wal/-shm files, and a refused file
        // is left without litter beside it. Should another process start writing meanwhile,
        // such a read may look damaged; that verdict is checked again the ordinary way.
        boolean quiet = !Files.exists(sibling(file, "-wal"));
        try {
            return inspectDatabase(file, readOnly, quickCheck, busyMillis, quiet);
        } catch (DamagedException e) {
            if (quiet) {
                try {
                    return inspectDatabase(file, readOnly, quickCheck, busyMillis, false);
                } catch (DamagedException again) {
                    throw again.toStoreException(file);
                }
            }
            throw e.toStoreException(file);
        }
    }

    private static Found inspectDatabase(Path file, boolean readOnly, boolean quickCheck, int busyMillis,
            boolean quiet) throws DamagedException {
        Connection c = null;
        try {
            try {
                c = connect(file, true, quiet, busyMillis);
                countTables(c); // the open is lazy: this is where a missing WAL index shows
            } catch (SQLException e) {
                if (quiet || !Errors.isCannotOpen(e)) {
                    throw e;
                }
                // A WAL database in a folder we cannot write to: SQLite cannot create its
                // -shm file, but can read the file as immutable (nobody can write there to
                // change it, which is what immutable promises).
                close(c);
                refuseUnreadableLog(file);
                c = connect(file, true, true, busyMillis);
                countTables(c);
            }
            if (quickCheck) {
                quickCheck(c);
            }
            List<String> tables = Schema.tables(c);
            int appId = pragmaInt(c, "application_id");
            if (appId != 0 && appId != Schema.APPLICATION_ID) {
                throw new StoreException(file + " is a SQLite database of another application (application id 0x"
                        + Integer.toHexString(appId) + "), not a Rungs database. Rungs has not changed it;"
                        + " choose another file.");
            }
            if (!tables.contains("schema_version")) {
                if (tables.isEmpty()) {
                    if (readOnly) {
                        throw new StoreException(file + " is an empty SQLite database: it holds no studies yet");
                    }
                    return new Found(true, 0);
                }
                throw new StoreException(file + " is a SQLite database but not a Rungs database: it has the tables "
                        + String.join(", ", tables.subList(0, Math.min(8, tables.size())))
                        + (tables.size() > 8 ? ", …" : "") + " and no schema_version table. Rungs has not changed it"
                        + " and will not add tables to it; choose another file.");
            }
            int version = Schema.version(c);
            if (version <= 0) {
                throw new StoreException(file + " has an empty schema_version table, so it is not a Rungs database"
                        + " Rungs can use; it was left as it is.");
            }
            if (version > Schema.LATEST) {
                throw newer(file, version);
            }
            return new Found(true, version);
        } catch (SQLException e) {
            if (Errors.isDamaged(e)) {
                throw new DamagedException(String.valueOf(e.getMessage()), e);
            }
            throw Errors.translate(e, file, "checking the file");
        } finally {
            close(c);
        }
    }

    /** The file's pages do not hold together (a verdict that may be checked again). */
    private static final class DamagedException extends Exception {
        private static final long serialVersionUID = 1L;

        DamagedException(String detail, Throwable cause) {
            super(detail, cause);
        }

        StoreException toStoreException(Path file) {
            return new StoreException(Errors.damaged(file, getMessage()), getCause());
        }
    }

    static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    /**
     * Whether a read-only store must read the file as immutable: SQLite cannot create the
     * WAL index beside it (a read-only folder). Opening normally is tried first, because
     * immutable reads would not see another process's writes.
     */
    static boolean needsImmutableReads(Path file, int busyMillis) {
        try (Connection c = connect(file, true, false, busyMillis)) {
            countTables(c);
            return false;
        } catch (SQLException e) {
            if (Errors.isCannotOpen(e)) {
                refuseUnreadableLog(file);
                return true;
            }
            throw Errors.translate(e, file, "opening it for reading");
        }
    }

    /**
     * Immutable reads do not see what is in the -wal file beside the database: the last commits
     * of a process that was killed, say. Shown without them the studies would look complete and
     * be older, so such a file is refused instead.
     */
    private static void refuseUnreadableLog(Path file) {
        Path wal = sibling(file, "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                throw new StoreException(file + " has recent changes in " + wal.getFileName() + " that SQLite can"
                        + " only read where it may create " + file.getFileName() + "-shm, and the folder "
                        + file.getParent() + " is read-only; make it writable, or copy " + file.getFileName()
                        + " and " + wal.getFileName() + " to a writable folder and open the copy.");
            }
        } catch (IOException e) {
            throw new StoreException("cannot read " + wal + ": " + e.getMessage(), e);
        }
    }

    static StoreException newer(Path file, int version) {
        return new StoreException(file + " was made by a newer Rungs (schema " + version + "); this Rungs knows up to "
                + "schema " + Schema.LATEST + ". Update Rungs to open it; the file was left as it is.");
    }

    /**
     * A connection to the file. Read-only ones are opened with SQLITE_OPEN_READONLY, so SQLite
     * itself guarantees they write nothing to the database.
     */
    static Connection connect(Path file, boolean readOnly, boolean immutable, int busyMillis) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(busyMillis);
        // Otherwise the driver prepares and runs "SELECT last_insert_rowid()" after every
        // INSERT (a tenth of the writer's time when measured); the store asks for it itself.
        cfg.setGetGeneratedKeys(false);
        if (readOnly) {
            cfg.setReadOnly(true);
        }
        String url;
        if (immutable) {
            cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
            url = "jdbc:sqlite:" + file.toUri() + "?immutable=1";
        } else {
            url = "jdbc:sqlite:" + file;
        }
        return cfg.createConnection(url);
    }

    private static void countTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            rs.next();
        }
    }

    /**
     * SQLite's quick_check: reads every page and checks the b-trees (not the indexes against
     * their tables, which integrity_check adds at several times the cost). A file with
     * overwritten bytes fails here instead of later, in the middle of a run.
     */
    private static void quickCheck(Connection c) throws SQLException, DamagedException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(3)")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(first)) {
                // SQLite's report spans lines and starts with a banner; one line reads better
                String line = first.replace("*** in database main ***", "").strip().replaceAll("\\s*\n\\s*", "; ");
                throw new DamagedException(line.length() > 200 ? line.substring(0, 200) + "…" : line, null);
            }
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A hint of what the file is instead, from its first bytes. */
    static String describe(byte[] head) {
        if (head.length >= 4 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return " (it looks like a PNG image)";
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return " (it looks like a JPEG image)";
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return " (it looks like a PDF document)";
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return " (it looks like a ZIP archive)";
        }
        StringBuilder text = new StringBuilder();
        for (byte b : head) {
            int ch = b & 0xff;
            if (ch == '\n' || ch == '\r') {
                break;
            }
            if (ch < 0x20 && ch != '\t') {
                return "";
            }
            text.append((char) ch);
            if (text.length() >= 40) {
                text.append('…');
                break;
            }
        }
        return text.length() == 0 ? "" : " (it looks like text starting \"" + text.toString().strip() + "\")";
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
    }
}
