package dev.rungs.app.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Two densities over one parameter, as TPE sees it: l(x) from the good trials (blue) and g(x)
 * from the bad ones (orange), the observations themselves as a rug of ticks under the curves
 * (one row each), and a dashed vermillion line at the picked value.
 *
 * <p>A numeric parameter is drawn as filled curves over a linear or logarithmic x axis; a
 * categorical one as a pair of bars per choice, with the choice names under them, and so is an
 * integer one with few values. See {@link DensityData} for what the numbers mean.
 */
public final class DensityChart extends ChartPane {
    /** Height of one rug row; the ticks are a little shorter, so that the rows stay apart. */
    private static final double RUG_ROW = 12;
    private static final double RUG_TICK = 8;
    /** Space between the zero line of the curves and the first rug row. */
    private static final double RUG_GAP = 6;
    /** Up to this many values, an integer parameter is drawn like a categorical one: bars per value. */
    private static final int MAX_BARS = 60;
    /** The widest a value's slot (its pair of bars and its rug ticks) may be, in pixels. */
    private static final double MAX_SLOT = 160;
    /** How much of a category's slot its two bars take together. */
    private static final double BAR_GROUP = 0.7;

    private DensityData data;
    // The data's arrays, copied out once: DensityData hands out a copy on every call.
    private double[] xs;
    private double[] good;
    private double[] bad;

    /** An empty density chart. */
    public DensityChart() {
        yLabelProperty().set("Density");
        placeholderProperty().set("No densities to show");
    }

    /** Shows these densities; null shows the placeholder. */
    public void setData(DensityData densities) {
        this.data = densities;
        if (densities != null) {
            xs = densities.xs();
            good = densities.good();
            bad = densities.bad();
            xLabelProperty().set(densities.parameter());
            yLabelProperty().set(densities.valueLabel());
        }
        requestRedraw();
    }

    /** The densities shown, or null. */
    public DensityData data() {
        return data;
    }

    @Override
    protected boolean hasData() {
        return data != null && xs.length > 0;
    }

    /**
     * Whether the x values are few separate values (choices, or a small integer range), drawn
     * as bars, rather than a grid over a continuous range, drawn as curves.
     */
    private boolean discrete() {
        return data.isCategorical() || (data.integers() && xs.length <= MAX_BARS);
    }

    @Override
    protected Scale xScale() {
        if (data.isCategorical()) {
            return Scale.linear(-0.5, xs.length - 0.5);
        }
        double lo = xs[0];
        double hi = xs[xs.length - 1];
        if (discrete()) {
            // Half a step beyond the end values, so that their bars fit on the axis.
            double half = xs.length > 1 ? (xs[1] - xs[0]) / 2 : 0.5;
            return data.logX() ? Scale.log10(Math.max(lo - half, lo / 2), hi + half) : Scale.linear(lo - half, hi + half);
        }
        return data.logX() ? Scale.log10(lo, hi) : Scale.linear(lo, hi);
    }

    @Override
    protected Scale yScale() {
        double max = 0;
        for (double[] ys : List.of(good, bad)) {
            for (double v : ys) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        // Headroom for the legend and the picked-value label above the highest peak.
        return Scale.linear(0, max > 0 ? max * 1.15 : 1);
    }

    @Override
    protected List<Scale.Tick> xTicks(Scale scale, int maxCount) {
        if (data.isCategorical()) {
            List<Scale.Tick> ticks = new ArrayList<>();
            for (int i = 0; i < data.categories().size(); i++) {
                ticks.add(new Scale.Tick(i, data.categories().get(i)));
            }
            return ticks;
        }
        return data.integers() ? scale.integerTicks(maxCount) : scale.ticks(maxCount);
    }

    @Override
    protected double bottomInset() {
        return RUG_GAP + 2 * RUG_ROW + 2;
    }

    @Override
    protected List<LegendEntry> legend() {
        LegendEntry.Mark mark = discrete() ? LegendEntry.Mark.BAR : LegendEntry.Mark.LINE;
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry("l(x): good trials (" + data.goodObservations().length + ")",
                CanvasTheme.BLUE, mark));
        entries.add(new LegendEntry("g(x): bad trials (" + data.badObservations().length + ")",
                CanvasTheme.ORANGE, mark));
        if (!Double.isNaN(data.picked())) {
            entries.add(new LegendEntry("Picked value", CanvasTheme.VERMILLION, LegendEntry.Mark.DASHED_LINE));
        }
        return entries;
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected void drawPlot(GraphicsContext gc, PlotArea area) {
        if (discrete()) {
            drawBars(gc, area);
        } else {
            // Bad first, so that the good curve, the one TPE samples from, is on top.
            drawCurve(gc, area, bad, CanvasTheme.ORANGE);
            drawCurve(gc, area, good, CanvasTheme.BLUE);
        }
        drawRug(gc, area, data.goodObservations(), 0, CanvasTheme.BLUE);
        drawRug(gc, area, data.badObservations(), 1, CanvasTheme.ORANGE);
        drawPicked(gc, area);
    }

    private void drawCurve(GraphicsContext gc, PlotArea area, double[] ys, Color color) {
        double base = area.dataBottom();
        int n = xs.length;
        double[] px = new double[n + 2];
        double[] py = new double[n + 2];
        for (int i = 0; i < n; i++) {
            px[i] = area.toX(xs[i]);
            py[i] = Double.isFinite(ys[i]) ? area.toY(ys[i]) : base;
        }
        // Close the filled shape along the zero line.
        px[n] = px[n - 1];
        py[n] = base;
        px[n + 1] = px[0];
        py[n + 1] = base;
        gc.setFill(CanvasTheme.translucent(color, 0.15));
        gc.fillPolygon(px, py, n + 2);
        gc.setStroke(color);
        gc.setLineWidth(CanvasTheme.LINE_WIDTH);
        gc.setLineDashes();
        gc.strokePolyline(px, py, n);
    }

    private void drawBars(GraphicsContext gc, PlotArea area) {
        double base = area.dataBottom();
        for (int i = 0; i < good.length; i++) {
            double barWidth = slotWidth(area, i) * BAR_GROUP / 2;
            double centre = area.toX(xs[i]);
            gc.setFill(CanvasTheme.BLUE);
            double yg = area.toY(good[i]);
            gc.fillRect(centre - barWidth, yg, barWidth - 1, base - yg);
            gc.setFill(CanvasTheme.ORANGE);
            double yb = area.toY(bad[i]);
            gc.fillRect(centre + 1, yb, barWidth - 1, base - yb);
        }
    }

    /** One row of short vertical ticks, one per observation, under the curves. */
    private void drawRug(GraphicsContext gc, PlotArea area, double[] values, int row, Color color) {
        double top = area.dataBottom() + RUG_GAP + RUG_ROW * row;
        gc.setStroke(color);
        gc.setLineWidth(1.5);
        gc.setLineDashes();
        if (discrete()) {
            drawSpreadRug(gc, area, values, top);
            return;
        }
        for (double v : values) {
            if (area.x().canShow(v)) {
                double x = area.toX(v);
                gc.strokeLine(x, top, x, top + RUG_TICK);
            }
        }
    }

    /**
     * Observations of a choice or of one whole number would all fall on one spot; they are
     * spread side by side over its slot instead, so that their number shows.
     */
    private void drawSpreadRug(GraphicsContext gc, PlotArea area, double[] values, double top) {
        int[] count = new int[xs.length];
        for (double v : values) {
            int i = gridIndex(v);
            if (i >= 0) {
                count[i]++;
            }
        }
        int[] seen = new int[xs.length];
        for (double v : values) {
            int i = gridIndex(v);
            if (i < 0 || !area.x().canShow(xs[i])) {
                continue;
            }
            double slot = slotWidth(area, i) * BAR_GROUP;
            double x = area.toX(xs[i]) - slot / 2 + slot * (seen[i]++ + 0.5) / count[i];
            gc.strokeLine(x, top, x, top + RUG_TICK);
        }
    }

    /** The grid point an observation sits on, or −1 if none is within half a grid step. */
    private int gridIndex(double v) {
        int i = Arrays.binarySearch(xs, v);
        if (i >= 0) {
            return i;
        }
        int above = -i - 1;
        int best = above >= xs.length || (above > 0 && v - xs[above - 1] < xs[above] - v) ? above - 1 : above;
        return best >= 0 && best < xs.length ? best : -1;
    }

    /** The pixel distance to grid point {@code i}'s nearest neighbour (the whole width if it has none). */
    private double slotWidth(PlotArea area, int i) {
        double w = area.width();
        if (i > 0) {
            w = Math.min(w, area.toX(xs[i]) - area.toX(xs[i - 1]));
        }
        if (i + 1 < xs.length) {
            w = Math.min(w, area.toX(xs[i + 1]) - area.toX(xs[i]));
        }
        return Math.min(w, MAX_SLOT);
    }

    private void drawPicked(GraphicsContext gc, PlotArea area) {
        double v = data.picked();
        if (Double.isNaN(v) || !area.x().canShow(v)) {
            return;
        }
        double x = area.toX(v);
        gc.setStroke(CanvasTheme.VERMILLION);
        gc.setLineWidth(CanvasTheme.LINE_WIDTH);
        gc.setLineDashes(6, 4);
        gc.strokeLine(x, area.top(), x, area.bottom());
        gc.setLineDashes();

        String label = data.parameter() + " = " + valueText(v);
        double w = textWidth(label, CanvasTheme.TICK_FONT) + 8;
        double h = lineHeight(CanvasTheme.TICK_FONT) + 4;
        // Right of the line, unless that would run off the plot.
        double lx = x + 4 + w <= area.right() ? x + 4 : x - 4 - w;
        double ly = area.top() + 4;
        gc.setFill(CanvasTheme.LABEL_BACKGROUND);
        gc.fillRect(lx, ly, w, h);
        gc.setFill(CanvasTheme.VERMILLION);
        gc.setFont(CanvasTheme.TICK_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(label, lx + 4, ly + h / 2);
    }

    private String valueText(double v) {
        if (data.isCategorical()) {
            int i = (int) Math.round(v);
            return i >= 0 && i < data.categories().size() ? data.categories().get(i) : Scale.formatValue(v);
        }
        return Scale.formatValue(v);
    }

    // ------------------------------------------------------------------ hover

    @Override
    protected Hover hoverAt(PlotArea area, double x, double y) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double d = Math.abs(area.toX(xs[i]) - x);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        double l = good[best];
        double g = bad[best];
        String where = data.isCategorical() ? data.categories().get(best)
                : data.parameter() + " = " + Scale.formatValue(xs[best]);
        double anchorY = area.toY(Math.max(l, g));
        return new Hover(area.toX(xs[best]), anchorY,
                where + ": l = " + Scale.formatValue(l) + ", g = " + Scale.formatValue(g));
    }
}
