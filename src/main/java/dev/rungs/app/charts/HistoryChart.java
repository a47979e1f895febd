package dev.rungs.app.charts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

import dev.rungs.app.FilePicker;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.jfree.chart.entity.XYItemEntity;

/**
 * The optimisation history of a study (see {@link HistoryPlots} for what it draws): a
 * {@link ChartBox}, so zoom, pan, tooltips and export come from there. A click on a trial's
 * point calls {@link #setOnTrialClicked}; {@link #logScaleProperty} switches the value axis.
 */
public final class HistoryChart extends ChartBox implements ChartHolder {
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private HistoryData data = HistoryData.EMPTY;
    private IntConsumer onTrialClicked = n -> { };
    private int plottedPoints;
    private int bestLinePoints;

    /** An empty history chart; {@code files} asks where exports go. */
    public HistoryChart(FilePicker files) {
        super(HistoryPlots.chart(), files);
        setFileName("history");
        logScale.addListener(o -> redraw());
        setOnEntityClicked(entity -> {
            if (entity instanceof XYItemEntity item) {
                onTrialClicked.accept((int) Math.round(item.getDataset().getXValue(item.getSeriesIndex(),
                        item.getItem())));
            }
        });
        redraw();
    }

    /** Shows this history. */
    public void setData(HistoryData history) {
        data = Objects.requireNonNull(history, "history");
        redraw();
    }

    /** Whether the value axis is logarithmic; off by default. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Called with a trial's number when its point is clicked. */
    public void setOnTrialClicked(IntConsumer listener) {
        onTrialClicked = listener == null ? n -> { } : listener;
    }

    @Override
    public Optional<ChartBox> chartInFront() {
        return data.drawable(logScale.get()) ? Optional.of(this) : Optional.empty();
    }

    @Override
    public String noChartReason() {
        return "No completed trials to draw yet";
    }

    /** How many completed trials the chart shows as dots. */
    public int plottedPoints() {
        return plottedPoints;
    }

    /** How many corners the best-so-far line has: one per improvement. */
    public int bestLinePoints() {
        return bestLinePoints;
    }

    private void redraw() {
        update(() -> HistoryPlots.show(chart(), data, logScale.get()));
        var plot = chart().getXYPlot();
        plottedPoints = plot.getDataset(1).getItemCount(0) + plot.getDataset(2).getItemCount(0);
        bestLinePoints = Math.max(0, plot.getDataset(0).getItemCount(0) - 1); // the last point carries the line on
    }
}
