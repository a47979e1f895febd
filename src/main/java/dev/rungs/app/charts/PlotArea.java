package dev.rungs.app.charts;

/**
 * Where the data is drawn inside a chart, in canvas pixels, and how data values map to it.
 * {@link ChartPane} computes one on every redraw and hands it to the chart's drawing and hit
 * tests.
 *
 * @param left the left edge of the plot area (the y axis)
 * @param top the top edge
 * @param width the width
 * @param height the height, down to the x axis
 * @param bottomInset pixels at the bottom of the area kept free of data (for a rug, say): the
 *     y scale maps onto the area above them
 * @param x the horizontal scale
 * @param y the vertical scale
 */
public record PlotArea(double left, double top, double width, double height, double bottomInset, Scale x, Scale y) {

    /** The right edge. */
    public double right() {
        return left + width;
    }

    /** The bottom edge: the x axis. */
    public double bottom() {
        return top + height;
    }

    /** Where the y scale's minimum is drawn: the bottom edge less the inset. */
    public double dataBottom() {
        return bottom() - bottomInset;
    }

    /** The pixel column of an x value. */
    public double toX(double value) {
        return left + x.fraction(value) * width;
    }

    /** The pixel row of a y value (larger values higher up). */
    public double toY(double value) {
        return dataBottom() - y.fraction(value) * (height - bottomInset);
    }

    /** The x value at a pixel column. */
    public double xAt(double px) {
        return x.valueAt((px - left) / width);
    }

    /** Whether a pixel lies inside the area. */
    public boolean contains(double px, double py) {
        return px >= left && px <= right() && py >= top && py <= bottom();
    }
}
