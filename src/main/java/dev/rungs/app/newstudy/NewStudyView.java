package dev.rungs.app.newstudy;

import dev.rungs.app.Controls;
import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.study.Direction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The New study screen: a form in four sections (objective, search space, method, budget) over
 * a bar with the current problems and the Load, Save and Create buttons.
 *
 * <p>Only builds nodes and binds them to a {@link NewStudyViewModel}; every rule lives in the
 * view model. A field at fault is outlined and says why in its tooltip and in a line beneath;
 * the bar lists every problem, and Create stays disabled until there are none.
 */
public final class NewStudyView extends BorderPane {
    /** Problems shown in the bar at once; the rest are in its tooltip. */
    private static final int PROBLEMS_SHOWN = 3;

    private final NewStudyViewModel viewModel;
    private final ParamTable table;
    private final FilePicker files;

    /**
     * Builds the view over {@code viewModel}.
     *
     * @param files asks which spec file to load or save
     */
    public NewStudyView(NewStudyViewModel viewModel, FilePicker files) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.files = Objects.requireNonNull(files, "files");
        this.table = new ParamTable(viewModel.params());
        getStyleClass().add("new-study");
        getStylesheets().add(Objects.requireNonNull(NewStudyView.class.getResource("newstudy.css")).toExternalForm());

        // Objective and budget share the first line: both are short, and the method's settings
        // below then still fit a 1280x800 window without scrolling.
        Node objective = objectiveSection();
        HBox first = new HBox(40, objective, budgetSection());
        HBox.setHgrow(objective, Priority.ALWAYS);
        VBox form = new VBox(14, first, kindSection("Dataset and model", ObjectiveKind.DATASET,
                new DatasetStepView(viewModel, files)), kindSection("External command", ObjectiveKind.COMMAND,
                new CommandStepView(viewModel, files)), spaceSection(), methodSection());
        form.setPadding(new Insets(16, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("form-scroll");
        setCenter(scroll);
        setBottom(actionBar());

        viewModel.errorProperty().addListener((o, old, report) -> {
            if (report != null) {
                Dialogs.showError(this, report, viewModel::clearError);
            }
        });
    }

    // ------------------------------------------------------------------ sections

    private Node objectiveSection() {
        ComboBox<ObjectiveKind> kind = FormParts.choice("objectiveKind", viewModel.objectiveKinds(),
                viewModel.objectiveKindProperty(), ObjectiveKind::label);
        kind.setTooltip(new Tooltip("What a trial evaluates: a benchmark function, a model trained on a CSV file, "
                + "or a program of your own"));
        ComboBox<String> objective = new ComboBox<>(viewModel.objectives());
        objective.setId("objectiveChoice");
        objective.valueProperty().bindBidirectional(viewModel.objectiveProperty());
        objective.setTooltip(new Tooltip("The benchmark problem to tune; choosing one loads its search space"));
        objective.visibleProperty().bind(viewModel.objectiveKindProperty().isEqualTo(ObjectiveKind.BENCHMARK));
        objective.managedProperty().bind(objective.visibleProperty());
        HBox what = new HBox(8, kind, objective);

        ComboBox<Direction> direction = new ComboBox<>();
        direction.getItems().setAll(Direction.values());
        direction.setId("directionChoice");
        direction.valueProperty().bindBidirectional(viewModel.directionProperty());
        direction.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? "" : d.name().toLowerCase(Locale.ROOT);
            }

            @Override
            public Direction fromString(String s) {
                return Direction.valueOf(s.toUpperCase(Locale.ROOT));
            }
        });

        TextField name = textField("studyName", viewModel.nameProperty(), 28, FormField.NAME);

        GridPane grid = grid();
        // A dataset study's direction is the metric's: higher accuracy, lower RMSE.
        direction.disableProperty().bind(viewModel.objectiveKindProperty().isEqualTo(ObjectiveKind.DATASET));
        grid.addRow(0, label("Objective", kind), what, label("Direction", direction), direction);
        grid.add(fieldError(FormField.OBJECTIVE), 1, 1, 3, 1);
        grid.add(label("Study name", name), 0, 2);
        grid.add(name, 1, 2, 3, 1);
        grid.add(fieldError(FormField.NAME), 1, 3, 3, 1);
        GridPane.setHgrow(name, Priority.ALWAYS);
        return section("Objective", grid);
    }

    /** A section shown only while the objective is of {@code kind}. */
    private Node kindSection(String title, ObjectiveKind kind, Node body) {
        Node section = section(title, body);
        section.visibleProperty().bind(viewModel.objectiveKindProperty().isEqualTo(kind));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private Node spaceSection() {
        table.setPrefHeight(240);
        table.setMinHeight(160);
        HBox.setHgrow(table, Priority.ALWAYS);

        Button add = Controls.button("addParam", "Add", "Add a parameter at the end", () -> {
            ParamRow row = viewModel.addParam();
            table.getSelectionModel().select(row);
            table.scrollTo(row);
        });
        Button remove = Controls.button("removeParam", "Remove", "Remove the selected parameter",
                () -> viewModel.removeParam(table.getSelectionModel().getSelectedItem()));
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button up = Controls.button("moveParamUp", "Move up", "Move the selected parameter up (a parent must come first)",
                () -> move(-1));
        up.disableProperty().bind(remove.disableProperty());
        Button down = Controls.button("moveParamDown", "Move down", "Move the selected parameter down", () -> move(1));
        down.disableProperty().bind(remove.disableProperty());
        Button reset = Controls.button("resetParams", "Reset to preset", "Put back the objective's own search space (a model family's default space)",
                viewModel::resetParams);
        VBox buttons = new VBox(8, add, remove, up, down, new Region(), reset);
        for (Node b : buttons.getChildren()) {
            if (b instanceof Button button) {
                button.setMaxWidth(Double.MAX_VALUE);
            }
        }
        VBox.setVgrow(buttons.getChildren().get(4), Priority.ALWAYS);

        Label hint = new Label("Edit cells in place. Low, high, log and step apply to float and int parameters; "
                + "choices (comma-separated) to categorical ones.");
        hint.getStyleClass().add("help-text");
        hint.setWrapText(true);
        VBox body = new VBox(6, new HBox(10, table, buttons), hint, fieldError(FormField.PARAMETERS));
        return section("Search space", body);
    }

    private void move(int by) {
        ParamRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            viewModel.moveParam(row, by);
            table.getSelectionModel().select(row);
        }
    }

    private Node methodSection() {
        VBox sampler = methodBox("Sampler", "samplerChoice", viewModel.samplerTypes(),
                viewModel.samplerTypeProperty(), viewModel.samplerTitleProperty(),
                new SettingsSheet("samplerSettings", viewModel.samplerSettings()), FormField.SAMPLER,
                NewStudyViewModel::samplerTitle);
        VBox scheduler = methodBox("Scheduler", "schedulerChoice", viewModel.schedulerTypes(),
                viewModel.schedulerTypeProperty(), viewModel.schedulerTitleProperty(),
                new SettingsSheet("schedulerSettings", viewModel.schedulerSettings()), FormField.SCHEDULER,
                NewStudyViewModel::schedulerTitle);
        // A multi-fidelity scheduler's brackets, and what one full iteration of them takes.
        Label plan = new Label();
        plan.setId("rungPlan");
        plan.getStyleClass().add("rung-plan");
        plan.setWrapText(true);
        plan.textProperty().bind(viewModel.rungPlanProperty());
        plan.visibleProperty().bind(viewModel.rungPlanProperty().isNotEmpty());
        plan.managedProperty().bind(plan.visibleProperty());
        scheduler.getChildren().add(plan);
        HBox both = new HBox(32, sampler, scheduler);
        HBox.setHgrow(sampler, Priority.ALWAYS);
        HBox.setHgrow(scheduler, Priority.ALWAYS);
        sampler.setPrefWidth(600);
        scheduler.setPrefWidth(520);
        return section("Method", both);
    }

    private VBox methodBox(String title, String id, ObservableList<String> types, ObjectProperty<String> type,
            ObservableStringValue description, SettingsSheet settings, FormField field,
            Function<String, String> titleOf) {
        ComboBox<String> choice = new ComboBox<>(types);
        choice.setId(id);
        choice.valueProperty().bindBidirectional(type);
        // The list shows what each method is; the closed box only its name, the title is beside it.
        choice.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item + "  –  " + titleOf.apply(item));
            }
        });
        // The closed box shows the name alone: with the description too, a long one pushed the
        // name out of sight.
        choice.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
            }
        });
        choice.setPrefWidth(170);
        // A long description beside it must not squeeze the box until the name no longer fits.
        choice.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label();
        what.textProperty().bind(description);
        what.getStyleClass().add("method-title");
        what.setWrapText(true);
        Label heading = label(title, choice);
        HBox line = new HBox(10, heading, choice, what);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.ALWAYS);
        return new VBox(10, line, settings, fieldError(field));
    }

    private Node budgetSection() {
        TextField trials = textField("trialsField", viewModel.trialsProperty(), 7, FormField.TRIALS);
        TextField time = textField("timeField", viewModel.timeLimitProperty(), 7, FormField.TIME_LIMIT);
        time.setPromptText("none");
        TextField workers = textField("workersField", viewModel.workersProperty(), 4, FormField.WORKERS);
        TextField seed = textField("seedField", viewModel.seedProperty(), 10, FormField.SEED);
        Button random = Controls.button("randomSeed", "Random", "Pick a new random seed", viewModel::randomSeed);
        for (TextField f : List.of(trials, time, workers, seed)) {
            // Short numbers: a field as wide as its column would suggest room for long text.
            f.setMaxWidth(Region.USE_PREF_SIZE);
        }

        GridPane grid = grid();
        grid.addRow(0, label("Trials", trials), trials, label("Time limit (s)", time), time);
        grid.add(fieldError(FormField.TRIALS), 1, 1);
        grid.add(fieldError(FormField.TIME_LIMIT), 3, 1);
        grid.addRow(2, label("Workers", workers), workers, label("Seed", seed), new HBox(6, seed, random));
        grid.add(fieldError(FormField.WORKERS), 1, 3);
        grid.add(fieldError(FormField.SEED), 3, 3);
        return section("Budget", grid);
    }

    private Node actionBar() {
        Label problems = new Label();
        problems.setId("problemsLabel");
        problems.setWrapText(true);
        problems.setMaxWidth(Double.MAX_VALUE);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(problems, Priority.ALWAYS);
        viewModel.problems().addListener((ListChangeListener<String>) c -> showProblems(problems));
        showProblems(problems);

        Label status = new Label();
        status.setId("newStudyStatus");
        status.getStyleClass().add("help-text");
        status.textProperty().bind(viewModel.statusProperty());

        Button load = Controls.button("loadSpec", "Load spec…", "Fill the form from a spec file", this::chooseAndLoad);
        Button save = Controls.button("saveSpec", "Save spec…", "Write the form as a spec file", this::chooseAndSave);
        save.disableProperty().bind(viewModel.canCreateProperty().not().or(viewModel.busyProperty()));
        load.disableProperty().bind(viewModel.busyProperty());
        Button create = Controls.button("createStudy", "Create and run", "Create the study and start it", viewModel::create);
        create.setDefaultButton(true);
        create.disableProperty().bind(viewModel.canCreateProperty().not());

        HBox buttons = new HBox(8, load, save, create);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        VBox left = new VBox(4, problems, status);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox bar = new HBox(16, left, buttons);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 20, 10, 20));
        bar.getStyleClass().add("action-bar");
        return bar;
    }

    private void showProblems(Label label) {
        List<String> all = viewModel.problems();
        label.getStyleClass().removeAll("problems", "no-problems");
        if (all.isEmpty()) {
            label.setText("Ready: the study can be created.");
            label.getStyleClass().add("no-problems");
            label.setTooltip(null);
            return;
        }
        StringBuilder text = new StringBuilder(all.size() == 1 ? "1 problem:" : all.size() + " problems:");
        for (String p : all.subList(0, Math.min(PROBLEMS_SHOWN, all.size()))) {
            text.append("\n• ").append(p);
        }
        if (all.size() > PROBLEMS_SHOWN) {
            text.append("\n… and ").append(all.size() - PROBLEMS_SHOWN).append(" more (hover to see all)");
        }
        label.setText(text.toString());
        label.getStyleClass().add("problems");
        label.setTooltip(new Tooltip(String.join("\n", all)));
    }

    // ------------------------------------------------------------------ files

    private void chooseAndLoad() {
        files.openFile(window(), "Load a study spec", "Study specs", "json").ifPresent(viewModel::loadFrom);
    }

    private void chooseAndSave() {
        files.saveFile(window(), "Save the study spec", viewModel.nameProperty().get() + ".json", "Study specs", "json")
                .ifPresent(viewModel::saveTo);
    }

    private Window window() {
        Scene scene = getScene();
        return scene == null ? null : scene.getWindow();
    }

    // ------------------------------------------------------------------ building blocks

    private static Node section(String title, Node body) {
        return FormParts.section(title, body);
    }

    private static GridPane grid() {
        return FormParts.grid();
    }

    private static Label label(String text, Node field) {
        return FormParts.label(text, field);
    }

    /** A text field bound to the view model, outlined and explained while its field is wrong. */
    private TextField textField(String id, StringProperty text, int columns, FormField field) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(text);
        viewModel.fieldErrorProperty(field).addListener((o, old, error) -> outline(f, error));
        outline(f, viewModel.fieldErrorProperty(field).get());
        return f;
    }

    private static void outline(TextField f, String error) {
        f.getStyleClass().remove("invalid");
        if (error != null) {
            f.getStyleClass().add("invalid");
        }
        f.setTooltip(error == null ? null : new Tooltip(error));
    }

    /** A line that says what is wrong with a field, taking no room while nothing is. */
    private Label fieldError(FormField field) {
        return FormParts.errorLine(viewModel.fieldErrorProperty(field));
    }
}
