package dev.rungs.app.charts;

import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * One line of a chart's legend: a sample of the mark and what it stands for.
 *
 * @param label what the mark stands for
 * @param color the mark's colour
 * @param mark how the sample is drawn
 */
public record LegendEntry(String label, Color color, Mark mark) {

    /** How a legend sample is drawn, matching how the series itself is drawn. */
    public enum Mark {
        /** A solid line. */
        LINE,
        /** A dashed line. */
        DASHED_LINE,
        /** A filled dot. */
        DOT,
        /** A hollow ring. */
        RING,
        /** A small cross. */
        CROSS,
        /** A filled square, for bars. */
        BAR
    }

    /** Checks that nothing is null. */
    public LegendEntry {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(mark, "mark");
    }
}
