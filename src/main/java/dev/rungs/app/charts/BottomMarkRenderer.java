package dev.rungs.app.charts;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * Draws each item as a mark at its x, along the bottom edge of the plot, whatever its y: a rug.
 * For things that have a position but no value on the range axis, such as failed trials in the
 * history, or the observations under a density curve. The marks take no part in the range
 * axis's auto range, and they stay at the edge when the plot is zoomed or panned.
 *
 * <p>Only for plots with a vertical orientation (x across), as every Rungs chart is.
 */
public class BottomMarkRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;

    private final double offset;
    private final boolean filled;

    /**
     * @param mark the shape drawn, centred on (0, 0); see {@link #cross} and {@link #tick}
     * @param offsetFromBottom pixels from the bottom edge of the plot to the mark's centre
     * @param filled whether the shape is filled (a dot) or only stroked (a cross, a tick)
     */
    public BottomMarkRenderer(Shape mark, double offsetFromBottom, boolean filled) {
        this.offset = offsetFromBottom;
        this.filled = filled;
        setDefaultShape(mark);
        setAutoPopulateSeriesShape(false);
        setDefaultStroke(ChartTheme.THIN_LINE);
        setAutoPopulateSeriesStroke(false);
    }

    /** A cross of the given half size, for marks that say "nothing here" (a failed trial). */
    public static Shape cross(double half) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-half, -half);
        p.lineTo(half, half);
        p.moveTo(-half, half);
        p.lineTo(half, -half);
        return p;
    }

    /** A vertical tick of the given length, for a rug of observations. */
    public static Shape tick(double length) {
        return new Line2D.Double(0, -length / 2, 0, length / 2);
    }

    /** The marks ignore y, so they must not stretch the range axis. */
    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return null;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        if (!getItemVisible(series, item)) {
            return;
        }
        double x = dataset.getXValue(series, item);
        if (!Double.isFinite(x) || !domainAxis.getRange().contains(x)) {
            return;
        }
        double px = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double py = dataArea.getMaxY() - offset;
        Shape mark = ShapeUtils.createTranslatedShape(getItemShape(series, item), px, py);
        g2.setPaint(getItemPaint(series, item));
        g2.setStroke(getItemStroke(series, item));
        if (filled) {
            g2.fill(mark);
        } else {
            g2.draw(mark);
        }
        EntityCollection entities = state.getEntityCollection();
        if (entities != null) {
            // A stroked cross is thin; the hover area is its bounding box.
            addEntity(entities, mark.getBounds2D(), dataset, series, item, px, py);
        }
    }
}
