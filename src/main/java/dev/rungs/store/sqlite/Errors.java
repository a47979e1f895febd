package dev.rungs.store.sqlite;

import dev.rungs.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into messages a person can act on. */
final class Errors {
    // primary result codes, https://sqlite.org/rescode.html
    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int READONLY = 8;
    static final int IOERR = 10;
    static final int CORRUPT = 11;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int TOOBIG = 18;
    static final int CONSTRAINT = 19;
    static final int PERM = 3;
    static final int AUTH = 23;
    static final int NOTADB = 26;

    private Errors() {
    }

    /** SQLite's primary result code of the failure, or -1 when it did not come from SQLite. */
    static int code(SQLException e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode().code & 0xff;
        }
        return e.getErrorCode() == 0 ? -1 : e.getErrorCode() & 0xff;
    }

    static boolean isForeignKey(SQLException e) {
        return code(e) == CONSTRAINT && String.valueOf(e.getMessage()).contains("FOREIGN KEY");
    }

    static boolean isUnique(SQLException e) {
        return code(e) == CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE");
    }

    static boolean isDamaged(SQLException e) {
        int c = code(e);
        return c == CORRUPT || c == NOTADB;
    }

    static boolean isCannotOpen(SQLException e) {
        int c = code(e);
        return c == CANTOPEN || c == READONLY || c == PERM;
    }

    /** Message for a file whose pages do not hold together. */
    static String damaged(Path file, String detail) {
        return file + " is damaged: SQLite reports \"" + detail + "\". Rungs does not try to repair it and has not"
                + " changed it; restore it from a backup, or open another file.";
    }

    /** A failure while {@code doing} something with {@code file}, as an exception for the caller. */
    static StoreException translate(SQLException e, Path file, String doing) {
        String sqlite = String.valueOf(e.getMessage());
        String msg = switch (code(e)) {
            case FULL -> "the disk is full (or the database reached its size limit) while " + doing + " in " + file
                    + "; this change was not saved, and what was saved before is intact. Free some space and try again.";
            case READONLY -> "cannot write to " + file + " while " + doing + ": the file or its folder is read-only ("
                    + sqlite + ").";
            case CORRUPT, NOTADB -> damaged(file, sqlite) + " (while " + doing + ")";
            case IOERR -> "the operating system reported an input/output error while " + doing + " in " + file
                    + " (" + sqlite + "); the disk or the network drive may be failing.";
            case BUSY, LOCKED -> file + " stayed locked by another program for too long while " + doing
                    + "; close other programs that write to it and try again.";
            case CANTOPEN -> "cannot open " + file + " while " + doing + " (" + sqlite + ").";
            case PERM, AUTH -> "not allowed to use " + file + " while " + doing + " (" + sqlite + ").";
            case TOOBIG -> "a value is too big for the database while " + doing + " in " + file + ".";
            default -> "the database " + file + " failed while " + doing + ": " + sqlite;
        };
        return new StoreException(msg, e);
    }
}
