package dev.rungs.app.tpe;

import dev.rungs.app.FilePicker;
import dev.rungs.app.charts.ChartBox;
import dev.rungs.app.charts.ChartHolder;
import dev.rungs.app.charts.DensityChart;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The TPE view: pick a parameter and move through the study's trials to see, for each, the
 * good and bad densities TPE had fitted when it proposed the trial, and where the trial's value
 * fell.
 *
 * <p>Only builds nodes and binds them to a {@link TpeViewModel}; what is shown is decided there.
 */
public final class TpeView extends BorderPane implements ChartHolder {
    private final TpeViewModel viewModel;
    private final DensityChart chart;

    /** Builds the view over {@code viewModel}. */
    public TpeView(TpeViewModel viewModel, FilePicker files) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.chart = new DensityChart(Objects.requireNonNull(files, "files"));
        getStyleClass().add("tpe-view");
        setTop(controls());
        setCenter(buildChart());
        setBottom(message());
    }

    private HBox controls() {
        Label paramLabel = new Label("Parameter:");
        ComboBox<String> params = new ComboBox<>(viewModel.parameters());
        params.setId("tpeParamChoice");
        params.setPrefWidth(180);
        params.valueProperty().bindBidirectional(viewModel.selectedParameterProperty());
        params.disableProperty().bind(Bindings.isEmpty(viewModel.parameters()));
        paramLabel.setLabelFor(params);

        Slider trials = new Slider(0, 0, 0);
        trials.setId("tpeTrialSlider");
        // Whole steps only: each position is one trial.
        trials.setBlockIncrement(1);
        trials.setMajorTickUnit(1);
        trials.setMinorTickCount(0);
        trials.setSnapToTicks(true);
        trials.maxProperty().bind(Bindings.max(0, Bindings.size(viewModel.trialNumbers()).subtract(1)));
        followTrialIndex(trials);
        trials.disableProperty().bind(Bindings.size(viewModel.trialNumbers()).lessThan(2));
        trials.setTooltip(new Tooltip("Move through the study's trials (arrow keys step by one)"));
        HBox.setHgrow(trials, Priority.ALWAYS);

        Label trialLabel = new Label();
        trialLabel.setId("tpeTrialLabel");
        trialLabel.textProperty().bind(viewModel.trialLabelProperty());
        trialLabel.setMinWidth(Label.USE_PREF_SIZE);

        Button export = new Button("Export…");
        export.setId("tpeExportPng");
        export.setTooltip(new Tooltip("Save the chart as it looks now: a PNG picture, or an SVG drawing when the "
                + "file name ends in .svg (the chart's right-click menu offers both)"));
        export.disableProperty().bind(viewModel.densitiesProperty().isNull());
        export.setOnAction(e -> chart.export(ChartBox.Format.PNG));

        HBox bar = new HBox(8, paramLabel, params, trials, trialLabel, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8));
        return bar;
    }

    /**
     * Keeps the slider and the chosen trial together. Not a bidirectional binding: that puts the
     * slider's value into the integer property by truncation, so while the thumb was dragged
     * between two trials the chart showed the one below the thumb's nearest (it lagged by one).
     */
    private void followTrialIndex(Slider trials) {
        IntegerProperty index = viewModel.selectedTrialIndexProperty();
        trials.setValue(index.get());
        trials.valueProperty().addListener((o, old, v) -> {
            int nearest = (int) Math.round(v.doubleValue());
            if (index.get() != nearest) {
                index.set(nearest);
            }
        });
        index.addListener((o, old, i) -> {
            if (Math.round(trials.getValue()) != i.intValue()) {
                trials.setValue(i.intValue());
            }
        });
    }

    private DensityChart buildChart() {
        chart.setId("tpeDensityChart");
        viewModel.densitiesProperty().addListener((o, old, data) -> {
            chart.setFileName(viewModel.suggestedFileName());
            chart.setData(data);
        });
        chart.setData(viewModel.densitiesProperty().get());
        chart.titleProperty().bind(viewModel.chartTitleProperty());
        return chart;
    }

    private Label message() {
        Label message = new Label();
        message.setId("tpeMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setPadding(new Insets(8));
        return message;
    }

    /** The density chart, while it shows densities. */
    @Override
    public Optional<ChartBox> chartInFront() {
        return chart.data() == null ? Optional.empty() : Optional.of(chart);
    }

    @Override
    public String noChartReason() {
        return "No densities are shown yet";
    }

    /** The density chart, for tests. */
    DensityChart chart() {
        return chart;
    }
}
