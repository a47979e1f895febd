package dev.rungs.app.charts;

import dev.rungs.app.FilePicker;
import java.util.List;

/**
 * The rungs of one bracket of Successive Halving, Hyperband or ASHA: one column per rung, at its
 * budget, with one cell per trial that reached it, best on top, coloured by what became of the
 * trial there (promoted, stopped, completed, running, paused), and pale cells for the trials the
 * plan has not brought there yet. Under each column: its budget and how many trials reached it
 * of how many were planned. See {@link RungsPlots} for how it is drawn.
 *
 * <p>A {@link ChartBox}: zoom, pan, tooltips (trial, value and rank) and export come from there.
 */
public final class RungsChart extends ChartBox {
    private RungsData data = new RungsData(List.of());

    /** An empty rungs chart; {@code files} asks where exports go. */
    public RungsChart(FilePicker files) {
        super(RungsPlots.emptyChart(), files);
        setFileName("rungs");
    }

    /** Shows these rungs; an empty list shows the placeholder. */
    public void setData(RungsData d) {
        data = d == null ? new RungsData(List.of()) : d;
        update(() -> RungsPlots.show(chart(), data));
    }

    /** The rungs shown. */
    public RungsData data() {
        return data;
    }

    /** How many trials each rung shows, smallest budget first. */
    public List<Integer> countsPerRung() {
        return data.rungs().stream().map(RungsData.Rung::reached).toList();
    }

    /** The chart's title, drawn above it and exported with it. */
    public void setTitle(String text) {
        update(() -> chart().setTitle(text == null ? "" : text));
    }

    /** The rungs' axis as last laid out, for tests: which form of the count labels fits. */
    RungsPlots.RungAxis rungAxis() {
        return (RungsPlots.RungAxis) chart().getXYPlot().getDomainAxis();
    }
}
