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
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every Rungs chart: white background, dark grey text, light grid lines, fonts
 * that read well at 1280 x 800, and the Okabe–Ito palette, whose eight colours stay distinct
 * for the common forms of colour blindness. Charts take every colour, font and stroke from
 * here, so they all match and a change of look is made in one place.
 *
 * <p>Build the chart, call {@link #apply}, and only then set per-series paints, shapes and
 * strokes: JFreeChart's {@code StandardChartTheme.apply} resets them to the palette.
 */
public final class ChartTheme {
    // ------------------------------------------------------------------ the Okabe–Ito palette

    /** Okabe–Ito orange. */
    public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    /** Okabe–Ito sky blue. */
    public static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    /** Okabe–Ito bluish green. */
    public static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    /** Okabe–Ito yellow; too light for thin lines on white, so last in {@link #PALETTE}. */
    public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
    /** Okabe–Ito blue. */
    public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    /** Okabe–Ito vermillion. */
    public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
    /** Okabe–Ito reddish purple. */
    public static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    /** Okabe–Ito black. */
    public static final Color BLACK = Color.BLACK;
    /**
     * The series colours in the order charts use them when a series has no meaning of its own:
     * the order the hand-drawn charts used, strong colours first.
     */
    public static final List<Color> PALETTE = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW);

    // ------------------------------------------------------------------ colours with a meaning

    /** Completed trials. */
    public static final Color COMPLETED = BLUE;
    /** Pruned trials (stopped early by the scheduler). */
    public static final Color PRUNED = ORANGE;
    /** Failed trials, and other marks that are shown but not counted. */
    public static final Color FAILED = new Color(0x99, 0x99, 0x99);
    /** The best value so far, and other highlights. */
    public static final Color BEST = VERMILLION;
    /** TPE's density of the good trials, l(x). */
    public static final Color GOOD = BLUE;
    /** TPE's density of the bad trials, g(x). */
    public static final Color BAD = ORANGE;
    /** The value the sampler picked, drawn over the densities. */
    public static final Color PICKED = VERMILLION;

    // ------------------------------------------------------------------ frame

    /** Behind everything, also in exported images. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Axis lines and tick marks. */
    public static final Color AXIS = new Color(0x4D, 0x4D, 0x4D);
    /** Titles, axis labels and tick labels. */
    public static final Color TEXT = new Color(0x33, 0x33, 0x33);
    /** Grid lines: visible, but quieter than any data. */
    public static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    /** The message a chart shows while it has no data. */
    public static final Color PLACEHOLDER = new Color(0x80, 0x80, 0x80);

    /** The chart title. */
    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Axis labels and legend entries. */
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Tick labels. */
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** The no-data message. */
    public static final Font PLACEHOLDER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Grid lines: solid and thin (JFreeChart's default is dashed). */
    public static final Stroke GRID_LINE = new BasicStroke(1f);
    /** Data lines. */
    public static final Stroke LINE = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Outlines of hollow marks (pruned trials, crosses). */
    public static final Stroke THIN_LINE = new BasicStroke(1.5f);
    /** Diameter of a data point, in pixels. */
    public static final double DOT_SIZE = 6;

    private static final StandardChartTheme THEME = createTheme();

    private ChartTheme() {
    }

    /**
     * Gives {@code chart} the Rungs look: backgrounds, fonts, grid, palette, and the legend at
     * the top right, outside the plot, so it never hides data. Resets per-series paints: set
     * those afterwards.
     */
    public static void apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 10));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(LABEL_FONT);
        }
        Plot plot = chart.getPlot();
        plot.setNoDataMessageFont(PLACEHOLDER_FONT);
        plot.setNoDataMessagePaint(PLACEHOLDER);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        // The axes are the frame; an outline round the plot would be a second one.
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlineStroke(GRID_LINE);
            xy.setRangeGridlineStroke(GRID_LINE);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                styleAxis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                styleAxis(xy.getRangeAxis(i));
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlineStroke(GRID_LINE);
            cat.setRangeGridlineStroke(GRID_LINE);
            for (int i = 0; i < cat.getDomainAxisCount(); i++) {
                styleAxis(cat.getDomainAxis(i));
            }
            for (int i = 0; i < cat.getRangeAxisCount(); i++) {
                styleAxis(cat.getRangeAxis(i));
            }
        }
    }

    /** Dark grey axis lines and ticks outside the plot, as the hand-drawn charts had. */
    private static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setAxisLinePaint(AXIS);
        axis.setAxisLineStroke(new BasicStroke(1f));
        axis.setTickMarkPaint(AXIS);
        axis.setTickMarkOutsideLength(5);
        axis.setTickMarkInsideLength(0);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelFont(LABEL_FONT);
    }

    /** The {@code i}-th series colour, cycling through the palette. */
    public static Color seriesColor(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** {@code color} with the given opacity (0 to 1), for filled areas and crowded points. */
    public static Color translucent(Color color, double opacity) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * opacity));
    }

    /** A filled dot of {@link #DOT_SIZE}, centred on the data point. */
    public static Shape dot() {
        return dot(DOT_SIZE);
    }

    /** A dot of the given diameter, centred on the data point. */
    public static Shape dot(double size) {
        return new Ellipse2D.Double(-size / 2, -size / 2, size, size);
    }

    /** The same colour as a JavaFX one, for nodes drawn around a chart (placeholder, labels). */
    public static javafx.scene.paint.Color fx(Color color) {
        return javafx.scene.paint.Color.rgb(color.getRed(), color.getGreen(), color.getBlue(), color.getAlpha() / 255.0);
    }

    private static StandardChartTheme createTheme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE_FONT);
        theme.setLargeFont(LABEL_FONT);
        theme.setRegularFont(LABEL_FONT);
        theme.setSmallFont(TICK_FONT);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        // Not quite opaque: JavaFX takes an opaque fill of the whole canvas for a clear, which the
        // software pipeline under X showed black (seen under Xvfb); 254 of 255 looks the same.
        theme.setChartBackgroundPaint(new Color(255, 255, 255, 254));
        theme.setPlotBackgroundPaint(BACKGROUND);
        theme.setPlotOutlinePaint(BACKGROUND);
        theme.setLegendBackgroundPaint(BACKGROUND);
        theme.setLegendItemPaint(TEXT);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBaselinePaint(AXIS);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        Paint[] palette = PALETTE.toArray(new Paint[0]);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(palette, palette, palette,
                new Stroke[] {LINE}, new Stroke[] {THIN_LINE}, new Shape[] {dot()}));
        return theme;
    }
}
