package dev.rungs.app.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * The rungs of one bracket of Successive Halving, Hyperband or ASHA: one column per rung, at its
 * budget, with each trial that reached it as a point at the value it had there.
 *
 * <p>Promoted trials are blue dots, stopped ones vermillion crosses, trials that ran to the end
 * at the top rung green dots, and trials waiting for the rung's decision grey rings. Points
 * spread sideways within their column by trial number, so that equal values stay apart. Above
 * each column: how many trials reached it, of how many planned, and how many went on.
 */
public final class RungsChart extends ChartPane {
    private static final double SPREAD = 0.6;
    private static final double CROSS_HALF = 3.5;
    /** Share of the value range added above the data, where the counts go. */
    private static final double COUNT_BAND = 0.18;

    private RungsData data = new RungsData(List.of());

    /** An empty rungs chart. */
    public RungsChart() {
        setTitle("Rungs");
        xLabelProperty().set("Budget (resource per rung)");
        yLabelProperty().set("Value at the rung");
        placeholderProperty().set("No trial has reached a rung yet");
    }

    /** Shows these rungs; an empty list shows the placeholder. */
    public void setData(RungsData d) {
        data = d == null ? new RungsData(List.of()) : d;
        requestRedraw();
    }

    /** The rungs shown. */
    public RungsData data() {
        return data;
    }

    /** How many trials each rung shows, smallest budget first. */
    public List<Integer> countsPerRung() {
        List<Integer> counts = new ArrayList<>();
        for (RungsData.Rung r : data.rungs()) {
            counts.add(r.points().size());
        }
        return counts;
    }

    @Override
    protected boolean hasData() {
        return data.rungs().stream().anyMatch(r -> r.points().stream().anyMatch(p -> Double.isFinite(p.value())));
    }

    @Override
    protected Scale xScale() {
        return Scale.linear(-0.5, data.rungs().size() - 0.5);
    }

    @Override
    protected Scale yScale() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (RungsData.Rung r : data.rungs()) {
            for (RungsData.Point p : r.points()) {
                if (Double.isFinite(p.value())) {
                    lo = Math.min(lo, p.value());
                    hi = Math.max(hi, p.value());
                }
            }
        }
        // A band at the top is kept free for the counts written above the columns.
        double span = hi > lo ? hi - lo : Math.max(1e-9, Math.abs(hi));
        return Scale.linear(lo, hi + COUNT_BAND * span).padded(0.05);
    }

    @Override
    protected List<Scale.Tick> xTicks(Scale scale, int maxCount) {
        List<Scale.Tick> ticks = new ArrayList<>();
        for (int i = 0; i < data.rungs().size(); i++) {
            ticks.add(new Scale.Tick(i, Long.toString(data.rungs().get(i).budget())));
        }
        return ticks;
    }

    @Override
    protected List<LegendEntry> legend() {
        return List.of(new LegendEntry("Promoted", CanvasTheme.BLUE, LegendEntry.Mark.DOT),
                new LegendEntry("Stopped", CanvasTheme.VERMILLION, LegendEntry.Mark.CROSS),
                new LegendEntry("Completed", CanvasTheme.GREEN, LegendEntry.Mark.DOT),
                new LegendEntry("Waiting", CanvasTheme.MUTED, LegendEntry.Mark.RING));
    }

    /** Where a trial's point sits sideways in its column: spread evenly by the golden ratio. */
    private static double offset(int trial) {
        double f = (trial * 0.6180339887498949) % 1.0;
        return (f - 0.5) * SPREAD;
    }

    @Override
    protected void drawPlot(GraphicsContext gc, PlotArea area) {
        double d = CanvasTheme.DOT_SIZE + 1;
        for (int i = 0; i < data.rungs().size(); i++) {
            RungsData.Rung rung = data.rungs().get(i);
            if (i > 0) {
                gc.setStroke(CanvasTheme.GRID);
                gc.setLineWidth(1);
                double sep = crisp(area.toX(i - 0.5));
                gc.strokeLine(sep, area.top(), sep, area.bottom());
            }
            for (RungsData.Point p : rung.points()) {
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                double x = area.toX(i + offset(p.trial()));
                double y = area.toY(p.value());
                switch (p.outcome()) {
                    case PROMOTED -> dot(gc, CanvasTheme.BLUE, x, y, d);
                    case COMPLETED -> dot(gc, CanvasTheme.GREEN, x, y, d);
                    case STOPPED -> {
                        gc.setStroke(CanvasTheme.VERMILLION);
                        gc.setLineWidth(1.5);
                        gc.strokeLine(x - CROSS_HALF, y - CROSS_HALF, x + CROSS_HALF, y + CROSS_HALF);
                        gc.strokeLine(x - CROSS_HALF, y + CROSS_HALF, x + CROSS_HALF, y - CROSS_HALF);
                    }
                    default -> {
                        gc.setStroke(CanvasTheme.MUTED);
                        gc.setLineWidth(1.5);
                        gc.strokeOval(x - d / 2, y - d / 2, d, d);
                    }
                }
            }
            gc.setFill(CanvasTheme.TEXT);
            gc.setFont(CanvasTheme.TICK_FONT);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(countLabel(rung, i == data.rungs().size() - 1), area.toX(i), area.top() + 2);
        }
    }

    private static void dot(GraphicsContext gc, Color c, double x, double y, double d) {
        gc.setFill(CanvasTheme.translucent(c, 0.85));
        gc.fillOval(x - d / 2, y - d / 2, d, d);
    }

    /** "9 of 9 · 3 promoted"; the top rung promotes nobody, so it says only how many reached it. */
    static String countLabel(RungsData.Rung rung, boolean top) {
        String reached = rung.planned() >= 0
                ? rung.points().size() + " of " + rung.planned()
                : rung.points().size() + (rung.points().size() == 1 ? " trial" : " trials");
        return top ? reached : String.format(Locale.ROOT, "%s · %d promoted", reached, rung.promoted());
    }

    @Override
    protected Hover hoverAt(PlotArea area, double x, double y) {
        double best = CanvasTheme.HOVER_RADIUS * CanvasTheme.HOVER_RADIUS;
        Hover hit = null;
        for (int i = 0; i < data.rungs().size(); i++) {
            RungsData.Rung rung = data.rungs().get(i);
            for (RungsData.Point p : rung.points()) {
                if (!Double.isFinite(p.value())) {
                    continue;
                }
                double px = area.toX(i + offset(p.trial()));
                double py = area.toY(p.value());
                double dist = (px - x) * (px - x) + (py - y) * (py - y);
                if (dist <= best) {
                    best = dist;
                    hit = new Hover(px, py, "Trial " + p.trial() + " at budget " + rung.budget() + ": "
                            + Scale.formatValue(p.value()) + " (" + p.outcome().name().toLowerCase(Locale.ROOT) + ")");
                }
            }
        }
        return hit;
    }
}
