package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Spec files of the New study form: Load spec… reads one in the background and fills the form,
 * Save spec… writes the spec the form describes. Says what it did in a status line and what went
 * wrong in an error report for a dialog.
 */
public final class SpecFiles {
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<ErrorReport> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    SpecFiles(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** A failed load or save to show in a dialog, or null; the view calls {@link #clearError} once shown. */
    public ReadOnlyObjectProperty<ErrorReport> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Forgets the error once shown, so the same error can be reported again. */
    public void clearError() {
        error.set(null);
    }

    /** One line about the last load or save. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether a file is being read or written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Reads a spec file in the background and hands it to {@code fill}. A file that cannot be read
     * or is not a valid spec is not handed on and sets {@link #errorProperty()}, with the reader's
     * message naming the JSON path at fault.
     */
    void load(Path file, Consumer<StudySpec> fill) {
        busy.set(true);
        tasks.execute(() -> SpecReader.read(file), spec -> {
            busy.set(false);
            fill.accept(spec);
            status.set("Loaded " + file);
        }, e -> {
            busy.set(false);
            // The heading names the file, so a spec's mistake is told as where and why alone.
            if (e instanceof SpecException s) {
                error.set(new ErrorReport("The spec " + file.getFileName() + " cannot be used", s.problem().toString()));
            } else {
                error.set(new ErrorReport("Cannot read " + file, ErrorReport.reason(e)));
            }
        });
    }

    /**
     * Writes {@code spec} as JSON in the background; without a spec (the form has problems) or when
     * the write fails, sets the error.
     *
     * @param problems what stands in the way when there is no spec
     */
    void save(Path file, Optional<StudySpec> spec, List<String> problems) {
        if (spec.isEmpty()) {
            error.set(new ErrorReport("The spec cannot be saved yet", String.join("\n", problems)));
            return;
        }
        String json = spec.get().toJson();
        busy.set(true);
        tasks.execute(() -> {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        }, written -> {
            busy.set(false);
            status.set("Saved " + written);
        }, e -> {
            busy.set(false);
            error.set(new ErrorReport("Cannot save the spec to " + file, ErrorReport.reason(e)));
        });
    }
}
