package dev.rungs.app.charts;

import dev.rungs.app.Dialogs;
import dev.rungs.app.FilePicker;
import dev.rungs.app.SaveFile;
import dev.rungs.app.studies.ErrorReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;

/**
 * The frame every Rungs chart shares: a {@link Canvas} that fills the region and is redrawn when
 * it resizes or its data changes, a title, axes with nice ticks and labels, a grid, a legend in
 * the top-right corner above the plot area, a placeholder message while there is no data, a
 * hover label, and PNG export.
 *
 * <p>Charts draw straight onto the canvas instead of adding a node per point, so that tens of
 * thousands of points stay cheap to lay out and to redraw. A subclass supplies its scales, its
 * data drawing, and optionally a legend, a hover text and a click action; margins are computed
 * here from the widths of the tick labels, so labels are never clipped.
 *
 * <p>All methods belong to the JavaFX application thread.
 */
public abstract class ChartPane extends Region {
    private static final double PREF_WIDTH = 560;
    private static final double PREF_HEIGHT = 360;
    /** Least room between two neighbouring x tick labels. */
    private static final double X_LABEL_SPACING = 16;
    /** Rough height per y tick: closer ticks make a busy axis. */
    private static final double Y_TICK_SPACING = 40;
    /** Rough width per x tick before the labels are measured. */
    private static final double X_TICK_SPACING = 70;

    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final Circle hoverRing = new Circle(CanvasTheme.DOT_SIZE);
    /** Measures text; one reused node rather than one per label. */
    private final Text measurer = new Text();

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", "No data");

    /** Whether a redraw has been asked for and not yet done. */
    private boolean redrawPending;
    /** The plot area of the last drawing, or null when it showed no data. */
    private PlotArea plotArea;

    /** A chart with no data; it shows the placeholder until a subclass gets some. */
    protected ChartPane() {
        getStyleClass().add("chart-pane");
        getChildren().addAll(canvas, hoverRing, hoverLabel);
        // The region's own layout bounds are its size; clipping keeps the hover label (placed
        // near the mouse) from spilling over neighbouring controls.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);

        hoverRing.setFill(Color.TRANSPARENT);
        hoverRing.setStroke(CanvasTheme.TEXT);
        hoverRing.setStrokeWidth(1.5);
        hoverLabel.setFont(CanvasTheme.TICK_FONT);
        hoverLabel.setTextFill(CanvasTheme.TEXT);
        hoverLabel.setPadding(new Insets(3, 6, 3, 6));
        hoverLabel.setBackground(new Background(new BackgroundFill(CanvasTheme.LABEL_BACKGROUND,
                new CornerRadii(3), Insets.EMPTY)));
        hoverLabel.setBorder(new Border(new BorderStroke(CanvasTheme.LABEL_BORDER, BorderStrokeStyle.SOLID,
                new CornerRadii(3), BorderWidths.DEFAULT)));
        for (Node n : List.of(hoverRing, hoverLabel)) {
            n.setManaged(false);
            n.setVisible(false);
            n.setMouseTransparent(true);
        }
        hoverLabel.setId("chartHoverLabel");

        title.addListener(o -> requestRedraw());
        xLabel.addListener(o -> requestRedraw());
        yLabel.addListener(o -> requestRedraw());
        placeholder.addListener(o -> requestRedraw());
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && plotArea != null) {
                clicked(plotArea, e.getX(), e.getY());
            }
        });
    }

    // ------------------------------------------------------------------ properties

    /** The title above the plot; empty for none. */
    public StringProperty titleProperty() {
        return title;
    }

    /** Sets the title. */
    public void setTitle(String text) {
        title.set(text);
    }

    /** The label under the x axis; empty for none. */
    public StringProperty xLabelProperty() {
        return xLabel;
    }

    /** The label left of the y axis, read bottom to top; empty for none. */
    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /** The message shown in place of the plot while there is no data. */
    public StringProperty placeholderProperty() {
        return placeholder;
    }

    /** The text under the mouse as last shown, or null when the hover label is hidden; for tests. */
    public String hoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : null;
    }

    // ------------------------------------------------------------------ redrawing

    /**
     * Asks for a redraw at the next turn of the UI thread. Calls in between are merged, so a
     * chart fed many changes at once draws once.
     */
    public final void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(() -> {
                if (redrawPending) {
                    drawNow();
                }
            });
        }
    }

    /** Draws at once, and cancels a pending redraw; for export and tests. */
    final void drawNow() {
        redrawPending = false;
        draw();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            hideHover();
            requestRedraw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    // ------------------------------------------------------------------ what subclasses supply

    /** Whether there is anything to plot; if not, the placeholder is shown. */
    protected abstract boolean hasData();

    /** The horizontal scale; called only when {@link #hasData} is true. */
    protected abstract Scale xScale();

    /** The vertical scale; called only when {@link #hasData} is true. */
    protected abstract Scale yScale();

    /**
     * Draws the data into {@code area}. Drawing is clipped to the area; the background, grid,
     * axes and legend are already taken care of.
     */
    protected abstract void drawPlot(GraphicsContext gc, PlotArea area);

    /** The x ticks for at most {@code maxCount} labels; override for whole numbers or category names. */
    protected List<Scale.Tick> xTicks(Scale scale, int maxCount) {
        return scale.ticks(maxCount);
    }

    /** The y ticks for at most {@code maxCount} labels. */
    protected List<Scale.Tick> yTicks(Scale scale, int maxCount) {
        return scale.ticks(maxCount);
    }

    /** Pixels at the bottom of the plot area to keep free of data (see {@link PlotArea#bottomInset}). */
    protected double bottomInset() {
        return 0;
    }

    /** The legend's entries, top to bottom; none by default. */
    protected List<LegendEntry> legend() {
        return List.of();
    }

    /** The placeholder message; the {@link #placeholderProperty} unless a subclass knows better. */
    protected String placeholderText() {
        return placeholder.get();
    }

    /** What is under the mouse at canvas pixel (x, y), or null for nothing. */
    protected Hover hoverAt(PlotArea area, double x, double y) {
        return null;
    }

    /** Called on a primary-button click at canvas pixel (x, y) while data is shown. */
    protected void clicked(PlotArea area, double x, double y) {
    }

    /**
     * A point under the mouse: where to put the highlight ring, in canvas pixels, and the text
     * of the label shown next to it.
     *
     * @param x the highlighted point's column
     * @param y the highlighted point's row
     * @param text what the label says
     */
    public record Hover(double x, double y, String text) {
    }

    // ------------------------------------------------------------------ drawing the frame

    private void draw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        // Clearing the whole canvas also drops the drawing commands buffered since the last frame.
        gc.clearRect(0, 0, w, h);
        gc.setFill(CanvasTheme.BACKGROUND);
        gc.fillRect(0, 0, w, h);
        plotArea = null;
        if (w < 40 || h < 40) {
            return;
        }
        double top = CanvasTheme.PADDING;
        if (!title.get().isEmpty()) {
            gc.setFont(CanvasTheme.TITLE_FONT);
            gc.setFill(CanvasTheme.TEXT);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(fit(title.get(), CanvasTheme.TITLE_FONT, w - 2 * CanvasTheme.PADDING), w / 2, top);
            top += lineHeight(CanvasTheme.TITLE_FONT) + CanvasTheme.GAP;
        }
        if (!hasData()) {
            gc.setFont(CanvasTheme.PLACEHOLDER_FONT);
            gc.setFill(CanvasTheme.PLACEHOLDER);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(fit(placeholderText(), CanvasTheme.PLACEHOLDER_FONT, w - 2 * CanvasTheme.PADDING),
                    w / 2, (top + h) / 2);
            return;
        }
        top += drawLegend(gc, legend(), top, CanvasTheme.PADDING, w - CanvasTheme.PADDING);
        top += CanvasTheme.GAP;
        Scale xs = xScale();
        Scale ys = yScale();

        // Vertical layout first: the bottom margin holds x tick labels and the x label.
        double tickLine = lineHeight(CanvasTheme.TICK_FONT);
        double xLabelSpace = xLabel.get().isEmpty() ? 0 : lineHeight(CanvasTheme.LABEL_FONT) + CanvasTheme.GAP;
        double bottom = h - CanvasTheme.PADDING - xLabelSpace - tickLine - CanvasTheme.GAP - CanvasTheme.TICK_LENGTH;
        double dataHeight = bottom - top - bottomInset();
        if (dataHeight < 20) {
            return;
        }
        List<Scale.Tick> yTicks = yTicks(ys, Math.max(2, (int) (dataHeight / Y_TICK_SPACING)));

        // Then the left margin, as wide as the widest y tick label.
        double yTickWidth = 0;
        for (Scale.Tick t : yTicks) {
            yTickWidth = Math.max(yTickWidth, textWidth(t.label(), CanvasTheme.TICK_FONT));
        }
        double yLabelSpace = yLabel.get().isEmpty() ? 0 : lineHeight(CanvasTheme.LABEL_FONT) + CanvasTheme.GAP;
        double left = CanvasTheme.PADDING + yLabelSpace + yTickWidth + CanvasTheme.GAP + CanvasTheme.TICK_LENGTH;
        // Room on the right for half of a tick label centred on the right edge.
        double right = w - CanvasTheme.PADDING - textWidth("00000", CanvasTheme.TICK_FONT) / 2;
        if (right - left < 40) {
            return;
        }
        List<Scale.Tick> xTicks = fitXTicks(xs, right - left);

        PlotArea area = new PlotArea(left, top, right - left, bottom - top, bottomInset(), xs, ys);
        drawGridAndAxes(gc, area, xTicks, yTicks);

        gc.save();
        gc.beginPath();
        gc.rect(area.left(), area.top(), area.width(), area.height());
        gc.clip();
        drawPlot(gc, area);
        gc.restore();
        plotArea = area;
    }

    /** As many x ticks as fit side by side without their labels touching. */
    private List<Scale.Tick> fitXTicks(Scale xs, double width) {
        int max = Math.max(2, (int) (width / X_TICK_SPACING));
        while (true) {
            List<Scale.Tick> ticks = xTicks(xs, max);
            double widest = 0;
            for (Scale.Tick t : ticks) {
                widest = Math.max(widest, textWidth(t.label(), CanvasTheme.TICK_FONT));
            }
            if (max <= 2 || ticks.size() * (widest + X_LABEL_SPACING) <= width) {
                return ticks;
            }
            max = Math.min(max, ticks.size()) - 1;
        }
    }

    private void drawGridAndAxes(GraphicsContext gc, PlotArea area, List<Scale.Tick> xTicks,
            List<Scale.Tick> yTicks) {
        gc.setLineDashes();
        gc.setLineWidth(1);
        gc.setStroke(CanvasTheme.GRID);
        for (Scale.Tick t : xTicks) {
            double x = crisp(area.toX(t.value()));
            gc.strokeLine(x, area.top(), x, area.bottom());
        }
        for (Scale.Tick t : yTicks) {
            double y = crisp(area.toY(t.value()));
            gc.strokeLine(area.left(), y, area.right(), y);
        }

        gc.setStroke(CanvasTheme.AXIS);
        gc.setLineWidth(CanvasTheme.AXIS_WIDTH);
        double x0 = crisp(area.left());
        double y0 = crisp(area.bottom());
        gc.strokeLine(x0, area.top(), x0, y0);
        gc.strokeLine(x0, y0, area.right(), y0);

        gc.setFont(CanvasTheme.TICK_FONT);
        gc.setFill(CanvasTheme.TEXT);
        // Category names may be longer than their slot; they are shortened rather than overlapped.
        double slot = xTicks.isEmpty() ? area.width() : area.width() / xTicks.size() - X_LABEL_SPACING / 2;
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.TOP);
        for (Scale.Tick t : xTicks) {
            double x = crisp(area.toX(t.value()));
            gc.strokeLine(x, y0, x, y0 + CanvasTheme.TICK_LENGTH);
            gc.fillText(fit(t.label(), CanvasTheme.TICK_FONT, Math.max(slot, 30)), x,
                    y0 + CanvasTheme.TICK_LENGTH + CanvasTheme.GAP / 2);
        }
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setTextBaseline(VPos.CENTER);
        for (Scale.Tick t : yTicks) {
            double y = crisp(area.toY(t.value()));
            gc.strokeLine(x0 - CanvasTheme.TICK_LENGTH, y, x0, y);
            gc.fillText(t.label(), x0 - CanvasTheme.TICK_LENGTH - CanvasTheme.GAP, y);
        }

        gc.setFont(CanvasTheme.LABEL_FONT);
        if (!xLabel.get().isEmpty()) {
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.BOTTOM);
            gc.fillText(fit(xLabel.get(), CanvasTheme.LABEL_FONT, area.width()), area.left() + area.width() / 2,
                    canvas.getHeight() - CanvasTheme.PADDING);
        }
        if (!yLabel.get().isEmpty()) {
            gc.save();
            gc.translate(CanvasTheme.PADDING, area.top() + area.height() / 2);
            gc.rotate(-90);
            gc.setTextAlign(TextAlignment.CENTER);
            gc.setTextBaseline(VPos.TOP);
            gc.fillText(fit(yLabel.get(), CanvasTheme.LABEL_FONT, area.height()), 0, 0);
            gc.restore();
        }
    }

    /** Width of the sample mark in front of a legend entry. */
    private static final double LEGEND_SAMPLE = 22;
    /** Space between two legend entries on one line. */
    private static final double LEGEND_SPACING = 18;

    /**
     * Lays out the legend as lines of entries that fit in {@code width}; each line is the list
     * of entry indices on it.
     */
    private List<List<Integer>> legendLines(List<LegendEntry> entries, double width) {
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < entries.size(); i++) {
            double w = legendEntryWidth(entries.get(i));
            if (!line.isEmpty() && used + LEGEND_SPACING + w > width) {
                lines.add(line);
                line = new ArrayList<>();
                used = 0;
            }
            used += (line.isEmpty() ? 0 : LEGEND_SPACING) + w;
            line.add(i);
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private double legendEntryWidth(LegendEntry e) {
        return LEGEND_SAMPLE + CanvasTheme.GAP + textWidth(e.label(), CanvasTheme.TICK_FONT);
    }

    /**
     * Draws the legend in the top-right corner, above the plot area rather than on it, so that
     * it never hides data; returns the height it took.
     */
    private double drawLegend(GraphicsContext gc, List<LegendEntry> entries, double top, double left, double right) {
        if (entries.isEmpty()) {
            return 0;
        }
        double line = lineHeight(CanvasTheme.TICK_FONT) + 2;
        List<List<Integer>> lines = legendLines(entries, right - left);
        gc.setFont(CanvasTheme.TICK_FONT);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < lines.size(); l++) {
            double lineWidth = -LEGEND_SPACING;
            for (int i : lines.get(l)) {
                lineWidth += LEGEND_SPACING + legendEntryWidth(entries.get(i));
            }
            double x = right - lineWidth;
            double cy = top + l * line + line / 2;
            for (int i : lines.get(l)) {
                LegendEntry e = entries.get(i);
                drawLegendMark(gc, e, x, cy, LEGEND_SAMPLE);
                gc.setFill(CanvasTheme.TEXT);
                gc.fillText(e.label(), x + LEGEND_SAMPLE + CanvasTheme.GAP, cy);
                x += legendEntryWidth(e) + LEGEND_SPACING;
            }
        }
        return lines.size() * line;
    }

    private static void drawLegendMark(GraphicsContext gc, LegendEntry e, double x, double cy, double width) {
        double mid = x + width / 2;
        double r = CanvasTheme.DOT_SIZE / 2;
        gc.setStroke(e.color());
        gc.setFill(e.color());
        gc.setLineWidth(CanvasTheme.LINE_WIDTH);
        gc.setLineDashes();
        switch (e.mark()) {
            case LINE -> gc.strokeLine(x, cy, x + width, cy);
            case DASHED_LINE -> {
                gc.setLineDashes(5, 3);
                gc.strokeLine(x, cy, x + width, cy);
                gc.setLineDashes();
            }
            case DOT -> gc.fillOval(mid - r, cy - r, 2 * r, 2 * r);
            case RING -> {
                gc.setLineWidth(1.5);
                gc.strokeOval(mid - r, cy - r, 2 * r, 2 * r);
            }
            case CROSS -> {
                gc.setLineWidth(1.5);
                gc.strokeLine(mid - r, cy - r, mid + r, cy + r);
                gc.strokeLine(mid - r, cy + r, mid + r, cy - r);
            }
            case BAR -> gc.fillRect(mid - 6, cy - 6, 12, 12);
        }
    }

    // ------------------------------------------------------------------ hover

    private void showHover(double x, double y) {
        Hover hover = plotArea == null || !plotArea.contains(x, y) ? null : hoverAt(plotArea, x, y);
        if (hover == null) {
            hideHover();
            return;
        }
        hoverRing.setCenterX(hover.x());
        hoverRing.setCenterY(hover.y());
        hoverRing.setVisible(true);
        hoverLabel.setText(hover.text());
        hoverLabel.autosize();
        // Up and to the right of the point, kept inside the chart.
        double lw = hoverLabel.getWidth();
        double lh = hoverLabel.getHeight();
        double lx = hover.x() + 10;
        double ly = hover.y() - lh - 8;
        if (lx + lw > getWidth() - 2) {
            lx = hover.x() - lw - 10;
        }
        if (ly < 2) {
            ly = hover.y() + 10;
        }
        hoverLabel.relocate(Math.max(2, lx), ly);
        hoverLabel.setVisible(true);
    }

    private void hideHover() {
        hoverRing.setVisible(false);
        hoverLabel.setVisible(false);
    }

    /** Shows the hover label for the point nearest to (x, y), as a mouse move would; for tests. */
    void hoverAtForTest(double x, double y) {
        showHover(x, y);
    }

    /** The plot area of the last drawing, or null while the placeholder shows. */
    PlotArea plotArea() {
        return plotArea;
    }

    // ------------------------------------------------------------------ export

    /**
     * Writes the chart as it looks now, at its current size, to a PNG file, creating the file's
     * folder if needed; an old file is replaced whole or not at all ({@link SaveFile#write}).
     * The hover label is left out.
     *
     * @throws IllegalStateException when not called on the JavaFX application thread
     * @throws IOException when the file cannot be written
     */
    public void writePng(Path file) throws IOException {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("writePng must be called on the JavaFX application thread");
        }
        if (getWidth() <= 0 || getHeight() <= 0) {
            // Never laid out (not in a window yet): export at the preferred size.
            resize(prefWidth(-1), prefHeight(-1));
        }
        layout();
        drawNow();
        // The canvas alone: the hover label and ring are separate nodes on top of it.
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(CanvasTheme.BACKGROUND);
        WritableImage image = canvas.snapshot(params, null);

        BufferedImage pixels = toBufferedImage(image);
        SaveFile.write(file, out -> {
            if (!ImageIO.write(pixels, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    /**
     * Asks where to save the chart (and before replacing a file) and saves it as PNG; a failure
     * is shown in an error dialog.
     *
     * @param files asks for the file
     * @param suggestedName the file name offered
     */
    public void exportPng(FilePicker files, String suggestedName) {
        SaveFile.choose(this, files, "Export chart as PNG", suggestedName, "PNG images", "png").ifPresent(file -> {
            try {
                writePng(file);
            } catch (IOException | RuntimeException e) {
                Dialogs.showError(this, new ErrorReport("Cannot save the chart to " + file,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), () -> { });
            }
        });
    }

    /**
     * Copies a JavaFX image into an AWT one pixel by pixel, so that export needs neither the
     * javafx-swing module nor SwingFXUtils.
     */
    static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    // ------------------------------------------------------------------ text helpers

    /** The width of {@code s} in {@code font}, in pixels. */
    protected final double textWidth(String s, Font font) {
        measurer.setFont(font);
        measurer.setText(s);
        return measurer.getLayoutBounds().getWidth();
    }

    /** The height of one line of {@code font}, in pixels. */
    protected final double lineHeight(Font font) {
        measurer.setFont(font);
        measurer.setText("Mg");
        return Math.ceil(measurer.getLayoutBounds().getHeight());
    }

    /** {@code s}, shortened with an ellipsis until it fits in {@code maxWidth} pixels. */
    protected final String fit(String s, Font font, double maxWidth) {
        if (textWidth(s, font) <= maxWidth) {
            return s;
        }
        for (int n = s.length() - 1; n > 0; n--) {
            String shorter = s.substring(0, n) + "…";
            if (textWidth(shorter, font) <= maxWidth) {
                return shorter;
            }
        }
        return "…";
    }

    /** A pixel position moved to the centre of its pixel, so that one-pixel lines are sharp. */
    protected static double crisp(double v) {
        return Math.floor(v) + 0.5;
    }
}
