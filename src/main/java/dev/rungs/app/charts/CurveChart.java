package dev.rungs.app.charts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * One trial's intermediate values against the step they were reported at: its learning curve.
 * A line through the values, with dots while there are few enough to tell apart. Steps whose
 * value is not a finite number are left out.
 */
public final class CurveChart extends StackPane implements ChartHolder {
    /** Above this many points the dots would merge into the line, so only the line is drawn. */
    static final int MAX_DOTS = 200;

    private final ChartBox box = new ChartBox("No intermediate values");
    private int pointCount;

    /** An empty learning-curve chart. */
    public CurveChart() {
        getChildren().add(box);
    }

    /** Shows these values, by step; an empty map shows the placeholder. */
    public void setCurve(SortedMap<Long, Double> intermediate) {
        double[] steps = new double[intermediate.size()];
        double[] values = new double[intermediate.size()];
        int n = 0;
        for (Map.Entry<Long, Double> e : intermediate.entrySet()) {
            if (e.getValue() != null && Double.isFinite(e.getValue())) {
                steps[n] = e.getKey();
                values[n++] = e.getValue();
            }
        }
        pointCount = n;
        box.setChart(n == 0 ? null : chart(Arrays.copyOf(steps, n), Arrays.copyOf(values, n)));
    }

    /** How many values the chart holds. */
    public int pointCount() {
        return pointCount;
    }

    /** The chart's box, for export settings. */
    public ChartBox box() {
        return box;
    }

    @Override
    public Optional<ChartBox> chartInFront() {
        return box.getChart() == null ? Optional.empty() : Optional.of(box);
    }

    private static JFreeChart chart(double[] steps, double[] values) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("Intermediate values", new double[][] {steps, values});
        NumberAxis x = new NumberAxis("Step");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Value");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, steps.length <= MAX_DOTS);
        line.setDefaultToolTipGenerator((d, s, i) -> "Step " + Math.round(d.getXValue(s, i)) + ": "
                + HistoryPlots.formatValue(d.getYValue(s, i)));
        JFreeChart chart = new JFreeChart("Intermediate values", ChartTheme.TITLE_FONT, new XYPlot(data, x, y, line),
                false);
        ChartTheme.apply(chart);
        line.setSeriesPaint(0, ChartTheme.BLUE);
        line.setSeriesStroke(0, ChartTheme.LINE);
        line.setSeriesShape(0, ChartTheme.dot(5));
        return chart;
    }
}
