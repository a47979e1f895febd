package dev.rungs.app.charts;

import java.util.Optional;

/**
 * Content of a tab that shows charts: tells which chart is in front, so that "Export chart…"
 * exports what the person is looking at rather than a fixed chart.
 */
public interface ChartHolder {

    /** The chart the person sees now, or empty when there is none to export. */
    Optional<ChartBox> chartInFront();

    /** Why {@link #chartInFront} is empty, for the export button's tooltip. */
    default String noChartReason() {
        return "This tab shows no chart";
    }
}
