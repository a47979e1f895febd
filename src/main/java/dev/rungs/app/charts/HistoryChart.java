package dev.rungs.app.charts;

import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.StackPane;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;

/**
 * The optimisation history of a study (see {@link HistoryPlots} for what it draws) in a
 * {@link ChartBox}: zoom, pan, tooltips and export come from there. A click on a trial's point
 * calls {@link #setOnTrialClicked}; {@link #logScaleProperty} switches the value axis.
 */
public final class HistoryChart extends StackPane implements ChartHolder {
    private final ChartBox box = new ChartBox("No completed trials yet");
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private HistoryData data = HistoryData.EMPTY;
    private IntConsumer onTrialClicked = n -> { };
    private int plottedPoints;
    private int bestLinePoints;

    /** An empty history chart. */
    public HistoryChart() {
        getChildren().add(box);
        logScale.addListener(o -> redraw());
        box.viewer().addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item && event.getTrigger().getClickCount() == 1) {
                    onTrialClicked.accept((int) Math.round(item.getDataset().getXValue(item.getSeriesIndex(),
                            item.getItem())));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
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

    /** The chart's box, for export settings (files, file name, the exported hook). */
    public ChartBox box() {
        return box;
    }

    @Override
    public Optional<ChartBox> chartInFront() {
        return box.getChart() == null ? Optional.empty() : Optional.of(box);
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
        boolean log = logScale.get();
        if (!data.drawable(log)) {
            box.placeholderProperty().set(log && data.drawable(false) ? "No values above zero to show on a log scale"
                    : "No completed trials yet");
            box.setChart(null);
            plottedPoints = 0;
            bestLinePoints = 0;
            return;
        }
        var chart = HistoryPlots.chart(data, log);
        var plot = chart.getXYPlot();
        plottedPoints = plot.getDataset(1).getItemCount(0) + plot.getDataset(2).getItemCount(0);
        int corners = plot.getDataset(0).getItemCount(0);
        bestLinePoints = Math.max(0, corners - 1); // the last point only carries the line to the end
        box.setChart(chart);
    }
}
