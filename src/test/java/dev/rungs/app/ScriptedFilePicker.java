package dev.rungs.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/** A {@link FilePicker} for UI tests: answers every dialog with the next file it was given. */
public final class ScriptedFilePicker implements FilePicker {
    private final Deque<Path> answers = new ArrayDeque<>();
    private String lastTitle;
    private String lastDialog;

    /** The file the next dialog answers with. */
    public ScriptedFilePicker answer(Path file) {
        answers.add(file);
        return this;
    }

    /** The title of the last dialog asked for, so a test can tell which dialog it was. */
    public String lastTitle() {
        return lastTitle;
    }

    /** Which kind of dialog was asked for last: {@code "save"}, {@code "open"} or {@code "folder"}. */
    public String lastDialog() {
        return lastDialog;
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String suggestedName, String kind, String extension) {
        lastTitle = title;
        lastDialog = "save";
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        lastTitle = title;
        lastDialog = "folder";
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openFile(Window owner, String title, String kind, String extension) {
        lastTitle = title;
        lastDialog = "open";
        return Optional.ofNullable(answers.poll());
    }
}
