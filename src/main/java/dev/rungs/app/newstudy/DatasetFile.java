package dev.rungs.app.newstudy;

import dev.rungs.app.TaskExecutor;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.DatasetException;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.spec.SpecReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The CSV file of the dataset step: the file and options the form asks for, what was last read
 * (kept in memory, so checking the spec never reads the file again), and the last read that
 * failed, with the field to blame.
 *
 * <p>Target, task and missing-value policy change how the file is read, so a change of one reads
 * it again; until that is done the file is reported as not ready. A file that cannot be used
 * changes nothing that was read before.
 */
final class DatasetFile {
    /** Rows of the file the preview shows. */
    static final int PREVIEW_ROWS = 10;

    private final DatasetReading reading;
    private final DatasetPreview preview = new DatasetPreview();
    /** The file and options the form describes; null until a file has been asked for. */
    private DatasetReading.Request wanted;
    /** The last file read, with the options it was read with. */
    private DatasetReading.Read read;
    /** The last request that failed, its message and the field to blame. */
    private DatasetReading.Request failed;
    private String failure;
    private FormField failedField;

    DatasetFile(TaskExecutor tasks) {
        this.reading = new DatasetReading(tasks);
    }

    DatasetReading reading() {
        return reading;
    }

    DatasetPreview preview() {
        return preview;
    }

    /** The file asked for, or null before one is. */
    Path path() {
        return wanted == null ? null : wanted.file();
    }

    /**
     * Reads a newly chosen file with its last column as target; what it read goes to {@code shown}
     * (and becomes the file asked for), a failure to {@code failedWith} with the reader's message.
     */
    void choose(Path path, MissingPolicy missing, Consumer<DatasetReading.Read> shown, Consumer<String> failedWith) {
        DatasetReading.Request request = new DatasetReading.Request(path,
                DatasetLoader.Options.defaults().withMissing(missing));
        reading.start(request, PREVIEW_ROWS, r -> {
            // Read with the last column as target; the same as naming that column.
            wanted = new DatasetReading.Request(path, request.options().withTarget(r.loaded().dataset().target()));
            show(new DatasetReading.Read(wanted, r.loaded()), shown);
        }, e -> failedWith.accept(reason(e)));
    }

    /**
     * Asks for the file read with {@code options}: hands what is in memory to {@code shown} at once
     * when it was read so, and otherwise reads it again, blaming {@code cause} if that fails.
     * {@code changed} is told whenever the state changes without a read to show.
     */
    void ask(Path path, DatasetLoader.Options options, FormField cause, Consumer<DatasetReading.Read> shown,
            Runnable changed) {
        DatasetReading.Request request = new DatasetReading.Request(path, options);
        wanted = request;
        if (read != null && read.request().equals(request)) {
            show(read, shown);
            return;
        }
        preview.setFile(path);
        reading.start(request, PREVIEW_ROWS, r -> show(r, shown), e -> {
            failed = request;
            failure = reason(e);
            failedField = cause;
            changed.run();
        });
        changed.run();
    }

    /**
     * Stops the read going on and asks again for what was read last; returns that read (null if
     * none), or null too when no read was going on.
     */
    DatasetReading.Read cancel() {
        if (!reading.cancel()) {
            return null;
        }
        wanted = read == null ? null : read.request();
        return read;
    }

    /** Puts the file's problem into {@code errors}; returns the dataset asked for when it is in memory, else null. */
    Dataset check(Map<FormField, String> errors) {
        if (wanted == null) {
            errors.put(FormField.DATASET_FILE, "choose a CSV file");
        } else if (wanted.equals(failed)) {
            errors.put(failedField, failure);
        } else if (read == null || !wanted.equals(read.request())) {
            errors.put(FormField.DATASET_FILE, "reading " + wanted.file().getFileName() + "…");
        } else {
            return read.loaded().dataset();
        }
        return null;
    }

    /** The data for the spec reader: the dataset in memory when it is the one asked for. */
    SpecReader.Datasets datasets() {
        return (path, options) -> {
            DatasetReading.Read r = read;
            if (r != null && r.request().equals(new DatasetReading.Request(path, options))) {
                return r.loaded().dataset();
            }
            return DatasetLoader.load(path, options);
        };
    }

    private void show(DatasetReading.Read r, Consumer<DatasetReading.Read> shown) {
        read = r;
        failed = null;
        preview.show(r);
        shown.accept(r);
    }

    private static String reason(Throwable e) {
        return e instanceof DatasetException ? e.getMessage() : ErrorReport.reason(e);
    }
}
