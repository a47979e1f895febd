package dev.rungs.app.charts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import javafx.scene.canvas.GraphicsContext;

/**
 * One trial's intermediate values against the step they were reported at: its learning curve.
 * A line through the values, with dots while there are few enough to tell apart. Steps whose
 * value is not a finite number are left out.
 */
public final class CurveChart extends ChartPane {
    /** Above this many points the dots would merge into the line, so only the line is drawn. */
    private static final int MAX_DOTS = 200;

    private long[] steps = new long[0];
    private double[] values = new double[0];

    /** An empty learning-curve chart. */
    public CurveChart() {
        setTitle("Intermediate values");
        xLabelProperty().set("Step");
        yLabelProperty().set("Value");
        placeholderProperty().set("No intermediate values");
    }

    /** Shows these values, by step; an empty map shows the placeholder. */
    public void setCurve(SortedMap<Long, Double> intermediate) {
        long[] s = new long[intermediate.size()];
        double[] v = new double[intermediate.size()];
        int n = 0;
        for (Map.Entry<Long, Double> e : intermediate.entrySet()) {
            if (e.getValue() != null && Double.isFinite(e.getValue())) {
                s[n] = e.getKey();
                v[n++] = e.getValue();
            }
        }
        steps = Arrays.copyOf(s, n);
        values = Arrays.copyOf(v, n);
        requestRedraw();
    }

    /** How many values the chart holds. */
    public int pointCount() {
        return steps.length;
    }

    @Override
    protected boolean hasData() {
        return steps.length > 0;
    }

    @Override
    protected Scale xScale() {
        return Scale.linear(steps[0], steps[steps.length - 1]).padded(0.03);
    }

    @Override
    protected Scale yScale() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return Scale.linear(lo, hi).padded(0.05);
    }

    @Override
    protected List<Scale.Tick> xTicks(Scale scale, int maxCount) {
        return scale.integerTicks(maxCount);
    }

    @Override
    protected void drawPlot(GraphicsContext gc, PlotArea area) {
        gc.setStroke(CanvasTheme.BLUE);
        gc.setLineWidth(CanvasTheme.LINE_WIDTH);
        gc.beginPath();
        for (int i = 0; i < steps.length; i++) {
            double x = area.toX(steps[i]);
            double y = area.toY(values[i]);
            if (i == 0) {
                gc.moveTo(x, y);
            } else {
                gc.lineTo(x, y);
            }
        }
        gc.stroke();
        if (steps.length <= MAX_DOTS) {
            double d = CanvasTheme.DOT_SIZE;
            gc.setFill(CanvasTheme.BLUE);
            for (int i = 0; i < steps.length; i++) {
                gc.fillOval(area.toX(steps[i]) - d / 2, area.toY(values[i]) - d / 2, d, d);
            }
        }
    }

    @Override
    protected Hover hoverAt(PlotArea area, double x, double y) {
        double bestDistance = CanvasTheme.HOVER_RADIUS * CanvasTheme.HOVER_RADIUS;
        int best = -1;
        for (int i = 0; i < steps.length; i++) {
            double dx = area.toX(steps[i]) - x;
            double dy = area.toY(values[i]) - y;
            double dist = dx * dx + dy * dy;
            if (dist <= bestDistance) {
                bestDistance = dist;
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        return new Hover(area.toX(steps[best]), area.toY(values[best]),
                "Step " + steps[best] + ": " + Scale.formatValue(values[best]));
    }
}
