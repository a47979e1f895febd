package dev.rungs.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ScriptedFilePicker;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/** The chart base: theme, placeholder, export to PNG and SVG, and the update that draws once. */
class ChartBoxTest {
    static final long TIMEOUT_S = 15;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    static JFreeChart lineChart(double[][] xy) {
        DefaultXYDataset data = new DefaultXYDataset();
        if (xy != null) {
            data.addSeries("values", xy);
        }
        XYPlot plot = new XYPlot(data, new NumberAxis("x"), new NumberAxis("y"), new XYLineAndShapeRenderer());
        return new JFreeChart("A chart", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    @Test
    void theThemeGivesAWhiteBackgroundAndSeriesColoursSetAfterItStay() throws Exception {
        JFreeChart chart = lineChart(new double[][] {{0, 1, 2}, {3, 1, 2}});
        ChartBox box = fx(() -> new ChartBox(chart, new ScriptedFilePicker()));
        XYPlot plot = chart.getXYPlot();
        // White to the eye, a hair short of opaque (an opaque whole-canvas fill showed black under X);
        // exports are drawn on white, which the export tests check pixel by pixel.
        java.awt.Color background = (java.awt.Color) chart.getBackgroundPaint();
        assertEquals(ChartTheme.BACKGROUND.getRGB() & 0xFFFFFF, background.getRGB() & 0xFFFFFF);
        assertTrue(background.getAlpha() >= 254, "alpha " + background.getAlpha());
        assertEquals(ChartTheme.BACKGROUND, plot.getBackgroundPaint());
        assertEquals(ChartTheme.GRID, plot.getRangeGridlinePaint());
        plot.getRenderer().setSeriesPaint(0, ChartTheme.BEST);
        assertEquals(ChartTheme.BEST, plot.getRenderer().getSeriesPaint(0));

        Path png = dir.resolve("out/chart.png");
        box.writePng(png, 400, 300);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(0xFFFFFFFF, image.getRGB(1, 1), "white in the corner");
    }

    @Test
    void svgExportParsesAndHoldsTheTitle() throws Exception {
        JFreeChart chart = lineChart(new double[][] {{0, 1, 2}, {3, 1, 2}});
        ChartBox box = fx(() -> new ChartBox(chart, new ScriptedFilePicker()));
        Path svg = dir.resolve("chart.svg");
        box.writeSvg(svg, 500, 300);
        Document doc = parseSvg(svg);
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertTrue(Files.readString(svg).contains("A chart"));
    }

    @Test
    void withoutDataThePlotShowsThePlaceholder() throws Exception {
        JFreeChart chart = lineChart(null);
        ChartBox box = fx(() -> {
            ChartBox b = new ChartBox(chart, new ScriptedFilePicker());
            b.setPlaceholder("Nothing yet");
            return b;
        });
        assertEquals("Nothing yet", box.placeholder());
        assertTrue(Files.readString(write(box)).contains("Nothing yet"), "the message is drawn");
    }

    @Test
    void anUpdateOfSeveralChangesRedrawsOnce() throws Exception {
        JFreeChart chart = lineChart(new double[][] {{0, 1}, {0, 1}});
        ChartBox box = fx(() -> new ChartBox(chart, new ScriptedFilePicker()));
        int[] events = {0};
        chart.addChangeListener(e -> events[0]++);
        fx(() -> {
            box.update(() -> {
                chart.setTitle("New title");
                chart.getXYPlot().setDataset(new DefaultXYDataset());
                chart.getXYPlot().getDomainAxis().setLabel("trial");
            });
            return null;
        });
        assertEquals(1, events[0]);
    }

    @Test
    void exportAsksForAFileAndSaysWhereItWrote() throws Exception {
        JFreeChart chart = lineChart(new double[][] {{0, 1, 2}, {3, 1, 2}});
        ScriptedFilePicker files = new ScriptedFilePicker();
        ChartBox box = fx(() -> new ChartBox(chart, files));
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(box, 600, 400));
            stage.sizeToScene(); // the primary stage is reused: a wider earlier window must not carry over
            stage.show();
        });
        Path svg = dir.resolve("asked.svg");
        files.answer(svg);
        fx(() -> {
            box.export(ChartBox.Format.PNG);
            return null;
        });
        assertNotNull(parseSvg(svg), "a name ending in .svg gives SVG, whatever was offered");
        assertEquals("Saved to " + svg, fx(box::exportedText));

        Path[] told = {null};
        Path png = dir.resolve("asked.png");
        files.answer(png);
        fx(() -> {
            box.setOnExported(p -> told[0] = p);
            box.export(ChartBox.Format.PNG);
            return null;
        });
        assertEquals(png, told[0]);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(600, image.getWidth(), "the size on screen");
        assertNotEquals(0, image.getHeight());
        assertFalse(Files.readString(svg).isEmpty());
    }

    Path write(ChartBox box) throws Exception {
        Path svg = dir.resolve("placeholder.svg");
        box.writeSvg(svg, 400, 300);
        return svg;
    }

    /** Parses an SVG file without fetching the DTD it names from the web. */
    static Document parseSvg(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
