package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The rungs chart drawn into images of many sizes: its cells and counts, and labels that never overlap. */
class RungsPlotsTest {

    /** Hyperband's largest bracket for R = 81, η = 3: 81 → 27 → 9 → 3 → 1, the first two rungs done. */
    static RungsData bracket() {
        long[] budgets = {1, 3, 9, 27, 81};
        int[] planned = {81, 27, 9, 3, 1};
        int[] reached = {81, 27, 4, 0, 0};
        List<RungsData.Rung> rungs = new ArrayList<>();
        int trial = 0;
        for (int i = 0; i < budgets.length; i++) {
            List<RungsData.Point> points = new ArrayList<>();
            for (int k = 0; k < reached[i]; k++) {
                RungsData.Outcome o = i < 2 ? (k < planned[i + 1] ? RungsData.Outcome.PROMOTED
                        : RungsData.Outcome.STOPPED) : RungsData.Outcome.RUNNING;
                points.add(new RungsData.Point(trial++, 0.1 * k, o));
            }
            rungs.add(new RungsData.Rung(budgets[i], planned[i], points));
        }
        return new RungsData(rungs);
    }

    static JFreeChart chartOf(RungsData data) {
        JFreeChart chart = RungsPlots.emptyChart();
        RungsPlots.show(chart, data);
        return chart;
    }

    @Test
    void everyTrialAndEveryPlannedCellIsACellInItsColumn() {
        JFreeChart chart = chartOf(bracket());
        XYPlot plot = chart.getXYPlot();
        int cells = plot.getDataset().getItemCount(0);
        assertEquals(81 + 27 + 9 + 3 + 1, cells, "one cell per planned trial; reached or not");
        assertEquals("budget 1 · 81 of 81 reached", ((RungsPlots.RungAxis) plot.getDomainAxis()).label(0, 0));
        assertEquals("9 · 4/9", ((RungsPlots.RungAxis) plot.getDomainAxis()).label(2, 1));
        assertTrue(chart.getLegend() != null);
    }

    @Test
    void rungLabelsNeverOverlapFromWideToNarrowAndFromTallToShort() {
        int[][] sizes = {{1200, 600}, {800, 400}, {520, 300}, {360, 200}, {220, 120}, {140, 80}};
        List<Integer> forms = new ArrayList<>();
        for (int[] size : sizes) {
            JFreeChart chart = chartOf(bracket());
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
            Graphics2D g2 = image.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g2, new Rectangle2D.Double(0, 0, size[0], size[1]), info);
            Rectangle2D data = info.getPlotInfo().getDataArea();
            RungsPlots.RungAxis axis = (RungsPlots.RungAxis) chart.getXYPlot().getDomainAxis();
            @SuppressWarnings("unchecked")
            List<NumberTick> ticks = axis.refreshTicks(g2, new org.jfree.chart.axis.AxisState(), data,
                    RectangleEdge.BOTTOM);
            forms.add(axis.form());
            g2.setFont(axis.getTickLabelFont());
            FontMetrics fm = g2.getFontMetrics();
            double previousRight = Double.NEGATIVE_INFINITY;
            for (NumberTick t : ticks) {
                if (t.getText().isEmpty()) {
                    continue; // left out for want of room
                }
                double centre = axis.valueToJava2D(t.getValue(), data, RectangleEdge.BOTTOM);
                double half = fm.stringWidth(t.getText()) / 2.0;
                assertTrue(centre - half > previousRight, size[0] + " × " + size[1] + ": '" + t.getText()
                        + "' runs into the label before it");
                previousRight = centre + half;
            }
            g2.dispose();
        }
        assertEquals(0, forms.get(0), "a wide chart says it all");
        assertEquals(2, forms.get(forms.size() - 1), "a narrow one only the budgets");
    }
}
