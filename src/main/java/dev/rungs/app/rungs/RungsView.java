package dev.rungs.app.rungs;

import dev.rungs.app.Controls;
import dev.rungs.app.FilePicker;
import dev.rungs.app.charts.ChartBox;
import dev.rungs.app.charts.ChartHolder;
import dev.rungs.app.charts.DensityChart;
import dev.rungs.app.charts.RungsChart;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The rungs view: pick a bracket to see its rungs as columns of trials, beside the bracket
 * table (n_i trials at budget r_i, and how many reached each rung so far); for BOHB, below
 * them the good and bad densities of the budget its model was built on.
 *
 * <p>Only builds nodes and binds them to a {@link RungsViewModel}. Both parts of the split keep
 * a minimum height, so that dragging the divider cannot squash either chart until its labels
 * run into each other; at 1280 x 800 both are readable.
 */
public final class RungsView extends BorderPane implements ChartHolder {
    /** The least height of the rungs part and of BOHB's densities part. */
    static final double MIN_PART_HEIGHT = 230;

    private final RungsViewModel viewModel;
    private final RungsChart chart;
    private final DensityChart densities;
    /** The chart the person last clicked; "Export chart…" exports it. */
    private ChartBox inFront;

    /**
     * @param viewModel what to show
     * @param files asks where to export the chart to
     */
    public RungsView(RungsViewModel viewModel, FilePicker files) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        Objects.requireNonNull(files, "files");
        this.chart = new RungsChart(files);
        this.densities = new DensityChart(files);
        inFront = chart;
        chart.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> inFront = chart);
        densities.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> inFront = densities);
        getStyleClass().add("rungs-view");
        setTop(controls());
        setCenter(body());
        chart.setData(viewModel.dataProperty().get());
        viewModel.dataProperty().addListener((o, old, d) -> chart.setData(d));
        densities.setData(viewModel.densitiesProperty().get());
        viewModel.densitiesProperty().addListener((o, old, d) -> densities.setData(d));
    }

    private VBox controls() {
        Label label = new Label("Bracket:");
        ComboBox<RungsViewModel.BracketChoice> brackets = new ComboBox<>(viewModel.brackets());
        brackets.setId("rungsBracketChoice");
        brackets.setPrefWidth(260);
        brackets.valueProperty().bindBidirectional(viewModel.selectedProperty());
        brackets.disableProperty().bind(Bindings.size(viewModel.brackets()).lessThan(2));
        label.setLabelFor(brackets);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button export = Controls.button("rungsExportPng", "Export…", "Save the chart in front (the last one clicked) as a PNG "
                + "picture, or an SVG drawing when the file name ends in .svg", () -> inFront.export(ChartBox.Format.PNG));
        HBox bar = new HBox(8, label, brackets, spacer, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("rungsMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        VBox box = new VBox(6, bar, message);
        box.setPadding(new Insets(8));
        return box;
    }

    private SplitPane body() {
        chart.setId("rungsChart");
        chart.setMinWidth(320);
        SplitPane top = new SplitPane(chart, bracketTable());
        top.setDividerPositions(0.72);
        top.setMinHeight(MIN_PART_HEIGHT);

        Label paramLabel = new Label("Parameter:");
        ComboBox<String> params = new ComboBox<>(viewModel.parameters());
        params.setId("bohbParamChoice");
        params.valueProperty().bindBidirectional(viewModel.densityParameterProperty());
        Label title = new Label();
        title.setId("bohbDensityTitle");
        title.textProperty().bind(viewModel.densityTitleProperty());
        title.setWrapText(true);
        HBox bar = new HBox(8, paramLabel, params, title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 0, 8));
        densities.setId("bohbDensityChart");
        densities.setFileName("bohb-densities");
        densities.setMinHeight(MIN_PART_HEIGHT - 40);
        VBox.setVgrow(densities, Priority.ALWAYS);
        VBox bohb = new VBox(4, bar, densities);
        bohb.setMinHeight(MIN_PART_HEIGHT);

        SplitPane split = new SplitPane(top);
        split.setOrientation(Orientation.VERTICAL);
        // BOHB's densities only for BOHB studies.
        Runnable layout = () -> {
            if (viewModel.bohbProperty().get()) {
                if (!split.getItems().contains(bohb)) {
                    split.getItems().add(bohb);
                    split.setDividerPositions(0.5);
                }
            } else {
                split.getItems().remove(bohb);
                inFront = chart;
            }
        };
        viewModel.bohbProperty().addListener(o -> layout.run());
        layout.run();
        return split;
    }

    /** The chart the person last clicked: the rungs, or BOHB's densities. */
    @Override
    public Optional<ChartBox> chartInFront() {
        return Optional.of(inFront);
    }

    /** The rungs chart, for tests. */
    RungsChart rungsChart() {
        return chart;
    }

    /** BOHB's density chart, for tests. */
    DensityChart densityChart() {
        return densities;
    }

    private TableView<RungsViewModel.RungRow> bracketTable() {
        TableView<RungsViewModel.RungRow> table = new TableView<>(viewModel.table());
        table.setId("bracketTable");
        table.setPlaceholder(new Label("No bracket yet"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RungsViewModel.RungRow, Integer> rung = Controls.valueColumn("rungColumn", "Rung", 50,
                RungsViewModel.RungRow::rung);
        TableColumn<RungsViewModel.RungRow, Integer> planned = Controls.valueColumn("plannedColumn", "n_i", 60,
                RungsViewModel.RungRow::planned);
        Controls.showAsText(planned, n -> n < 0 ? "–" : Integer.toString(n), true);
        TableColumn<RungsViewModel.RungRow, Long> budget = Controls.valueColumn("budgetColumn", "r_i", 60,
                RungsViewModel.RungRow::budget);
        Controls.showAsText(budget, b -> Long.toString(b), true);
        TableColumn<RungsViewModel.RungRow, Integer> reached = Controls.valueColumn("reachedColumn", "Reached", 70,
                RungsViewModel.RungRow::reached);
        Controls.showAsText(reached, n -> Integer.toString(n), true);
        TableColumn<RungsViewModel.RungRow, Long> promoted = Controls.valueColumn("promotedColumn", "Promoted", 80,
                RungsViewModel.RungRow::promoted);
        Controls.showAsText(promoted, n -> Long.toString(n), true);
        List<TableColumn<RungsViewModel.RungRow, ?>> columns = List.of(rung, planned, budget, reached, promoted);
        table.getColumns().setAll(columns);
        table.setMinWidth(240);
        return table;
    }
}
