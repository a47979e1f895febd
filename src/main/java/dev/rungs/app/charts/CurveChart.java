package dev.rungs.app.charts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import dev.rungs.app.FilePicker;
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
public final class CurveChart extends ChartBox implements ChartHolder {
    /** Above this many points the dots would merge into the line, so only the line is drawn. */
    static final int MAX_DOTS = 200;

    private final XYLineAndShapeRenderer line;
    private int pointCount;

    /** An empty learning-curve chart; {@code files} asks where exports go. */
    public CurveChart(FilePicker files) {
        super(empty(), files);
        setFileName("curve");
        setPlaceholder("No intermediate values");
        line = (XYLineAndShapeRenderer) chart().getXYPlot().getRenderer();
        line.setSeriesPaint(0, ChartTheme.BLUE);
        line.setSeriesStroke(0, ChartTheme.LINE);
        line.setSeriesShape(0, ChartTheme.dot(5));
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
        DefaultXYDataset data = new DefaultXYDataset();
        if (n > 0) {
            data.addSeries("Intermediate values", new double[][] {Arrays.copyOf(steps, n), Arrays.copyOf(values, n)});
        }
        boolean dots = n <= MAX_DOTS;
        update(() -> {
            line.setDefaultShapesVisible(dots);
            chart().getXYPlot().setDataset(data);
        });
    }

    /** How many values the chart holds. */
    public int pointCount() {
        return pointCount;
    }

    @Override
    public Optional<ChartBox> chartInFront() {
        return pointCount == 0 ? Optional.empty() : Optional.of(this);
    }

    @Override
    public String noChartReason() {
        return "Select a trial with intermediate values to see its curve";
    }

    private static JFreeChart empty() {
        NumberAxis x = new NumberAxis("Step");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("Value");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
        line.setDefaultToolTipGenerator((d, s, i) -> "Step " + Math.round(d.getXValue(s, i)) + ": "
                + ValueFormat.of(d.getYValue(s, i)));
        return new JFreeChart("Intermediate values", ChartTheme.TITLE_FONT,
                new XYPlot(new DefaultXYDataset(), x, y, line), false);
    }
}
