package dev.rungs.app.charts;

import java.util.Optional;

/**
 * A view that shows a chart: how the run view's Export chart… finds the chart in front, in
 * whichever tab that is.
 */
public interface ChartHolder {

    /** The chart this view shows now, or empty when it shows none (nothing to draw yet). */
    Optional<ChartBox> chartInFront();
}
