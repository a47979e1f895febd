package dev.rungs.app.charts;

import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.canvas.GraphicsContext;

/**
 * The optimisation history of a study: each trial's objective value against its number, with
 * the best value so far as a step line.
 *
 * <ul>
 *   <li>Completed trials are blue dots.</li>
 *   <li>Pruned trials are orange rings at their last intermediate value (or their value, if they
 *       reported none), since that is how far they got.</li>
 *   <li>Failed trials have no value; they are grey crosses just above the x axis, so that gaps
 *       in the history are explained.</li>
 *   <li>The best-so-far line (vermillion) steps at each completed trial that beat all earlier
 *       ones, in the study's direction.</li>
 * </ul>
 * Hovering a point shows "Trial 17: 0.4123"; clicking it calls {@link #setOnTrialClicked}.
 * With {@link #logScaleProperty} on, the y axis is logarithmic and values of zero or less are
 * left out.
 */
public final class HistoryChart extends ChartPane {
    private static final double PRUNED_SIZE = 7;
    private static final double CROSS_HALF = 3.5;
    /** {@link #nearest}: no point near enough. */
    private static final int NONE = Integer.MIN_VALUE;

    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private IntConsumer onTrialClicked;

    // Plain arrays rather than lists of boxed values: a study may have tens of thousands of
    // trials, and hover scans them on every mouse move.
    private int[] completeNumbers = new int[0];
    private double[] completeValues = new double[0];
    private int[] prunedNumbers = new int[0];
    private double[] prunedValues = new double[0];
    private int[] failedNumbers = new int[0];
    /** Corners of the best-so-far line: the completed trials that improved on all before them. */
    private int[] bestNumbers = new int[0];
    private double[] bestValues = new double[0];
    private int lastNumber;

    private int plottedPoints;
    private int bestLinePoints;

    /** An empty history chart, titled and labelled for a study. */
    public HistoryChart() {
        setTitle("Optimisation history");
        xLabelProperty().set("Trial");
        yLabelProperty().set("Objective value");
        placeholderProperty().set("No completed trials yet");
        logScale.addListener(o -> dataChanged());
    }

    /** The counts describe the last drawing; until the next one, nothing is drawn. */
    private void dataChanged() {
        plottedPoints = 0;
        bestLinePoints = 0;
        requestRedraw();
    }

    /**
     * Shows these trials, in any order; {@code direction} decides which values are better for
     * the best-so-far line. Running and waiting trials are not drawn.
     */
    public void setTrials(List<Trial> trials, Direction direction) {
        List<Trial> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
        int n = sorted.size();
        int[] cn = new int[n];
        double[] cv = new double[n];
        int[] pn = new int[n];
        double[] pv = new double[n];
        int[] fn = new int[n];
        int[] bn = new int[n];
        double[] bv = new double[n];
        int c = 0;
        int p = 0;
        int f = 0;
        int b = 0;
        lastNumber = 0;
        for (Trial t : sorted) {
            lastNumber = Math.max(lastNumber, t.number());
            if (t.state() == TrialState.COMPLETE && t.value().isPresent()
                    && Double.isFinite(t.value().getAsDouble())) {
                double v = t.value().getAsDouble();
                cn[c] = t.number();
                cv[c++] = v;
                if (b == 0 || direction.isBetter(v, bv[b - 1])) {
                    bn[b] = t.number();
                    bv[b++] = v;
                }
            } else if (t.state() == TrialState.PRUNED) {
                double v = prunedValue(t);
                if (Double.isFinite(v)) {
                    pn[p] = t.number();
                    pv[p++] = v;
                }
            } else if (t.state() == TrialState.FAIL) {
                fn[f++] = t.number();
            }
        }
        completeNumbers = Arrays.copyOf(cn, c);
        completeValues = Arrays.copyOf(cv, c);
        prunedNumbers = Arrays.copyOf(pn, p);
        prunedValues = Arrays.copyOf(pv, p);
        failedNumbers = Arrays.copyOf(fn, f);
        bestNumbers = Arrays.copyOf(bn, b);
        bestValues = Arrays.copyOf(bv, b);
        dataChanged();
    }

    /** Where a pruned trial is drawn: its last report, else its recorded value, else nowhere (NaN). */
    private static double prunedValue(Trial t) {
        if (!t.intermediate().isEmpty()) {
            Double last = t.intermediate().get(t.intermediate().lastKey());
            return last == null ? Double.NaN : last;
        }
        return t.value().isPresent() ? t.value().getAsDouble() : Double.NaN;
    }

    /** Whether the y axis is logarithmic; off by default. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** Called with a trial's number when its point is clicked; null for nothing. */
    public void setOnTrialClicked(IntConsumer listener) {
        this.onTrialClicked = listener;
    }

    /** How many completed trials the last drawing showed as dots. */
    public int plottedPoints() {
        return plottedPoints;
    }

    /** How many corners the last drawing's best-so-far line had: one per improvement. */
    public int bestLinePoints() {
        return bestLinePoints;
    }

    // ------------------------------------------------------------------ drawing

    @Override
    protected boolean hasData() {
        return yRange() != null;
    }

    @Override
    protected String placeholderText() {
        if (logScale.get() && (completeValues.length > 0 || prunedValues.length > 0)) {
            return "No values above zero to show on a log scale";
        }
        return super.placeholderText();
    }

    /** The smallest and largest value that can be shown, or null if none can. */
    private double[] yRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] values : List.of(completeValues, prunedValues)) {
            for (double v : values) {
                if (!logScale.get() || v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    @Override
    protected Scale xScale() {
        return Scale.linear(0, Math.max(1, lastNumber)).padded(0.02);
    }

    @Override
    protected Scale yScale() {
        double[] r = yRange();
        return (logScale.get() ? Scale.log10(r[0], r[1]) : Scale.linear(r[0], r[1])).padded(0.05);
    }

    @Override
    protected List<Scale.Tick> xTicks(Scale scale, int maxCount) {
        return scale.integerTicks(maxCount);
    }

    @Override
    protected List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        entries.add(new LegendEntry("Completed", CanvasTheme.BLUE, LegendEntry.Mark.DOT));
        if (prunedNumbers.length > 0) {
            entries.add(new LegendEntry("Pruned (last report)", CanvasTheme.ORANGE, LegendEntry.Mark.RING));
        }
        if (failedNumbers.length > 0) {
            entries.add(new LegendEntry("Failed", CanvasTheme.MUTED, LegendEntry.Mark.CROSS));
        }
        entries.add(new LegendEntry("Best so far", CanvasTheme.VERMILLION, LegendEntry.Mark.LINE));
        return entries;
    }

    @Override
    protected void drawPlot(GraphicsContext gc, PlotArea area) {
        Scale ys = area.y();
        double d = CanvasTheme.DOT_SIZE;
        // Slightly see-through, so that where thousands of points pile up the pile shows darker.
        gc.setFill(CanvasTheme.translucent(CanvasTheme.BLUE, 0.75));
        int drawn = 0;
        for (int i = 0; i < completeNumbers.length; i++) {
            double v = completeValues[i];
            if (ys.canShow(v)) {
                gc.fillOval(area.toX(completeNumbers[i]) - d / 2, area.toY(v) - d / 2, d, d);
                drawn++;
            }
        }
        plottedPoints = drawn;

        gc.setStroke(CanvasTheme.ORANGE);
        gc.setLineWidth(1.5);
        for (int i = 0; i < prunedNumbers.length; i++) {
            double v = prunedValues[i];
            if (ys.canShow(v)) {
                double s = PRUNED_SIZE;
                gc.strokeOval(area.toX(prunedNumbers[i]) - s / 2, area.toY(v) - s / 2, s, s);
            }
        }

        gc.setStroke(CanvasTheme.MUTED);
        double cy = area.bottom() - CROSS_HALF - 3;
        for (int number : failedNumbers) {
            double x = area.toX(number);
            gc.strokeLine(x - CROSS_HALF, cy - CROSS_HALF, x + CROSS_HALF, cy + CROSS_HALF);
            gc.strokeLine(x - CROSS_HALF, cy + CROSS_HALF, x + CROSS_HALF, cy - CROSS_HALF);
        }

        drawBestLine(gc, area);
    }

    private void drawBestLine(GraphicsContext gc, PlotArea area) {
        gc.setStroke(CanvasTheme.VERMILLION);
        gc.setLineWidth(CanvasTheme.LINE_WIDTH);
        gc.beginPath();
        int corners = 0;
        double previousY = Double.NaN;
        for (int i = 0; i < bestNumbers.length; i++) {
            if (!area.y().canShow(bestValues[i])) {
                continue;
            }
            double x = area.toX(bestNumbers[i]);
            double y = area.toY(bestValues[i]);
            if (corners == 0) {
                gc.moveTo(x, y);
            } else {
                // Flat until the improving trial, then down (or up) to its value: a step.
                gc.lineTo(x, previousY);
                gc.lineTo(x, y);
            }
            previousY = y;
            corners++;
        }
        if (corners > 0) {
            gc.lineTo(area.toX(lastNumber), previousY);
            gc.stroke();
        }
        bestLinePoints = corners;
    }

    // ------------------------------------------------------------------ hover and click

    /**
     * The point nearest to the pixel, within the hover radius: an index into the completed
     * trials (0 or more), or into the pruned ones (−1 − index), or {@link #NONE}. A plain scan:
     * even 10,000 points take well under a millisecond, and nothing is allocated.
     */
    private int nearest(PlotArea area, double x, double y) {
        double bestDistance = CanvasTheme.HOVER_RADIUS * CanvasTheme.HOVER_RADIUS;
        int best = NONE;
        Scale ys = area.y();
        for (int i = 0; i < completeNumbers.length; i++) {
            double v = completeValues[i];
            if (ys.canShow(v)) {
                double dx = area.toX(completeNumbers[i]) - x;
                double dy = area.toY(v) - y;
                double dist = dx * dx + dy * dy;
                if (dist <= bestDistance) {
                    bestDistance = dist;
                    best = i;
                }
            }
        }
        for (int i = 0; i < prunedNumbers.length; i++) {
            double v = prunedValues[i];
            if (ys.canShow(v)) {
                double dx = area.toX(prunedNumbers[i]) - x;
                double dy = area.toY(v) - y;
                double dist = dx * dx + dy * dy;
                if (dist < bestDistance) {
                    bestDistance = dist;
                    best = -1 - i;
                }
            }
        }
        return best;
    }

    @Override
    protected Hover hoverAt(PlotArea area, double x, double y) {
        int hit = nearest(area, x, y);
        if (hit == NONE) {
            return null;
        }
        if (hit >= 0) {
            int number = completeNumbers[hit];
            double v = completeValues[hit];
            return new Hover(area.toX(number), area.toY(v), "Trial " + number + ": " + Scale.formatValue(v));
        }
        int number = prunedNumbers[-1 - hit];
        double v = prunedValues[-1 - hit];
        return new Hover(area.toX(number), area.toY(v), "Trial " + number + " (pruned): " + Scale.formatValue(v));
    }

    @Override
    protected void clicked(PlotArea area, double x, double y) {
        int hit = nearest(area, x, y);
        if (hit != NONE && onTrialClicked != null) {
            onTrialClicked.accept(hit >= 0 ? completeNumbers[hit] : prunedNumbers[-1 - hit]);
        }
    }
}
