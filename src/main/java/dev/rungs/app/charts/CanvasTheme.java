package dev.rungs.app.charts;

import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The look of the charts still drawn by hand on a canvas ({@link ChartPane}: the density and
 * rungs charts), in JavaFX colours and fonts. The same colours as {@link ChartTheme}, the theme
 * of the JFreeChart charts; this class goes once those two charts are on JFreeChart too.
 */
public final class CanvasTheme {
    /** Okabe–Ito blue: the first series, and "good" in the TPE view. */
    public static final Color BLUE = Color.web("#0072B2");
    /** Okabe–Ito orange: the second series, and "bad" in the TPE view. */
    public static final Color ORANGE = Color.web("#E69F00");
    /** Okabe–Ito bluish green. */
    public static final Color GREEN = Color.web("#009E73");
    /** Okabe–Ito vermillion: highlights such as the best-so-far line and the picked value. */
    public static final Color VERMILLION = Color.web("#D55E00");
    /** Okabe–Ito reddish purple. */
    public static final Color PURPLE = Color.web("#CC79A7");
    /** Okabe–Ito sky blue. */
    public static final Color SKY = Color.web("#56B4E9");
    /** Okabe–Ito yellow; too light for thin lines on white, so last in the palette. */
    public static final Color YELLOW = Color.web("#F0E442");
    /** Okabe–Ito black. */
    public static final Color BLACK = Color.web("#000000");
    /** The series colours in the order charts use them. */
    public static final List<Color> PALETTE = List.of(BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, BLACK, YELLOW);

    /** Behind everything, also in exported images. */
    public static final Color BACKGROUND = Color.WHITE;
    /** Axis lines and tick marks. */
    public static final Color AXIS = Color.web("#4D4D4D");
    /** Titles, axis labels and tick labels. */
    public static final Color TEXT = Color.web("#333333");
    /** Grid lines: visible, but quieter than any data. */
    public static final Color GRID = Color.web("#E6E6E6");
    /** The message a chart shows while it has no data. */
    public static final Color PLACEHOLDER = Color.web("#808080");
    /** Marks that are shown but not counted, such as failed trials. */
    public static final Color MUTED = Color.web("#999999");
    /** Background of labels drawn over data (hover, picked value), slightly see-through. */
    public static final Color LABEL_BACKGROUND = Color.rgb(255, 255, 255, 0.85);
    /** Border of the hover label. */
    public static final Color LABEL_BORDER = Color.web("#CCCCCC");

    /** Tick labels and legend entries. */
    public static final Font TICK_FONT = Font.font("System", 13);
    /** Axis labels. */
    public static final Font LABEL_FONT = Font.font("System", 13);
    /** The chart title. */
    public static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 14);
    /** The no-data message. */
    public static final Font PLACEHOLDER_FONT = Font.font("System", 14);

    /** Width of data lines, in pixels. */
    public static final double LINE_WIDTH = 2;
    /** Width of axis lines and tick marks. */
    public static final double AXIS_WIDTH = 1;
    /** Length of a tick mark outside the plot area. */
    public static final double TICK_LENGTH = 5;
    /** Space between a tick mark and its label, and between other stacked texts. */
    public static final double GAP = 6;
    /** Empty space around the whole chart. */
    public static final double PADDING = 10;
    /** Diameter of a data point. */
    public static final double DOT_SIZE = 6;
    /** How far, in pixels, the mouse may be from a point for the point to count as hovered. */
    public static final double HOVER_RADIUS = 8;

    private CanvasTheme() {
    }

    /** The {@code i}-th series colour, cycling through the palette. */
    public static Color seriesColor(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }

    /** {@code color} with the given opacity, for filled areas under lines. */
    public static Color translucent(Color color, double opacity) {
        return Color.color(color.getRed(), color.getGreen(), color.getBlue(), opacity);
    }
}
