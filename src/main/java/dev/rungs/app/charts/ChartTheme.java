package dev.rungs.app.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every Rungs chart, as a JFreeChart theme: white background, dark grey text,
 * light grid, and the Okabe–Ito palette, whose eight colours stay distinct for the common forms
 * of colour blindness. Colours with a meaning shared by several charts (good and bad, complete,
 * pruned, failed, best so far) are named here, so that they match everywhere.
 *
 * <p>{@link #apply} resets the paints of every series to the palette, so a chart builder applies
 * the theme first and sets its own series paints after.
 */
public final class ChartTheme {
    /** Okabe–Ito blue: the first series; "good" (l(x)) and completed trials. */
    public static final Color BLUE = new Color(0x0072B2);
    /** Okabe–Ito orange: the second series; "bad" (g(x)). */
    public static final Color ORANGE = new Color(0xE69F00);
    /** Okabe–Ito bluish green. */
    public static final Color GREEN = new Color(0x009E73);
    /** Okabe–Ito vermillion: the best so far and the picked value. */
    public static final Color VERMILLION = new Color(0xD55E00);
    /** Okabe–Ito reddish purple. */
    public static final Color PURPLE = new Color(0xCC79A7);
    /** Okabe–Ito sky blue. */
    public static final Color SKY = new Color(0x56B4E9);
    /** Okabe–Ito yellow; too light for thin lines on white, so last in the palette. */
    public static final Color YELLOW = new Color(0xF0E442);
    /** Okabe–Ito black. */
    public static final Color BLACK = Color.BLACK;
    /** The series colours in the order charts use them. */
    public static final List<Color> PALETTE = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW);

    /** Good observations and l(x). */
    public static final Color GOOD = BLUE;
    /** Bad observations and g(x). */
    public static final Color BAD = ORANGE;
    /** Completed trials. */
    public static final Color COMPLETE = BLUE;
    /** Pruned (stopped early) trials. */
    public static final Color PRUNED = SKY;
    /** Trials shown but not counted, such as failed ones. */
    public static final Color MUTED = new Color(0x999999);
    /** The best value so far, and the value a sampler picked. */
    public static final Color HIGHLIGHT = VERMILLION;

    /** Behind everything, also in exported images. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Titles, axis labels and tick labels. */
    public static final Color TEXT = new Color(0x333333);
    /** Axis lines and tick marks. */
    public static final Color AXIS = new Color(0x4D4D4D);
    /** Grid lines: visible, but quieter than any data. */
    public static final Color GRID = new Color(0xE6E6E6);

    /** Tick labels and legend entries. */
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Axis labels. */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** The chart title. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    /** Data lines. */
    public static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Dashed marker lines (a picked value). */
    public static final Stroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    /** Diameter of a data point, in pixels. */
    public static final double DOT_SIZE = 7;

    private static final StandardChartTheme THEME = build();

    private ChartTheme() {
    }

    /** Gives {@code chart} the Rungs look; call before setting series paints of one's own. */
    public static void apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setAxisOffset(RectangleInsets.ZERO_INSETS);
        }
    }

    /** The {@code i}-th series colour, cycling through the palette. */
    public static Color seriesColor(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** {@code color} with the given opacity (0 to 1), for areas under lines. */
    public static Color translucent(Color color, double opacity) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * opacity));
    }

    /** A round point of {@link #DOT_SIZE}, centred on the data point. */
    public static Shape dot() {
        return dot(DOT_SIZE);
    }

    /** A round point of {@code size} pixels, centred on the data point. */
    public static Shape dot(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    private static StandardChartTheme build() {
        StandardChartTheme t = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        t.setExtraLargeFont(TITLE_FONT);
        t.setLargeFont(LABEL_FONT);
        t.setRegularFont(TICK_FONT);
        t.setSmallFont(TICK_FONT);
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(TEXT);
        // Not quite opaque: JavaFX takes an opaque fill of the whole canvas for a clear, which the
        // software pipeline under X shows black (seen under Xvfb); 254 of 255 looks the same.
        t.setChartBackgroundPaint(new Color(255, 255, 255, 254));
        t.setPlotBackgroundPaint(BACKGROUND);
        t.setLegendBackgroundPaint(BACKGROUND);
        t.setLegendItemPaint(TEXT);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setPlotOutlinePaint(GRID);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        Paint[] palette = PALETTE.toArray(new Paint[0]);
        t.setDrawingSupplier(new DefaultDrawingSupplier(palette, palette, palette,
                new Stroke[] {LINE}, new Stroke[] {new BasicStroke(1f)}, new Shape[] {dot()}));
        return t;
    }
}
