package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.TaskHandle;
import dev.rungs.objective.ml.DatasetLoader;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Reads CSV files for the dataset step in the background, one at a time, with
 * {@link DatasetLoader}: says how far the read has got, and can be cancelled.
 *
 * <p>Only the latest read counts: starting another, or cancelling, means the answer to the one
 * before is never handed on. UI thread only.
 */
final class DatasetReading {
    /** A file and how to read it: two equal requests read the same dataset. */
    record Request(Path file, DatasetLoader.Options options) {
    }

    /** What a request read. */
    record Read(Request request, DatasetLoader.Loaded loaded) {
    }

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Counts reads, so that the answer to an older one is ignored. */
    private long reads;
    private TaskHandle running;

    DatasetReading(TaskExecutor tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Whether a file is being read. */
    ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How far the read has got, in [0, 1]; negative while it cannot tell. */
    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the read is doing, such as {@code Reading flights.csv: 12,000 rows}. */
    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Reads {@code request} in the background with the first {@code previewRows} rows kept; hands
     * the outcome to {@code onRead} or {@code onFailed}, unless another read was started or this
     * one cancelled before it ended.
     */
    void start(Request request, int previewRows, Consumer<Read> onRead, Consumer<Throwable> onFailed) {
        cancelRunning();
        long id = ++reads;
        String name = request.file().getFileName().toString();
        loading.set(true);
        progress.unbind();
        progress.set(-1);
        message.unbind();
        String starting = "Reading " + name + "…";
        message.set(starting);
        TaskHandle handle = tasks.start("Reading " + name, p -> DatasetLoader.loadWithFirstRows(request.file(),
                request.options(), previewRows, (rows, fraction) -> {
                    p.checkCancelled();
                    p.update(fraction, "Reading " + name + ": " + NumberFormat.getIntegerInstance(Locale.ROOT)
                            .format(rows) + " rows");
                }), loaded -> {
                    if (ended(id)) {
                        onRead.accept(new Read(request, loaded));
                    }
                }, e -> {
                    if (ended(id)) {
                        onFailed.accept(e);
                    }
                });
        if (id == reads && loading.get()) {
            // Still going (a real background read): show its progress as it comes.
            running = handle;
            progress.bind(handle.progressProperty());
            message.bind(Bindings.createStringBinding(() -> handle.messageProperty().get().isEmpty() ? starting
                    : handle.messageProperty().get(), handle.messageProperty()));
        }
    }

    /** Stops the read going on, whose answer then never comes; returns whether there was one. */
    boolean cancel() {
        if (!loading.get()) {
            return false;
        }
        cancelRunning();
        reads++;
        finished();
        return true;
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    /** Whether read {@code id} is the latest; if so, the reading is over. */
    private boolean ended(long id) {
        if (id != reads) {
            return false;
        }
        running = null;
        finished();
        return true;
    }

    private void finished() {
        loading.set(false);
        progress.unbind();
        message.unbind();
        progress.set(-1);
        message.set("");
    }
}
