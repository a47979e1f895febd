package dev.rungs.app.newstudy;

import static dev.rungs.app.newstudy.FormParts.choice;
import static dev.rungs.app.newstudy.FormParts.errorLine;
import static dev.rungs.app.newstudy.FormParts.label;
import static dev.rungs.app.newstudy.FormParts.words;

import dev.rungs.app.Controls;
import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.ModelFamilies;
import dev.rungs.objective.ml.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The dataset part of the New study form: the CSV file and its preview (first rows, each
 * column headed by its name and inferred type), then target, task, missing values, validation,
 * metric and model family. Builds nodes and binds them to a {@link DatasetStepViewModel}; the
 * rules live in the view models.
 */
final class DatasetStepView extends VBox {
    private final DatasetStepViewModel step;
    private final NewStudyViewModel form;
    private final FilePicker files;
    private final FieldDecorations marks;
    private final TableView<List<String>> preview = new TableView<>();

    DatasetStepView(NewStudyViewModel form, FilePicker files, FieldDecorations marks) {
        super(8);
        this.form = form;
        this.step = form.datasetStep();
        this.files = files;
        this.marks = marks;

        getChildren().addAll(fileLine(), errorLine(step.loadErrorProperty()), error(FormField.DATASET_FILE),
                body());
        step.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                Dialogs.showError(this, report, step::clearError);
            }
        });
    }

    private Node fileLine() {
        TextField path = new TextField();
        path.setId("datasetFile");
        path.setEditable(false);
        path.setPromptText("no file chosen");
        path.textProperty().bind(Bindings.createStringBinding(
                () -> step.preview().fileProperty().get() == null ? "" : step.preview().fileProperty().get().toString(),
                step.preview().fileProperty()));
        marks.mark(path, form.fieldErrorProperty(FormField.DATASET_FILE));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = Controls.button("chooseDataset", "Choose CSV…", "Pick the CSV file to learn from",
                this::chooseFile);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, label("CSV file", path), path, choose);
        line.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, line, readingLine());
    }

    /** While the file is read: how far it has got, what it is doing, and a Cancel that stops it. */
    private Node readingLine() {
        ProgressBar bar = new ProgressBar();
        bar.setId("datasetProgress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(step.loadProgressProperty());
        Label message = new Label();
        message.setId("datasetProgressText");
        message.getStyleClass().add("help-text");
        message.textProperty().bind(step.loadMessageProperty());
        Button cancel = Controls.button("cancelDatasetLoad", "Cancel", "Stop reading the file; the form keeps what "
                + "it had", step::cancelLoad);
        HBox line = new HBox(10, bar, message, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(step.loadingProperty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private Node body() {
        preview.setId("datasetPreview");
        preview.setPlaceholder(new Label("Choose a CSV file to see its first rows."));
        preview.setItems(step.preview().rows());
        preview.setPrefHeight(250);
        preview.setMinHeight(160);
        preview.setPrefWidth(560);
        preview.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        step.preview().columns().addListener((ListChangeListener<Dataset.Column>) c -> showColumns());
        step.targetProperty().addListener((o, old, now) -> showColumns());
        showColumns();

        Label summary = new Label();
        summary.setId("datasetSummary");
        summary.getStyleClass().add("help-text");
        summary.setWrapText(true);
        summary.textProperty().bind(step.preview().summaryProperty());
        Label notes = new Label();
        notes.setId("datasetNotes");
        notes.getStyleClass().add("help-text");
        notes.setWrapText(true);
        notes.textProperty().bind(step.preview().notesProperty());
        notes.visibleProperty().bind(step.preview().notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        VBox left = new VBox(6, preview, summary, notes);
        HBox.setHgrow(left, Priority.ALWAYS);

        HBox both = new HBox(24, left, settings());
        return both;
    }

    private Node settings() {
        ComboBox<String> target = new ComboBox<>(step.preview().columnNames());
        target.setId("datasetTarget");
        target.valueProperty().bindBidirectional(step.targetProperty());
        target.setTooltip(new Tooltip("The column to predict; the others are the features"));
        ComboBox<?> task = choice("datasetTask", step.taskChoices(), step.taskProperty(), FormParts::words);
        task.setTooltip(new Tooltip("Detected from the target; choose the other to override"));
        ComboBox<?> missing = choice("datasetMissing", step.missingChoices(), step.missingProperty(),
                m -> m.name().equals("IMPUTE") ? "impute (mean or most frequent)" : "drop rows with a missing cell");
        ComboBox<Validation.Kind> validation = choice("datasetValidation", step.validation().kinds(),
                step.validation().kindProperty(), k -> k == Validation.Kind.KFOLD ? "k-fold cross-validation"
                        : "holdout split");
        TextField folds = FormParts.textField("datasetFolds", step.validation().foldsProperty(), 4);
        folds.setMaxWidth(Region.USE_PREF_SIZE);
        TextField fraction = FormParts.textField("datasetTestFraction", step.validation().testFractionProperty(), 4);
        fraction.setMaxWidth(Region.USE_PREF_SIZE);
        ComboBox<?> metric = choice("datasetMetric", step.metrics(), step.metricProperty(),
                m -> words(m) + " (" + words(m.direction()) + ")");
        ComboBox<String> model = new ComboBox<>(step.models());
        model.setId("modelFamily");
        model.valueProperty().bindBidirectional(step.modelProperty());
        model.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item + "  –  " + ModelFamilies.byName(item).description());
            }
        });
        model.setTooltip(new Tooltip("The kind of model to tune; choosing one loads its default search space"));

        marks.mark(target, form.fieldErrorProperty(FormField.DATASET_TARGET));
        marks.mark(task, form.fieldErrorProperty(FormField.DATASET_TASK));
        marks.mark(missing, form.fieldErrorProperty(FormField.DATASET_MISSING));
        marks.mark(folds, form.fieldErrorProperty(FormField.DATASET_FOLDS));
        marks.mark(fraction, form.fieldErrorProperty(FormField.DATASET_TEST_FRACTION));
        marks.mark(metric, form.fieldErrorProperty(FormField.METRIC));
        marks.mark(model, form.fieldErrorProperty(FormField.MODEL));
        for (ComboBox<?> c : List.of(target, task, missing, validation, metric, model)) {
            c.setMaxWidth(Double.MAX_VALUE);
        }

        // Folds for k-fold, the test share for holdout: only the one that applies is shown.
        Label foldsLabel = label("Folds", folds);
        Label fractionLabel = label("Test fraction", fraction);
        HBox split = new HBox(8, foldsLabel, folds, fractionLabel, fraction);
        split.setAlignment(Pos.CENTER_LEFT);
        var holdout = step.validation().kindProperty().isEqualTo(Validation.Kind.HOLDOUT);
        for (Node n : List.of(foldsLabel, folds)) {
            n.visibleProperty().bind(holdout.not());
            n.managedProperty().bind(n.visibleProperty());
        }
        for (Node n : List.of(fractionLabel, fraction)) {
            n.visibleProperty().bind(holdout);
            n.managedProperty().bind(n.visibleProperty());
        }

        GridPane grid = FormParts.grid();
        int row = 0;
        row = addRow(grid, row, "Target", target, FormField.DATASET_TARGET);
        row = addRow(grid, row, "Task", task, FormField.DATASET_TASK);
        row = addRow(grid, row, "Missing values", missing, FormField.DATASET_MISSING);
        row = addRow(grid, row, "Validation", validation, null);
        grid.add(split, 1, row++);
        grid.add(error(FormField.DATASET_FOLDS), 1, row++);
        grid.add(error(FormField.DATASET_TEST_FRACTION), 1, row++);
        row = addRow(grid, row, "Metric", metric, FormField.METRIC);
        addRow(grid, row, "Model", model, FormField.MODEL);
        grid.setMinWidth(380);
        grid.setPrefWidth(420);
        grid.setAlignment(Pos.TOP_LEFT);
        return grid;
    }

    private int addRow(GridPane grid, int row, String title, Node field, FormField at) {
        grid.addRow(row++, label(title, field), field);
        GridPane.setHgrow(field, Priority.ALWAYS);
        if (at != null) {
            grid.add(error(at), 1, row++);
        }
        return row;
    }

    /** One column per file column, headed by its name and type; the target's header says so. */
    private void showColumns() {
        List<TableColumn<List<String>, String>> cols = new ArrayList<>();
        List<Dataset.Column> all = step.preview().columns();
        for (int i = 0; i < all.size(); i++) {
            Dataset.Column c = all.get(i);
            int index = i;
            boolean isTarget = c.name().equals(step.targetProperty().get());
            Supplier<String> type = () -> words(c.type()) + (isTarget ? " · target" : "");
            TableColumn<List<String>, String> col = new TableColumn<>(c.name() + "\n" + type.get());
            col.setId("preview-" + c.name());
            col.setSortable(false);
            col.setReorderable(false);
            col.setPrefWidth(Math.max(90, 9 * Math.max(c.name().length(), type.get().length())));
            col.setCellValueFactory(f -> new ReadOnlyStringWrapper(index < f.getValue().size()
                    ? f.getValue().get(index) : ""));
            if (isTarget) {
                col.getStyleClass().add("target-column");
            }
            cols.add(col);
        }
        preview.getColumns().setAll(cols);
    }

    private Label error(FormField field) {
        return errorLine(form.fieldErrorProperty(field));
    }

    private void chooseFile() {
        Scene scene = getScene();
        Window owner = scene == null ? null : scene.getWindow();
        files.openFile(owner, "Choose a CSV dataset", "CSV files", "csv").ifPresent((Path p) -> step.choose(p));
    }
}
