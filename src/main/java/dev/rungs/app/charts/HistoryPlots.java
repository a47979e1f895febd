package dev.rungs.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Path2D;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * Builds the optimisation history chart of a {@link HistoryData}, from stock JFreeChart parts:
 * <ul>
 *   <li>the best-so-far line (vermillion steps), drawn first so that points lie on top of it;</li>
 *   <li>completed trials as blue dots, and the ones that set a new best as larger vermillion dots,
 *       each with a white rim, so a point on the line stands out from it;</li>
 *   <li>pruned trials as rings at their last report;</li>
 *   <li>failed trials (no value) as grey crosses along the bottom, on an axis of their own.</li>
 * </ul>
 * Tooltips name the trial and its value. On a logarithmic value axis, values of zero or less are
 * left out. No JavaFX here: tests draw the chart into images.
 */
final class HistoryPlots {
    static final String BEST = "Best so far";
    static final String COMPLETED = "Completed";
    static final String NEW_BEST = "New best";
    static final String PRUNED = "Pruned (last report)";
    static final String FAILED = "Failed";
    /** Above this many points, white rims cost more drawing time than they are worth. */
    private static final int MAX_RIMMED = 3_000;

    private HistoryPlots() {
    }

    /** An empty history chart; {@link #show} fills it. */
    static JFreeChart chart() {
        NumberAxis x = new NumberAxis("Trial");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(null, x, valueAxis(false), null);
        return new JFreeChart("Optimisation history", ChartTheme.TITLE_FONT, plot, true);
    }

    /**
     * Shows {@code d} in a chart made by {@link #chart} (and themed): its datasets, renderers and
     * value axis are replaced, so call it inside {@link ChartBox#update} for one redraw.
     */
    static void show(JFreeChart chart, HistoryData d, boolean log) {
        XYPlot plot = chart.getXYPlot();
        boolean drawable = d.drawable(log);
        if (!(plot.getRangeAxis() instanceof LogAxis) == log) {
            // A new axis keeps the themed look of the one it replaces.
            ValueAxis old = plot.getRangeAxis();
            ValueAxis axis = valueAxis(log);
            axis.setLabelFont(old.getLabelFont());
            axis.setLabelPaint(old.getLabelPaint());
            axis.setTickLabelFont(old.getTickLabelFont());
            axis.setTickLabelPaint(old.getTickLabelPaint());
            axis.setAxisLinePaint(old.getAxisLinePaint());
            axis.setTickMarkPaint(old.getTickMarkPaint());
            plot.setRangeAxis(axis);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        HistoryData shown = drawable ? d : HistoryData.EMPTY;

        XYStepRenderer line = new XYStepRenderer();
        line.setSeriesPaint(0, ChartTheme.BEST);
        line.setSeriesStroke(0, ChartTheme.LINE);
        line.setDefaultShapesVisible(false);
        plot.setDataset(0, best(shown, log));
        plot.setRenderer(0, line);

        // Many points: square dots without rims, which draw several times faster than round ones.
        boolean few = shown.completeNumbers().length + shown.prunedNumbers().length <= MAX_RIMMED;
        Shape dot = few ? ChartTheme.dot() : new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5);
        plot.setDataset(1, completed(shown, log, false));
        plot.setRenderer(1, dots(ChartTheme.COMPLETED, dot, true, few));
        plot.setDataset(2, completed(shown, log, true));
        plot.setRenderer(2, dots(ChartTheme.BEST, ChartTheme.dot(ChartTheme.DOT_SIZE + 2), true, true));
        plot.setDataset(3, points(PRUNED, shown.prunedNumbers(), shown.prunedValues(), log));
        plot.setRenderer(3, dots(ChartTheme.PRUNED, ChartTheme.dot(), false, false));

        // Failed trials have no value: a row of crosses just above the x axis, on a hidden axis of their own.
        if (plot.getRangeAxisCount() < 2 || plot.getRangeAxis(1) == null) {
            NumberAxis bottom = new NumberAxis();
            bottom.setRange(0, 1);
            bottom.setVisible(false);
            plot.setRangeAxis(1, bottom);
        }
        double[] failedX = new double[shown.failedNumbers().length];
        double[] failedY = new double[failedX.length];
        for (int i = 0; i < failedX.length; i++) {
            failedX[i] = shown.failedNumbers()[i];
            failedY[i] = 0.025;
        }
        DefaultXYDataset failed = new DefaultXYDataset();
        failed.addSeries(FAILED, new double[][] {failedX, failedY});
        plot.setDataset(4, failed);
        plot.mapDatasetToRangeAxis(4, 1);
        plot.setRenderer(4, dots(ChartTheme.FAILED, cross(), false, false));
        for (int i = 0; i < 5; i++) {
            XYDataset data = plot.getDataset(i);
            boolean present = data.getSeriesCount() > 0 && data.getItemCount(0) > 0;
            plot.getRenderer(i).setSeriesVisibleInLegend(0, present);
        }
        plot.setNoDataMessage(log && d.drawable(false) ? "No values above zero to show on a log scale"
                : "No completed trials yet");
    }

    private static ValueAxis valueAxis(boolean log) {
        if (log) {
            LogAxis axis = new LogAxis("Objective value");
            axis.setSmallestValue(Double.MIN_NORMAL);
            return axis;
        }
        NumberAxis axis = new NumberAxis("Objective value");
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    /** The best-so-far corners, and the line's end at the last trial. */
    private static XYDataset best(HistoryData d, boolean log) {
        int n = d.improvements();
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        int k = 0;
        for (int i = 0; i < d.completeNumbers().length; i++) {
            if (d.improved()[i]) {
                xs[k] = d.completeNumbers()[i];
                ys[k++] = d.completeValues()[i];
            }
        }
        DefaultXYDataset set = new DefaultXYDataset();
        if (n > 0 && (!log || ys[n - 1] > 0)) {
            xs[n] = Math.max(d.lastNumber(), xs[n - 1]);
            ys[n] = ys[n - 1];
            set.addSeries(BEST, positive(new double[][] {xs, ys}, log));
        } else {
            set.addSeries(BEST, new double[2][0]);
        }
        return set;
    }

    private static XYDataset completed(HistoryData d, boolean log, boolean improving) {
        int[] numbers = d.completeNumbers();
        double[] xs = new double[numbers.length];
        double[] ys = new double[numbers.length];
        int k = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (d.improved()[i] == improving) {
                xs[k] = numbers[i];
                ys[k++] = d.completeValues()[i];
            }
        }
        DefaultXYDataset set = new DefaultXYDataset();
        set.addSeries(improving ? NEW_BEST : COMPLETED,
                positive(new double[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)}, log));
        return set;
    }

    private static XYDataset points(String key, int[] numbers, double[] values, boolean log) {
        double[] xs = new double[numbers.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = numbers[i];
        }
        DefaultXYDataset set = new DefaultXYDataset();
        set.addSeries(key, positive(new double[][] {xs, values.clone()}, log));
        return set;
    }

    /** The points with a value above zero, on a log axis; all of them otherwise. */
    private static double[][] positive(double[][] xy, boolean log) {
        if (!log) {
            return xy;
        }
        int k = 0;
        double[] xs = new double[xy[0].length];
        double[] ys = new double[xy[0].length];
        for (int i = 0; i < xs.length; i++) {
            if (xy[1][i] > 0) {
                xs[k] = xy[0][i];
                ys[k++] = xy[1][i];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, k), java.util.Arrays.copyOf(ys, k)};
    }

    private static XYLineAndShapeRenderer dots(Color colour, Shape shape, boolean filled, boolean rim) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesPaint(0, colour);
        r.setSeriesShape(0, shape);
        r.setSeriesShapesFilled(0, filled);
        r.setSeriesStroke(0, new BasicStroke(1.5f));
        r.setDrawOutlines(rim || !filled);
        r.setUseOutlinePaint(rim);
        r.setSeriesOutlinePaint(0, Color.WHITE);
        r.setSeriesOutlineStroke(0, new BasicStroke(1.2f));
        r.setDefaultToolTipGenerator(TOOLTIP);
        return r;
    }

    /** "Trial 17: 0.4123" (failed trials: "Trial 17: failed"). */
    static final XYToolTipGenerator TOOLTIP = (dataset, series, item) -> {
        int number = (int) Math.round(dataset.getXValue(series, item));
        return FAILED.equals(dataset.getSeriesKey(series)) ? "Trial " + number + ": failed"
                : "Trial " + number + ": " + ValueFormat.of(dataset.getYValue(series, item));
    };

    private static Shape cross() {
        double h = 3.5;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-h, -h);
        p.lineTo(h, h);
        p.moveTo(-h, h);
        p.lineTo(h, -h);
        return p;
    }
}
