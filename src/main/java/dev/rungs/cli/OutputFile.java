package dev.rungs.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file a command writes ({@code --csv FILE}): checked before any work, so that a long run does
 * not end in a refusal, and written whole or not at all.
 *
 * @param file where to write
 * @param force whether an existing file may be replaced ({@code --force})
 */
record OutputFile(Path file, boolean force) {

    /** What writes the content. */
    interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Refuses, with a {@link CliException}, a file that is the database itself (or one of
     * SQLite's files beside it), a folder, an existing file without {@code --force}, or a file
     * in a folder that does not exist.
     */
    void check(Path database) {
        Path target = absolute(file);
        Path db = absolute(database);
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            if (isSame(target, db.resolveSibling(db.getFileName() + suffix))) {
                throw new CliException("refusing to write " + file + ": it is the study database"
                        + (suffix.isEmpty() ? "" : "'s " + suffix + " file") + " (" + database
                        + "); choose another file for --csv");
            }
        }
        if (Files.isDirectory(target)) {
            throw new CliException("cannot write " + file + ": it is a folder; give a file name for --csv");
        }
        if (Files.exists(target) && !force) {
            throw new CliException("refusing to replace " + file + ": it exists; add --force to replace it");
        }
        Path folder = target.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CliException("cannot write " + file + ": folder " + folder + " does not exist");
        }
        if (folder != null && !Files.isWritable(folder)) {
            throw new CliException("cannot write " + file + ": folder " + folder + " is read-only");
        }
    }

    /**
     * Writes into a temporary file beside the target and renames it over the target, so that a
     * failed write (a full disk, an error half-way) leaves an existing file as it was.
     */
    void write(Content content) throws IOException {
        Path target = absolute(file);
        if (!force && Files.exists(target)) { // appeared while the study ran
            throw new CliException("refusing to replace " + file + ": it was created meanwhile; add --force to"
                    + " replace it");
        }
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e)
                    + (Files.exists(target) ? " (the file there was left as it was)" : ""), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What went wrong, without the temporary file's name that some exceptions give as their message. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The same file, also through links, or the same path when it does not exist yet. */
    private static boolean isSame(Path a, Path b) {
        try {
            return a.equals(b) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
        } catch (IOException e) {
            return false;
        }
    }
}
