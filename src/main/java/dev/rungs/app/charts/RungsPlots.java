package dev.rungs.app.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Builds the JFreeChart of a {@link RungsData}: one column per rung, at its budget, with one
 * cell per trial that reached it, stacked by rank (best on top) and coloured by what became of
 * the trial there; cells the plan has but no trial has reached yet are pale. Under each column
 * its budget and how many trials reached it of how many were planned.
 *
 * <p>Stock JFreeChart draws the cells (a block renderer whose paint scale maps outcomes to
 * colours); the one piece of our own is {@link RungAxis}, which writes the counts under the
 * columns in the longest form that fits a column, so that labels never overlap however narrow
 * the chart is made. No JavaFX here.
 */
final class RungsPlots {
    /** The z value of a planned cell no trial has reached yet. */
    static final int NOT_REACHED = RungsData.Outcome.values().length;
    /** Width of a column's cells, in columns. */
    static final double CELL_WIDTH = 0.6;

    private static final Map<RungsData.Outcome, String> NAMES = new EnumMap<>(Map.of(
            RungsData.Outcome.PROMOTED, "Promoted", RungsData.Outcome.STOPPED, "Stopped",
            RungsData.Outcome.COMPLETED, "Completed", RungsData.Outcome.RUNNING, "Running",
            RungsData.Outcome.PAUSED, "Paused"));

    private RungsPlots() {
    }

    /** What the chart says while no trial has reached a rung. */
    static final String NO_DATA = "No trial has reached a rung yet";

    /** A chart to {@link #show} rungs in; it shows the no-data message until then. */
    static JFreeChart emptyChart() {
        XYPlot plot = new XYPlot(null, new RungAxis(List.of()), new NumberAxis(), new XYBlockRenderer());
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessage(NO_DATA);
        JFreeChart chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        show(chart, new RungsData(List.of()));
        return chart;
    }

    /** Makes {@code chart} (from {@link #emptyChart}) show {@code data}. */
    static void show(JFreeChart chart, RungsData data) {
        XYPlot plot = chart.getXYPlot();
        List<RungsData.Rung> rungs = data.rungs();
        int rows = 1;
        for (RungsData.Rung r : rungs) {
            rows = Math.max(rows, Math.max(r.planned(), r.reached()));
        }
        plot.setDomainAxis(new RungAxis(rungs));
        NumberAxis y = new NumberAxis("Rank at the rung (1 = best)");
        y.setInverted(true);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setDefaultAutoRange(new Range(0.4, rows + 0.6));
        y.setRange(0.4, rows + 0.6);
        plot.setRangeAxis(y);

        XYBlockRenderer cells = new XYBlockRenderer();
        cells.setBlockWidth(CELL_WIDTH);
        // A sliver between cells while they are tall enough for it to show.
        cells.setBlockHeight(rows <= 30 ? 0.85 : 1.0);
        LookupPaintScale scale = new LookupPaintScale(0, NOT_REACHED + 1, NOT_REACHED_PAINT);
        for (RungsData.Outcome o : RungsData.Outcome.values()) {
            scale.add(o.ordinal(), paint(o));
        }
        scale.add(NOT_REACHED, NOT_REACHED_PAINT);
        cells.setPaintScale(scale);
        Cells c = cells(rungs);
        cells.setDefaultToolTipGenerator((d, series, item) -> c.tooltips.get(item));
        plot.setRenderer(cells);

        DefaultXYZDataset dataset = new DefaultXYZDataset();
        if (c.size() > 0) {
            dataset.addSeries("trials", c.xyz());
        }
        plot.setDataset(dataset);
        plot.setFixedLegendItems(c.size() == 0 ? new LegendItemCollection() : legend(c.hasNotReached));
        ChartTheme.apply(chart);
    }

    /** Every cell: x = rung, y = rank (1 = best), z = outcome, with its tooltip. */
    private static Cells cells(List<RungsData.Rung> rungs) {
        Cells c = new Cells();
        for (int i = 0; i < rungs.size(); i++) {
            RungsData.Rung r = rungs.get(i);
            List<RungsData.Point> points = r.points();
            for (int k = 0; k < points.size(); k++) {
                RungsData.Point p = points.get(k);
                c.add(i, k + 1, p.outcome().ordinal(), String.format(Locale.ROOT,
                        "Trial %d at budget %d: %s, rank %d of %d (%s)", p.trial(), r.budget(),
                        ValueFormat.of(p.value()), k + 1, points.size(),
                        NAMES.get(p.outcome()).toLowerCase(Locale.ROOT)));
            }
            for (int k = points.size(); k < r.planned(); k++) {
                c.add(i, k + 1, NOT_REACHED, "Budget " + r.budget() + ": planned, not reached yet");
                c.hasNotReached = true;
            }
        }
        return c;
    }

    private static LegendItemCollection legend(boolean notReached) {
        LegendItemCollection items = new LegendItemCollection();
        for (RungsData.Outcome o : RungsData.Outcome.values()) {
            items.add(new LegendItem(NAMES.get(o), paint(o)));
        }
        if (notReached) {
            items.add(new LegendItem("Planned, not reached", NOT_REACHED_PAINT));
        }
        return items;
    }

    /** The cells as the block renderer takes them. */
    private static final class Cells {
        final List<double[]> xyz = new ArrayList<>();
        final List<String> tooltips = new ArrayList<>();
        boolean hasNotReached;

        void add(double x, double y, double z, String tooltip) {
            xyz.add(new double[] {x, y, z});
            tooltips.add(tooltip);
        }

        int size() {
            return xyz.size();
        }

        double[][] xyz() {
            double[][] out = new double[3][xyz.size()];
            for (int i = 0; i < xyz.size(); i++) {
                for (int j = 0; j < 3; j++) {
                    out[j][i] = xyz.get(i)[j];
                }
            }
            return out;
        }
    }

    /**
     * The rungs' axis: a tick per rung, labelled with its budget and its counts in the longest
     * of three forms that fits the column's width for every rung ("budget 9 · 3 of 3 reached",
     * "9 · 3/3", "9"), so neighbouring labels never run into each other.
     */
    static final class RungAxis extends NumberAxis {
        /** Pixels kept free between two labels. */
        static final double LABEL_GAP = 8;
        private final List<RungsData.Rung> rungs;
        /** The form chosen at the last layout, for tests: 0 longest, 2 shortest. */
        private int form;

        RungAxis(List<RungsData.Rung> rungs) {
            super("Budget (resource per trial) · trials reached of planned");
            this.rungs = List.copyOf(rungs);
            setDefaultAutoRange(new Range(-0.5, Math.max(0, rungs.size() - 1) + 0.5));
            setRange(-0.5, Math.max(0, rungs.size() - 1) + 0.5);
        }

        /** The label of rung {@code i} in form 0 (longest), 1 or 2 (the budget alone). */
        String label(int i, int labelForm) {
            RungsData.Rung r = rungs.get(i);
            String counts = r.planned() >= 0 ? r.reached() + (labelForm == 0 ? " of " : "/") + r.planned()
                    : Integer.toString(r.reached());
            return switch (labelForm) {
                case 0 -> "budget " + r.budget() + " · " + counts + " reached";
                case 1 -> r.budget() + " · " + counts;
                default -> Long.toString(r.budget());
            };
        }

        int form() {
            return form;
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            double column = dataArea.getWidth() / getRange().getLength();
            g2.setFont(getTickLabelFont());
            FontMetrics fm = g2.getFontMetrics();
            form = 2;
            for (int f = 0; f < 2; f++) {
                if (widest(fm, f) + LABEL_GAP <= column) {
                    form = f;
                    break;
                }
            }
            // Even the budget alone may not fit a very narrow column: then a label that would
            // run into the one before it is left out.
            List<NumberTick> ticks = new ArrayList<>();
            double lastRight = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < rungs.size(); i++) {
                if (!getRange().contains(i)) {
                    continue;
                }
                String text = label(i, form);
                double half = fm.stringWidth(text) / 2.0;
                double centre = valueToJava2D(i, dataArea, edge);
                boolean room = centre - half >= lastRight + LABEL_GAP;
                if (room) {
                    lastRight = centre + half;
                }
                ticks.add(new NumberTick(i, room ? text : "", TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }

        private int widest(FontMetrics fm, int labelForm) {
            int w = 0;
            for (int i = 0; i < rungs.size(); i++) {
                w = Math.max(w, fm.stringWidth(label(i, labelForm)));
            }
            return w;
        }
    }

    /** A planned cell no trial has reached yet: pale, like an empty slot. */
    static final Color NOT_REACHED_PAINT = ChartTheme.GRID;

    /** The colour of a trial's cell: promoted blue, stopped vermillion, completed green, running sky, paused purple. */
    static Paint paint(RungsData.Outcome o) {
        return switch (o) {
            case PROMOTED -> ChartTheme.BLUE;
            case STOPPED -> ChartTheme.VERMILLION;
            case COMPLETED -> ChartTheme.GREEN;
            case RUNNING -> ChartTheme.SKY;
            case PAUSED -> ChartTheme.PURPLE;
        };
    }
}
