package dev.rungs.app.charts;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.app.SaveFile;
import dev.rungs.app.studies.ErrorReport;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.MouseHandlerFX;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.Pannable;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart people can explore: a JFreeChart in a {@link ChartViewer}, with the Rungs look
 * ({@link ChartTheme}) and the same handling everywhere.
 *
 * <ul>
 *   <li>Drag a rectangle to zoom into it; the mouse wheel zooms around the pointer; Shift-drag
 *       pans; a double-click, or Reset zoom in the context menu, shows everything again.</li>
 *   <li>Hovering a mark shows the tooltip of its renderer's tooltip generator.</li>
 *   <li>The context menu copies the chart as an image and exports it as PNG or SVG, asking
 *       before it replaces a file and writing through a temporary file ({@link SaveFile}); the
 *       {@link #setOnExported} hook hears where it wrote.</li>
 * </ul>
 *
 * <p>Charts are built elsewhere (a builder per kind of chart, from data a view model computed);
 * this node only shows them: {@link #setChart} with null shows the placeholder text.
 */
public final class ChartBox extends StackPane {
    /** Size of an export when the chart has not been laid out (never shown). */
    public static final int DEFAULT_WIDTH = 960;
    public static final int DEFAULT_HEIGHT = 600;

    private final ChartViewer viewer = new ChartViewer(null);
    private final Label placeholder = new Label();
    private final StringProperty fileName = new SimpleStringProperty(this, "fileName", "chart");
    private final ObjectProperty<FilePicker> files = new SimpleObjectProperty<>(this, "files");
    private Consumer<Path> onExported = path -> { };
    private JFreeChart current;

    /** An empty chart box showing {@code placeholderText} until it gets a chart. */
    public ChartBox(String placeholderText) {
        getStyleClass().add("chart-box");
        // White behind the canvas too: on screen the chart's own background fill did not show.
        setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                javafx.scene.paint.Color.WHITE, null, null)));
        placeholder.setText(placeholderText);
        placeholder.getStyleClass().add("chart-placeholder");
        placeholder.setWrapText(true);
        getChildren().addAll(viewer, placeholder);
        setMinSize(200, 150);
        viewer.setMinSize(0, 0);

        // Shift-drag pans (JFreeChart's default is Alt-drag, which window managers often take).
        MouseHandlerFX pan = viewer.getCanvas().getMouseHandler("pan");
        if (pan != null) {
            viewer.getCanvas().removeMouseHandler(pan);
        }
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("pan", false, false, false, true));
        viewer.getCanvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
        ContextMenu menu = contextMenu();
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        setChart(null);
    }

    /** Shows {@code chart} (themed already by its builder), or the placeholder for null. */
    public void setChart(JFreeChart chart) {
        current = chart;
        if (chart != null) {
            // The viewer refuses null: without a chart it keeps the last one, hidden.
            viewer.setChart(chart);
            if (chart.getPlot() instanceof Pannable p) {
                setPannable(p);
            }
        }
        viewer.setVisible(chart != null);
        placeholder.setVisible(chart == null);
    }

    /** The chart shown, or null. */
    public JFreeChart getChart() {
        return current;
    }

    /** The viewer, for charts that listen to clicks ({@link ChartViewer#addChartMouseListener}). */
    public ChartViewer viewer() {
        return viewer;
    }

    public StringProperty placeholderProperty() {
        return placeholder.textProperty();
    }

    /** The file name an export offers, without extension. */
    public StringProperty fileNameProperty() {
        return fileName;
    }

    /** Asks where to export to; without one, the context menu has no export items enabled. */
    public ObjectProperty<FilePicker> filesProperty() {
        return files;
    }

    /** Called with the file after each export the person asked for; replaces the previous hook. */
    public void setOnExported(Consumer<Path> onExported) {
        this.onExported = Objects.requireNonNull(onExported, "onExported");
    }

    /** Shows the whole of every axis again, as the chart was before any zoom or pan. */
    public void resetZoom() {
        JFreeChart chart = current;
        if (chart != null && chart.getPlot() instanceof Zoomable z) {
            ChartRenderingInfo info = viewer.getRenderingInfo();
            PlotRenderingInfo plotInfo = info == null ? null : info.getPlotInfo();
            Point2D centre = new Point2D.Double(getWidth() / 2, getHeight() / 2);
            // A zoom factor of 0 restores auto ranges (as Swing's ChartPanel.restoreAutoBounds).
            z.zoomDomainAxes(0.0, plotInfo, centre);
            z.zoomRangeAxes(0.0, plotInfo, centre);
        }
    }

    // ------------------------------------------------------------------ export

    /** Asks where (in {@code format}) and exports the chart there; a failure is shown in a dialog. */
    public void export(ExportFormat format) {
        FilePicker picker = files.get();
        if (picker == null || getChart() == null) {
            return;
        }
        SaveFile.choose(this, picker, "Export chart as " + format.label(), fileName.get() + "." + format.extension(),
                format.label() + " files", format.extension()).ifPresent(file -> {
                    try {
                        write(file, format);
                        onExported.accept(file);
                    } catch (IOException | RuntimeException e) {
                        Dialogs.showError(this, new ErrorReport("Cannot save the chart to " + file,
                                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), () -> { });
                    }
                });
    }

    /** Writes the chart to {@code file} in {@code format} at the size it has on screen. */
    public void write(Path file, ExportFormat format) throws IOException {
        int w = getWidth() > 0 ? (int) Math.round(getWidth()) : DEFAULT_WIDTH;
        int h = getHeight() > 0 ? (int) Math.round(getHeight()) : DEFAULT_HEIGHT;
        if (format == ExportFormat.SVG) {
            writeSvg(getChart(), file, w, h);
        } else {
            writePng(getChart(), file, w, h);
        }
    }

    /** Draws {@code chart} into a {@code w} x {@code h} PNG at {@code file}; any thread. */
    public static void writePng(JFreeChart chart, Path file, int w, int h) throws IOException {
        BufferedImage image = chart.createBufferedImage(w, h);
        SaveFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * Draws {@code chart} as a {@code w} x {@code h} SVG document at {@code file}; any thread.
     * (JFreeChart's own {@code ExportUtils.writeAsSVG} fails with JFreeSVG 5: it looks for a
     * constructor that is gone, so the chart is drawn into an {@link SVGGraphics2D} here.)
     */
    public static void writeSvg(JFreeChart chart, Path file, int w, int h) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(w, h);
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        String svg = g2.getSVGDocument();
        SaveFile.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(svg);
            writer.flush();
        });
    }

    /** Puts the chart, as it looks now, on the clipboard as an image. */
    public void copyToClipboard() {
        JFreeChart chart = getChart();
        if (chart == null) {
            return;
        }
        int w = getWidth() > 0 ? (int) Math.round(getWidth()) : DEFAULT_WIDTH;
        int h = getHeight() > 0 ? (int) Math.round(getHeight()) : DEFAULT_HEIGHT;
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(chart.createBufferedImage(w, h), null));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private ContextMenu contextMenu() {
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setId("chartResetZoom");
        reset.setOnAction(e -> resetZoom());
        MenuItem copy = new MenuItem("Copy");
        copy.setId("chartCopy");
        copy.setOnAction(e -> copyToClipboard());
        MenuItem png = new MenuItem("Export PNG…");
        png.setId("chartExportPng");
        png.setOnAction(e -> export(ExportFormat.PNG));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setId("chartExportSvg");
        svg.setOnAction(e -> export(ExportFormat.SVG));
        png.disableProperty().bind(files.isNull());
        svg.disableProperty().bind(files.isNull());
        return new ContextMenu(reset, new SeparatorMenuItem(), copy, png, svg);
    }

    private static void setPannable(Pannable p) {
        if (p instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.setDomainPannable(true);
            xy.setRangePannable(true);
        }
    }

    /** The formats a chart exports to. */
    public enum ExportFormat {
        PNG("PNG", "png"), SVG("SVG", "svg");

        private final String label;
        private final String extension;

        ExportFormat(String label, String extension) {
            this.label = label;
            this.extension = extension;
        }

        public String label() {
            return label;
        }

        public String extension() {
            return extension;
        }

        /** The format a file name's extension names, PNG unless it ends in .svg. */
        public static ExportFormat of(Path file) {
            return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".svg") ? SVG : PNG;
        }
    }
}
