package dev.rungs.app;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import javafx.scene.Node;
import javafx.stage.Window;

/**
 * How the workbench saves a file it exports: it asks before it replaces one, and it writes
 * through a temporary file in the same folder that is renamed over the target only once it is
 * complete, so a failed write (a full disk, a crash) leaves the old file whole.
 */
public final class SaveFile {
    /** What is written: the whole content, to the stream given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SaveFile() {
    }

    /**
     * Asks {@code files} for a file to save to; an existing one is taken only once the person
     * has agreed to replace it (in the picker's own dialog, where it asks, or in ours). Empty when they cancel either question.
     *
     * @param owner the node whose window the dialogs belong to
     */
    public static Optional<Path> choose(Node owner, FilePicker files, String title, String suggestedName, String kind,
            String extension) {
        Window window = owner.getScene() == null ? null : owner.getScene().getWindow();
        return files.saveFile(window, title, suggestedName, kind, extension)
                .filter(file -> files.asksBeforeReplacing() || !Files.exists(file) || Dialogs.confirm(owner,
                        "Replace " + file.getFileName() + "?",
                        file + " exists already. Replacing it overwrites what it holds now.", "Replace"));
    }

    /**
     * Writes {@code content} to {@code file}, creating its folder if needed: first to a
     * temporary file beside it, which then replaces {@code file} in one rename. On failure
     * {@code file} is as it was and the temporary file is gone.
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Same folder, so the rename never crosses file systems; hidden, so a crash's leftover is out of the way.
        Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                // A writer that closes what it was given (TrialsCsv does) only flushes it here:
                // the channel must stay open to be forced.
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                // On disk before the rename: a crash right after it must not leave an empty file.
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
