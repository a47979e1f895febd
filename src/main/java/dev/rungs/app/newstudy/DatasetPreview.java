package dev.rungs.app.newstudy;

import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the dataset step shows of the file it read: its path, columns with their inferred types,
 * first rows, a one-line summary and the reader's notes.
 */
public final class DatasetPreview {
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ObservableList<Dataset.Column> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnNames = FXCollections.observableArrayList();
    private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ObservableList<Dataset.Column> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<String> columnNamesView = FXCollections.unmodifiableObservableList(columnNames);
    private final ObservableList<List<String>> rowsView = FXCollections.unmodifiableObservableList(rows);

    /** The CSV file in use, or null before one has been read. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The file's columns as read, with their inferred types, in file order. */
    public ObservableList<Dataset.Column> columns() {
        return columnsView;
    }

    /** The column names, for choosing the target. */
    public ObservableList<String> columnNames() {
        return columnNamesView;
    }

    /** The first rows of the file as text, one cell per column. */
    public ObservableList<List<String>> rows() {
        return rowsView;
    }

    /** One line about the dataset: rows, features, task and classes; empty before a file is read. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the reader decided on its own, one note a line (such as a column left out because it
     * looks like an identifier); empty when nothing.
     */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Names the file before it has been read, as a spec names it. */
    void setFile(Path path) {
        file.set(path);
    }

    /** Shows what {@code read} read; lists that did not change are left alone, so the table keeps its columns. */
    void show(DatasetReading.Read read) {
        Dataset data = read.loaded().dataset();
        file.set(read.request().file());
        if (!columns.equals(data.columns())) {
            columns.setAll(data.columns());
            rows.setAll(read.loaded().firstRows());
            List<String> names = new ArrayList<>();
            data.columns().forEach(c -> names.add(c.name()));
            columnNames.setAll(names);
        } else if (!rows.equals(read.loaded().firstRows())) {
            rows.setAll(read.loaded().firstRows());
        }
        summary.set(describe(data));
        notes.set(String.join("\n", data.notes()));
    }

    /** One line about a dataset: rows, features, task and classes, and what was done about missing cells. */
    static String describe(Dataset d) {
        StringBuilder s = new StringBuilder();
        s.append(d.rows()).append(d.rows() == 1 ? " row, " : " rows, ").append(d.features())
                .append(d.features() == 1 ? " feature" : " features");
        if (d.task() == Task.CLASSIFICATION) {
            s.append(" · classification of ").append(d.classes().size()).append(" classes");
            if (d.classes().size() <= 6) {
                s.append(" (").append(String.join(", ", d.classes())).append(')');
            }
        } else {
            s.append(" · regression");
        }
        if (d.rowsDropped() > 0) {
            s.append(" · ").append(d.rowsDropped()).append(" rows dropped for missing cells");
        }
        if (d.cellsImputed() > 0) {
            s.append(" · ").append(d.cellsImputed()).append(" missing cells imputed");
        }
        return s.toString();
    }
}
