package dev.rungs.app.charts;

import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.app.SaveFile;
import dev.rungs.app.studies.ErrorReport;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.Zoomable;
import org.jfree.svg.SVGGraphics2D;

/**
 * A JFreeChart that people can explore, as every Rungs chart is shown: a {@link ChartViewer}
 * with the Rungs look ({@link ChartTheme}), plus what the viewer lacks.
 *
 * <ul>
 *   <li>Zoom: drag a rectangle (left to right; dragging right to left resets), or turn the
 *       mouse wheel over the plot.</li>
 *   <li>Pan: drag with Ctrl, Shift or Alt held.</li>
 *   <li>Reset: double-click, the small button in the bottom-left corner (shown while the
 *       mouse is over the chart), or the context menu.</li>
 *   <li>Hover tooltips: from the renderers' tooltip generators, which the chart sets.</li>
 *   <li>Context menu: Copy (the image to the clipboard), Export PNG…, Export SVG…, Reset zoom.
 *       Exports ask through the app's {@link FilePicker}, ask before replacing a file and
 *       write whole or not at all ({@link SaveFile}), then tell {@link #setOnExported} where
 *       they wrote; with nobody listening the box says so itself for a few seconds.</li>
 *   <li>A placeholder while there is no data: the plot's "no data" message, see
 *       {@link #setPlaceholder}.</li>
 * </ul>
 *
 * <p>Building a chart on it: make the {@link JFreeChart} (plot, axes, renderers with tooltip
 * generators), wrap it in a box (the constructor applies the theme; set per-series paints
 * after that), and change its data inside {@link #update} so that a change of several datasets
 * draws once. {@link org.jfree.chart.fx.ChartCanvas} redraws at once on every change event the
 * chart fires, so datasets should be replaced whole (or filled with one event), never item by
 * item. All methods belong to the JavaFX application thread, except {@link #writePng} and
 * {@link #writeSvg}, which only draw the chart and may be called from a test without a toolkit.
 */
public class ChartBox extends StackPane {
    /** The file formats a chart is exported in. */
    public enum Format {
        /** A picture at the chart's size on screen. */
        PNG("png", "PNG images"),
        /** A drawing that scales, for papers and slides. */
        SVG("svg", "SVG images");

        private final String extension;
        private final String kind;

        Format(String extension, String kind) {
            this.extension = extension;
            this.kind = kind;
        }

        /** The file name extension, without the dot. */
        public String extension() {
            return extension;
        }

        /** SVG for a file named *.svg, else PNG. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg") ? SVG : PNG;
        }
    }

    private static final double PREF_WIDTH = 560;
    private static final double PREF_HEIGHT = 360;

    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final FilePicker files;
    private final Label exportedLabel = new Label();
    private final PauseTransition hideExported = new PauseTransition(Duration.seconds(4));
    private String fileName = "chart";
    private Consumer<Path> onExported;
    private Runnable resetZoom;

    /**
     * Shows {@code chart}, themed.
     *
     * @param chart the chart; the box applies {@link ChartTheme} to it, which resets per-series
     *     paints: set those after this constructor
     * @param files asks where exports go
     */
    public ChartBox(JFreeChart chart, FilePicker files) {
        this.chart = Objects.requireNonNull(chart, "chart");
        this.files = Objects.requireNonNull(files, "files");
        ChartTheme.apply(chart);
        viewer = new ChartViewer(chart);
        viewer.setPrefSize(PREF_WIDTH, PREF_HEIGHT);
        viewer.setMinSize(160, 120);
        // The canvas already pans with Alt held; Ctrl and Shift are easier to find.
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("panCtrl", false, true, false, false));
        viewer.getCanvas().addMouseHandler(new PanHandlerFX("panShift", false, false, false, true));
        viewer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
        ContextMenu menu = contextMenu();
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
        menu.setOnShowing(e -> viewer.getCanvas().setTooltipEnabled(false));
        menu.setOnHiding(e -> viewer.getCanvas().setTooltipEnabled(true));

        Button reset = new Button("⟲");
        reset.getStyleClass().add("chart-reset");
        reset.setTooltip(new Tooltip("Reset zoom (or double-click the chart)"));
        reset.setFocusTraversable(false);
        reset.setOnAction(e -> resetZoom());
        reset.visibleProperty().bind(hoverProperty());
        StackPane.setAlignment(reset, Pos.BOTTOM_LEFT);
        StackPane.setMargin(reset, new Insets(4));

        exportedLabel.getStyleClass().add("chart-exported");
        exportedLabel.setVisible(false);
        exportedLabel.setMouseTransparent(true);
        exportedLabel.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-padding: 3 6 3 6;"
                + " -fx-border-color: #cccccc;");
        StackPane.setAlignment(exportedLabel, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(exportedLabel, new Insets(4));
        hideExported.setOnFinished(e -> exportedLabel.setVisible(false));

        getStyleClass().add("chart-box");
        getChildren().addAll(viewer, reset, exportedLabel);
    }

    // ------------------------------------------------------------------ what charts use

    /** The chart shown. */
    public final JFreeChart chart() {
        return chart;
    }

    /** The viewer inside, for mouse listeners and tests. */
    public final ChartViewer viewer() {
        return viewer;
    }

    /**
     * Runs {@code changes} (new datasets, axis settings, titles) with the chart's change events
     * held back, then redraws once.
     */
    public final void update(Runnable changes) {
        boolean was = chart.isNotify();
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            // Turning notification back on fires one change event: the one redraw.
            chart.setNotify(was);
        }
    }

    /** The message drawn in the plot while its datasets are empty. */
    public final void setPlaceholder(String text) {
        chart.getPlot().setNoDataMessage(text);
    }

    /** The message drawn while there is no data. */
    public final String placeholder() {
        return chart.getPlot().getNoDataMessage();
    }

    /**
     * Called with what was under the mouse (a data item's entity, an axis, the plot) when the
     * chart is clicked once with the primary button; null for nothing.
     */
    public final void setOnEntityClicked(Consumer<ChartEntity> listener) {
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                MouseEvent e = event.getTrigger();
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()
                        && event.getEntity() != null) {
                    listener.accept(event.getEntity());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
    }

    /**
     * Undoes zooming and panning: every axis of a zoomable plot goes back to fitting its data.
     * A chart whose axes are set by hand passes its own way with {@link #setOnResetZoom}.
     */
    public final void resetZoom() {
        if (resetZoom != null) {
            resetZoom.run();
        } else if (chart.getPlot() instanceof Zoomable z) {
            // What Swing's ChartPanel.restoreAutoBounds does; the FX viewer has no such method.
            PlotRenderingInfo info = viewer.getRenderingInfo() == null ? null : viewer.getRenderingInfo().getPlotInfo();
            java.awt.geom.Point2D origin = new java.awt.geom.Point2D.Double();
            update(() -> {
                z.zoomDomainAxes(0.0, info, origin);
                z.zoomRangeAxes(0.0, info, origin);
            });
        }
    }

    /** Replaces what {@link #resetZoom} does; null for the default (axes fit the data). */
    public final void setOnResetZoom(Runnable reset) {
        this.resetZoom = reset;
    }

    // ------------------------------------------------------------------ export

    /** The file name offered for exports, without extension; "chart" until set. */
    public final void setFileName(String name) {
        this.fileName = Objects.requireNonNull(name, "name");
    }

    /** Called with the file after every export written; null to let the box say it itself. */
    public final void setOnExported(Consumer<Path> listener) {
        this.onExported = listener;
    }

    /**
     * Asks where to save the chart (and before replacing a file) and saves it at its size on
     * screen: as SVG when the chosen name ends in .svg, else as {@code format}. A failure is
     * shown in an error dialog.
     */
    public final void export(Format format) {
        SaveFile.choose(this, files, "Export chart as " + format.name(), fileName + "." + format.extension(),
                format.kind, format.extension()).ifPresent(file -> {
                    try {
                        write(file, Format.of(file), exportWidth(), exportHeight());
                    } catch (IOException | RuntimeException e) {
                        Dialogs.showError(this, new ErrorReport("Cannot save the chart to " + file,
                                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), () -> { });
                        return;
                    }
                    exported(file);
                });
    }

    /** Writes the chart to {@code file} in {@code format}, {@code width} × {@code height} pixels. */
    public final void write(Path file, Format format, int width, int height) throws IOException {
        if (format == Format.SVG) {
            writeSvg(file, width, height);
        } else {
            writePng(file, width, height);
        }
    }

    /**
     * Writes the chart as a PNG of {@code width} × {@code height} pixels, creating the folder
     * if needed; an old file is replaced whole or not at all.
     */
    public final void writePng(Path file, int width, int height) throws IOException {
        BufferedImage image = image(width, height);
        SaveFile.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * Writes the chart as an SVG drawing of {@code width} × {@code height}, creating the folder
     * if needed; an old file is replaced whole or not at all. Drawn with JFreeSVG directly:
     * JFreeChart's {@code ExportUtils.writeAsSVG} fails with JFreeSVG 5.
     */
    public final void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(width, height));
        byte[] svg = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        SaveFile.write(file, out -> out.write(svg));
    }

    /** The chart drawn into a picture of {@code width} × {@code height} pixels. */
    public final BufferedImage image(int width, int height) {
        // On white: the theme's background is a hair short of opaque (see ChartTheme).
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        try {
            g2.setPaint(ChartTheme.BACKGROUND);
            g2.fillRect(0, 0, width, height);
            chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** Puts the chart, at its size on screen, on the clipboard as an image. */
    public final void copyToClipboard() {
        BufferedImage image = image(exportWidth(), exportHeight());
        int w = image.getWidth();
        int h = image.getHeight();
        WritableImage fx = new WritableImage(w, h);
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        fx.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        ClipboardContent content = new ClipboardContent();
        content.putImage(fx);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private void exported(Path file) {
        if (onExported != null) {
            onExported.accept(file);
        } else {
            exportedLabel.setText("Saved to " + file);
            exportedLabel.setVisible(true);
            hideExported.playFromStart();
        }
    }

    /** The text the box shows after an export when nobody listens; empty while hidden (for tests). */
    public final String exportedText() {
        return exportedLabel.isVisible() ? exportedLabel.getText() : "";
    }

    private int exportWidth() {
        return (int) Math.round(viewer.getWidth() > 0 ? viewer.getWidth() : PREF_WIDTH);
    }

    private int exportHeight() {
        return (int) Math.round(viewer.getHeight() > 0 ? viewer.getHeight() : PREF_HEIGHT);
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(e -> copyToClipboard());
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> export(Format.PNG));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setOnAction(e -> export(Format.SVG));
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setOnAction(e -> resetZoom());
        ContextMenu menu = new ContextMenu(copy, png, svg, new SeparatorMenuItem(), reset);
        menu.setAutoHide(true);
        return menu;
    }
}
