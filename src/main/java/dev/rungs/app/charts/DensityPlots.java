package dev.rungs.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the JFreeChart of a {@link DensityData}: the densities above, as filled curves (or as
 * a pair of bars per value for a categorical parameter or a small integer range), and below
 * them, on the same x axis, a rug of the good and bad observations, one tick each. The picked
 * value is a dashed marker across both.
 *
 * <p>Only stock JFreeChart parts: the rug ticks are shapes of a line-and-shape renderer (a
 * short vertical line as the shape), so no renderer of our own is needed. No JavaFX here, so
 * tests can draw the chart into an image.
 */
final class DensityPlots {
    /** Up to this many values, an integer parameter is drawn like a categorical one: bars per value. */
    static final int MAX_BARS = 60;
    /** How much of a value's slot its two bars (and its spread rug ticks) take together. */
    static final double BAR_GROUP = 0.7;
    /** Series keys, which are also the legend's words. */
    static final String GOOD = "l(x): good trials";
    static final String BAD = "g(x): bad trials";
    static final String PICKED = "Picked value";
    /** How strongly the area under a density is filled. */
    static final double FILL_OPACITY = 0.16;
    /** The picked value's marker. */
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    private DensityPlots() {
    }

    /** What the chart says while it has no densities. */
    static final String NO_DATA = "No densities to show";

    /** A chart to {@link #show} densities in; it shows the no-data message until then. */
    static JFreeChart emptyChart() {
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis());
        plot.setGap(6);
        // An empty title, so that the theme gives it its font before a view sets its text.
        JFreeChart chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        show(chart, null, false);
        return chart;
    }

    /**
     * Makes {@code chart} (from {@link #emptyChart}) show {@code d}, or the no-data message for
     * null. With {@code keepDomain} the x axis stays as it is, zoom included: for the same
     * parameter drawn the same way ({@link #layoutKey}), as when the TPE view steps from trial
     * to trial.
     */
    static void show(JFreeChart chart, DensityData d, boolean keepDomain) {
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) chart.getPlot();
        for (Object sub : List.copyOf(plot.getSubplots())) {
            plot.remove((XYPlot) sub);
        }
        if (!keepDomain) {
            plot.setDomainAxis(d == null ? new NumberAxis() : domainAxis(d));
        }
        XYPlot densities;
        XYPlot rug = null;
        if (d == null) {
            densities = new XYPlot(null, null, new NumberAxis("Density"), null);
            densities.setNoDataMessage(NO_DATA);
            plot.setFixedLegendItems(new LegendItemCollection());
        } else {
            densities = discrete(d) ? bars(d) : curves(d);
            rug = rug(d);
            markPicked(d, densities);
            plot.setFixedLegendItems(legend(d));
        }
        plot.add(densities, 5);
        if (rug != null) {
            plot.add(rug, 1);
        }
        // The new plots need the theme too; it resets series paints, so colour after it.
        ChartTheme.apply(chart);
        if (rug != null) {
            colour(densities, rug);
        }
    }

    /**
     * What decides how densities are drawn: while it stays the same, new densities can keep
     * the x axis (and its zoom).
     */
    static String layoutKey(DensityData d) {
        if (d == null) {
            return "";
        }
        double[] xs = d.xs();
        return d.parameter() + "|" + d.isCategorical() + "|" + discrete(d) + "|" + d.logX() + "|" + xs[0] + "|"
                + xs[xs.length - 1];
    }

    /** Good blue, bad orange, everywhere; after the theme, which resets series paints. */
    private static void colour(XYPlot densities, XYPlot rug) {
        for (int r = 0; r < densities.getRendererCount(); r++) {
            XYItemRenderer renderer = densities.getRenderer(r);
            if (renderer == null) {
                continue;
            }
            boolean fill = renderer instanceof XYAreaRenderer;
            renderer.setSeriesPaint(0, fill ? ChartTheme.translucent(ChartTheme.GOOD, FILL_OPACITY) : ChartTheme.GOOD);
            renderer.setSeriesPaint(1, fill ? ChartTheme.translucent(ChartTheme.BAD, FILL_OPACITY) : ChartTheme.BAD);
            renderer.setSeriesStroke(0, ChartTheme.LINE);
            renderer.setSeriesStroke(1, ChartTheme.LINE);
        }
        XYItemRenderer ticks = rug.getRenderer();
        ticks.setSeriesPaint(0, ChartTheme.GOOD);
        ticks.setSeriesPaint(1, ChartTheme.BAD);
        ticks.setSeriesOutlineStroke(0, ChartTheme.THIN_LINE);
        ticks.setSeriesOutlineStroke(1, ChartTheme.THIN_LINE);
    }

    /**
     * Whether the x values are few separate values (choices, or a small integer range), drawn
     * as bars, rather than a grid over a continuous range, drawn as curves.
     */
    static boolean discrete(DensityData d) {
        return d.isCategorical() || (d.integers() && d.xs().length <= MAX_BARS);
    }

    // ------------------------------------------------------------------ axes

    private static ValueAxis domainAxis(DensityData d) {
        double[] xs = d.xs();
        if (d.isCategorical()) {
            SymbolAxis axis = new SymbolAxis(d.parameter(), d.categories().toArray(new String[0]));
            axis.setGridBandsVisible(false);
            axis.setRange(-0.5, xs.length - 0.5);
            return axis;
        }
        double lo = xs[0];
        double hi = xs[xs.length - 1];
        if (discrete(d)) {
            // Half a step beyond the end values, so that their bars fit on the axis.
            double half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 0.5;
            lo = d.logX() ? Math.max(lo - half, lo / 2) : lo - half;
            hi += half;
        }
        ValueAxis axis;
        if (d.logX()) {
            LogAxis log = new LogAxis(d.parameter());
            log.setSmallestValue(lo);
            // Whole powers of ten: 10^-4.6 helps nobody.
            log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(d.parameter());
            linear.setAutoRangeIncludesZero(false);
            if (d.integers()) {
                linear.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            axis = linear;
        }
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        axis.setDefaultAutoRange(new org.jfree.data.Range(lo, hi));
        axis.setRange(lo, hi);
        return axis;
    }

    private static NumberAxis valueAxis(DensityData d) {
        NumberAxis axis = new NumberAxis(d.valueLabel());
        axis.setAutoRangeIncludesZero(true);
        axis.setUpperMargin(0.12); // room for the picked value's label above the highest peak
        return axis;
    }

    // ------------------------------------------------------------------ the densities

    private static XYPlot curves(DensityData d) {
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(series(GOOD, d.xs(), d.good()));
        lines.addSeries(series(BAD, d.xs(), d.bad()));
        XYPlot plot = new XYPlot(lines, null, valueAxis(d), null);

        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        // One path per curve: smooth joins, and one element per curve in an SVG export.
        line.setDrawSeriesLineAsPath(true);
        line.setDefaultToolTipGenerator(tooltips(d));
        plot.setRenderer(0, line);
        // The same curves again, filled lightly, under the lines.
        XYAreaRenderer fill = new XYAreaRenderer(XYAreaRenderer.AREA);
        fill.setDefaultSeriesVisibleInLegend(false);
        // Hovering anywhere under a curve tells the densities there.
        fill.setDefaultToolTipGenerator(tooltips(d));
        plot.setDataset(1, lines);
        plot.setRenderer(1, fill);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        return plot;
    }

    private static XYPlot bars(DensityData d) {
        double[] xs = d.xs();
        double[] good = d.good();
        double[] bad = d.bad();
        XYIntervalSeries g = new XYIntervalSeries(GOOD);
        XYIntervalSeries b = new XYIntervalSeries(BAD);
        for (int i = 0; i < xs.length; i++) {
            double half = slot(xs, i) * BAR_GROUP / 2;
            double gap = half * 0.04;
            g.add(xs[i], xs[i] - half, xs[i] - gap, good[i], 0, good[i]);
            b.add(xs[i], xs[i] + gap, xs[i] + half, bad[i], 0, bad[i]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(g);
        data.addSeries(b);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setDefaultToolTipGenerator(tooltips(d));
        return new XYPlot(data, null, valueAxis(d), renderer);
    }

    /** The x distance to value {@code i}'s nearest neighbour (1 if it has none). */
    static double slot(double[] xs, int i) {
        double w = Double.POSITIVE_INFINITY;
        if (i > 0) {
            w = xs[i] - xs[i - 1];
        }
        if (i + 1 < xs.length) {
            w = Math.min(w, xs[i + 1] - xs[i]);
        }
        return Double.isFinite(w) ? w : 1;
    }

    // ------------------------------------------------------------------ the rug

    /**
     * One row of ticks per side, good on top (next to the curves). Observations of a choice or
     * of one whole number would all fall on one spot; they are spread side by side over the
     * value's slot instead, so that their number shows.
     */
    private static XYPlot rug(DensityData d) {
        XYSeriesCollection rows = new XYSeriesCollection();
        rows.addSeries(rugRow(GOOD, d, d.goodObservations(), 1));
        rows.addSeries(rugRow(BAD, d, d.badObservations(), 0));
        SymbolAxis axis = new SymbolAxis(null, new String[] {"bad", "good"});
        axis.setGridBandsVisible(false);
        axis.setRange(-0.6, 1.6);
        axis.setAutoRange(false);
        XYLineAndShapeRenderer ticks = new XYLineAndShapeRenderer(false, true);
        Shape tick = new Line2D.Double(0, -6, 0, 6);
        ticks.setDefaultShape(tick);
        ticks.setAutoPopulateSeriesShape(false);
        ticks.setSeriesShape(0, tick);
        ticks.setSeriesShape(1, tick);
        ticks.setDefaultShapesFilled(false);
        ticks.setUseFillPaint(false);
        ticks.setDrawOutlines(true);
        ticks.setUseOutlinePaint(false);
        ticks.setAutoPopulateSeriesOutlineStroke(false);
        ticks.setDefaultOutlineStroke(new BasicStroke(1.5f));
        ticks.setDefaultSeriesVisibleInLegend(false);
        ticks.setDefaultToolTipGenerator((dataset, series, item) -> (series == 0 ? "Good" : "Bad") + " trial: "
                + (discrete(d) ? valueText(d, d.xs()[gridIndex(d.xs(), dataset.getXValue(series, item))])
                        : d.parameter() + " = " + valueText(d, dataset.getXValue(series, item))));
        XYPlot plot = new RugPlot(rows, axis, ticks);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        return plot;
    }

    /** The rug's two rows stay put when the person zooms or pans the densities' value axis. */
    private static final class RugPlot extends XYPlot {
        private static final long serialVersionUID = 1L;

        RugPlot(XYSeriesCollection rows, ValueAxis axis, XYLineAndShapeRenderer ticks) {
            super(rows, null, axis, ticks);
        }

        @Override
        public boolean isRangeZoomable() {
            return false;
        }

        @Override
        public boolean isRangePannable() {
            return false;
        }

        @Override
        public void zoomRangeAxes(double factor, PlotRenderingInfo info, Point2D source) {
        }

        @Override
        public void zoomRangeAxes(double factor, PlotRenderingInfo info, Point2D source, boolean useAnchor) {
        }

        @Override
        public void zoomRangeAxes(double lower, double upper, PlotRenderingInfo info, Point2D source) {
        }

        @Override
        public void panRangeAxes(double percent, PlotRenderingInfo info, Point2D source) {
        }
    }

    private static XYSeries rugRow(String key, DensityData d, double[] values, double y) {
        XYSeries row = new XYSeries(key, false, true);
        if (!discrete(d)) {
            for (double v : values) {
                row.add(v, y);
            }
            return row;
        }
        double[] xs = d.xs();
        int[] count = new int[xs.length];
        for (double v : values) {
            int i = gridIndex(xs, v);
            if (i >= 0) {
                count[i]++;
            }
        }
        int[] seen = new int[xs.length];
        for (double v : values) {
            int i = gridIndex(xs, v);
            if (i >= 0) {
                double width = slot(xs, i) * BAR_GROUP;
                row.add(xs[i] - width / 2 + width * (seen[i]++ + 0.5) / count[i], y);
            }
        }
        return row;
    }

    /** The grid point an observation sits on, or −1 if none is within half a grid step. */
    static int gridIndex(double[] xs, double v) {
        int i = Arrays.binarySearch(xs, v);
        if (i >= 0) {
            return i;
        }
        int above = -i - 1;
        int best = above >= xs.length || (above > 0 && v - xs[above - 1] < xs[above] - v) ? above - 1 : above;
        return best >= 0 && best < xs.length && Math.abs(xs[best] - v) <= slot(xs, best) / 2 ? best : -1;
    }

    // ------------------------------------------------------------------ picked value, legend, tooltips

    private static void markPicked(DensityData d, XYPlot densities) {
        if (Double.isNaN(d.picked())) {
            return;
        }
        ValueMarker marker = new ValueMarker(d.picked());
        marker.setPaint(ChartTheme.PICKED);
        marker.setStroke(DASHED);
        marker.setLabel(d.parameter() + " = " + valueText(d, d.picked()));
        marker.setLabelPaint(ChartTheme.PICKED);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        densities.addDomainMarker(marker);
    }

    private static LegendItemCollection legend(DensityData d) {
        LegendItemCollection items = new LegendItemCollection();
        String goodLabel = GOOD + " (" + d.goodObservations().length + ")";
        String badLabel = BAD + " (" + d.badObservations().length + ")";
        if (discrete(d)) {
            items.add(new LegendItem(goodLabel, ChartTheme.GOOD));
            items.add(new LegendItem(badLabel, ChartTheme.BAD));
        } else {
            Shape line = new Line2D.Double(-8, 0, 8, 0);
            items.add(new LegendItem(goodLabel, null, null, null, line, ChartTheme.LINE, ChartTheme.GOOD));
            items.add(new LegendItem(badLabel, null, null, null, line, ChartTheme.LINE, ChartTheme.BAD));
        }
        if (!Double.isNaN(d.picked())) {
            items.add(new LegendItem(PICKED, null, null, null, new Line2D.Double(-8, 0, 8, 0), DASHED,
                    ChartTheme.PICKED));
        }
        return items;
    }

    /** "x1 = 3.2: l = 0.12, g = 0.05" (or "adam: …") for the point or bar under the mouse. */
    private static XYToolTipGenerator tooltips(DensityData d) {
        double[] xs = d.xs();
        double[] good = d.good();
        double[] bad = d.bad();
        return (dataset, series, item) -> (d.isCategorical() ? valueText(d, xs[item])
                : d.parameter() + " = " + valueText(d, xs[item]))
                + ": l = " + ValueFormat.of(good[item]) + ", g = " + ValueFormat.of(bad[item]);
    }

    static String valueText(DensityData d, double v) {
        if (d.isCategorical()) {
            int i = (int) Math.round(v);
            return i >= 0 && i < d.categories().size() ? d.categories().get(i) : ValueFormat.of(v);
        }
        return ValueFormat.of(v);
    }

    private static XYSeries series(String key, double[] xs, double[] ys) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < xs.length; i++) {
            s.add(xs[i], Double.isFinite(ys[i]) ? ys[i] : 0);
        }
        return s;
    }
}
