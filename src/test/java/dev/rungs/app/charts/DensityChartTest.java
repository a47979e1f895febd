package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ScriptedFilePicker;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The density chart on JFreeChart: what it plots, where, in which colour, and how it keeps its zoom. */
class DensityChartTest {
    static final long TIMEOUT_S = 15;
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static DensityChart chart(DensityData data) throws Exception {
        return fx(() -> {
            DensityChart c = new DensityChart(new ScriptedFilePicker());
            c.setData(data);
            return c;
        });
    }

    static DensityData optimizer() {
        return new DensityData("optimizer", new double[] {0, 1, 2}, new double[] {0.6, 0.3, 0.1},
                new double[] {0.2, 0.3, 0.5}, new double[] {0, 0, 1}, new double[] {2, 2, 1, 0}, 0, false, false,
                List.of("adam", "sgd", "rmsprop"), "Probability");
    }

    @Test
    void aCategoricalDensityIsDrawnAsBarsNamedByChoice() throws Exception {
        DensityChart chart = chart(optimizer());
        XYPlot densities = chart.densityPlot();
        ValueAxis x = densities.getDomainAxis();
        assertEquals("optimizer", x.getLabel());
        assertEquals(new Range(-0.5, 2.5), x.getRange());
        assertArrayEquals(new String[] {"adam", "sgd", "rmsprop"}, ((SymbolAxis) x).getSymbols());
        assertEquals("Probability", densities.getRangeAxis().getLabel());
        assertEquals("sgd: l = 0.3, g = 0.3",
                densities.getRenderer().getToolTipGenerator(0, 1).generateToolTip(densities.getDataset(), 0, 1));

        Drawn drawn = draw(chart);
        // The good bar of "adam" (60 %) is blue in the middle of its height, left of the choice.
        // (Heights between grid lines, so that no grid line is hit.)
        assertEquals(ChartTheme.GOOD, drawn.colorAt(0 - 0.15, 0.33));
        assertEquals(ChartTheme.BAD, drawn.colorAt(2 + 0.15, 0.33), "g(rmsprop) = 0.5");
        assertEquals(ChartTheme.BACKGROUND, drawn.colorAt(2 - 0.15, 0.33), "l(rmsprop) = 0.1");
    }

    @Test
    void aSmallIntegerRangeIsDrawnAsBarsAtItsValues() throws Exception {
        DensityData data = new DensityData("layers", new double[] {1, 2, 3, 4}, new double[] {0.7, 0.2, 0.05, 0.05},
                new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {1, 1}, new double[] {4}, 1, false, true, List.of(),
                "Density");
        DensityChart chart = chart(data);
        Range x = chart.densityPlot().getDomainAxis().getRange();
        assertEquals(0.5, x.getLowerBound(), 1e-12, "half a step of room left of the first value");
        assertEquals(4.5, x.getUpperBound(), 1e-12);
        Drawn drawn = draw(chart);
        assertEquals(ChartTheme.GOOD, drawn.colorAt(1 - 0.15, 0.33), "l(1) = 0.7 reaches 0.33");
        assertEquals(ChartTheme.BAD, drawn.colorAt(4 + 0.15, 0.33), "g(4) = 0.4");
        assertEquals(ChartTheme.BACKGROUND, drawn.colorAt(4 - 0.15, 0.33), "l(4) = 0.05");
    }

    @Test
    void aNumericDensityIsTwoCurvesOverItsGridWithTheRugAndThePickedValueBelowAndOnTop() throws Exception {
        double[] xs = new double[101];
        double[] good = new double[101];
        double[] bad = new double[101];
        for (int i = 0; i <= 100; i++) {
            xs[i] = i / 100.0;
            good[i] = Math.exp(-Math.pow((xs[i] - 0.3) / 0.05, 2));
            bad[i] = 1;
        }
        DensityData data = new DensityData("x", xs, good, bad, new double[] {0.28, 0.31}, new double[] {0.1, 0.6, 0.9},
                0.3, false, false, List.of(), "Density");
        DensityChart chart = chart(data);
        XYDataset curves = chart.densityPlot().getDataset();
        assertEquals(2, curves.getSeriesCount());
        assertEquals(101, curves.getItemCount(0), "every grid point is drawn");
        assertEquals(1.0, curves.getYValue(0, 30), 1e-12);
        XYDataset rug = chart.rugPlot().getDataset();
        assertEquals(2, rug.getItemCount(0), "a tick per good observation");
        assertEquals(3, rug.getItemCount(1), "a tick per bad observation");
        assertEquals(0.31, rug.getXValue(0, 1));
        ValueMarker picked = (ValueMarker) chart.densityPlot().getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next();
        assertEquals(0.3, picked.getValue());
        assertEquals("x = 0.3", picked.getLabel());

        Drawn drawn = draw(chart);
        // On the curve's flank, l(0.25) = e^-1: the 2-pixel line there is blue (up to anti-aliasing).
        Color onLine = drawn.colorAt(0.25, Math.exp(-1));
        assertTrue(distance(onLine, ChartTheme.GOOD) < 60, "l is drawn in blue: " + onLine);
    }

    @Test
    void newDensitiesOfTheSameParameterKeepTheZoomAndAnotherParameterResetsIt() throws Exception {
        DensityData a = new DensityData("x", new double[] {0, 0.5, 1}, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, new double[0], new double[0], Double.NaN, false, false, List.of(), "Density");
        DensityData b = new DensityData("x", new double[] {0, 0.5, 1}, new double[] {2, 0, 1},
                new double[] {1, 1, 1}, new double[0], new double[0], Double.NaN, false, false, List.of(), "Density");
        DensityData other = new DensityData("y", new double[] {0, 5, 10}, new double[] {1, 1, 1},
                new double[] {1, 1, 1}, new double[0], new double[0], Double.NaN, false, false, List.of(), "Density");
        DensityChart chart = chart(a);
        fx(() -> {
            chart.densityPlot().getDomainAxis().setRange(0.2, 0.4);
            chart.setData(b);
            return null;
        });
        assertEquals(new Range(0.2, 0.4), chart.densityPlot().getDomainAxis().getRange());
        fx(() -> {
            chart.setData(other);
            return null;
        });
        assertEquals(new Range(0, 10), chart.densityPlot().getDomainAxis().getRange());
        fx(() -> {
            chart.setData(null);
            return null;
        });
        assertNull(chart.rugPlot());
        assertEquals(DensityPlots.NO_DATA, chart.densityPlot().getNoDataMessage());
        assertNotEquals(0, draw(chart).image.getWidth());
    }

    static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /** The chart drawn at {@link #WIDTH} × {@link #HEIGHT}, with where its densities' plot went. */
    record Drawn(BufferedImage image, Rectangle2D area, XYPlot plot) {
        Color colorAt(double x, double y) {
            int px = (int) plot.getDomainAxis().valueToJava2D(x, area, RectangleEdge.BOTTOM);
            int py = (int) plot.getRangeAxis().valueToJava2D(y, area, RectangleEdge.LEFT);
            return new Color(image.getRGB(px, py) & 0xFFFFFF);
        }
    }

    static Drawn draw(DensityChart chart) throws Exception {
        return fx(() -> {
            BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g2 = image.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT), info);
            g2.dispose();
            return new Drawn(image, info.getPlotInfo().getSubplotInfo(0).getDataArea(), chart.densityPlot());
        });
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
