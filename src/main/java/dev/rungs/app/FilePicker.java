package dev.rungs.app;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks the person for a file to open or to save to.
 *
 * <p>Views get one instead of opening a {@link FileChooser} themselves, because the system's
 * file dialog cannot be driven in a headless UI test; tests hand in a picker that answers with
 * a file of their choosing, and everything after the choice runs for real.
 */
public interface FilePicker {

    /**
     * A file to save to, or empty when the person cancels.
     *
     * @param owner the window the dialog belongs to; may be null
     * @param title the dialog's title
     * @param suggestedName the file name offered
     * @param kind what the files are, such as {@code "CSV files"}
     * @param extension their extension, such as {@code "csv"}
     */
    Optional<Path> saveFile(Window owner, String title, String suggestedName, String kind, String extension);

    /** A file to open, or empty when the person cancels; arguments as in {@link #saveFile}. */
    Optional<Path> openFile(Window owner, String title, String kind, String extension);

    /**
     * A folder, or empty when the person cancels.
     *
     * @param owner the window the dialog belongs to; may be null
     * @param title the dialog's title
     */
    Optional<Path> chooseFolder(Window owner, String title);

    /**
     * Whether {@link #saveFile} has already asked the person before returning a file that
     * exists, so the workbench need not ask again ({@link SaveFile#choose}).
     */
    default boolean asksBeforeReplacing() {
        return false;
    }

    /** The system's file dialogs. */
    static FilePicker system() {
        return new FilePicker() {
            /** The save dialogs of GTK, macOS and Windows confirm a replacement themselves. */
            @Override
            public boolean asksBeforeReplacing() {
                return true;
            }

            @Override
            public Optional<Path> saveFile(Window owner, String title, String suggestedName, String kind,
                    String extension) {
                FileChooser chooser = chooser(title, kind, extension);
                chooser.setInitialFileName(suggestedName);
                return path(chooser.showSaveDialog(owner));
            }

            @Override
            public Optional<Path> openFile(Window owner, String title, String kind, String extension) {
                return path(chooser(title, kind, extension).showOpenDialog(owner));
            }

            @Override
            public Optional<Path> chooseFolder(Window owner, String title) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle(title);
                return path(chooser.showDialog(owner));
            }
        };
    }

    private static FileChooser chooser(String title, String kind, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(List.of(
                new FileChooser.ExtensionFilter(kind, "*." + extension),
                new FileChooser.ExtensionFilter("All files", "*")));
        return chooser;
    }

    private static Optional<Path> path(File f) {
        return Optional.ofNullable(f).map(File::toPath);
    }
}
