package dev.rungs.app.charts;

import dev.rungs.app.FilePicker;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

/**
 * Two densities over one parameter, as a density-based sampler (TPE, BOHB) models it: l(x)
 * from the good trials (blue) and g(x) from the bad ones (orange), the observations as a rug of
 * ticks under the curves, one row each, and a dashed vermillion line at the picked value. A
 * categorical parameter, or an integer one with few values, is drawn as a pair of bars per
 * value. See {@link DensityData} for what the numbers mean and {@link DensityPlots} for how
 * they are drawn.
 *
 * <p>A {@link ChartBox}: zoom, pan, tooltips and export come from there. New densities of the
 * same parameter keep the x axis's zoom, so a person can look closely at one region while
 * stepping through trials.
 */
public final class DensityChart extends ChartBox {
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private DensityData data;

    /** An empty density chart; {@code files} asks where exports go. */
    public DensityChart(FilePicker files) {
        super(DensityPlots.emptyChart(), files);
        setFileName("densities");
        title.addListener((o, old, text) -> update(() -> chart().setTitle(text == null ? "" : text)));
    }

    /** Shows these densities; null shows the placeholder. */
    public void setData(DensityData densities) {
        boolean sameLayout = data != null && densities != null
                && DensityPlots.layoutKey(data).equals(DensityPlots.layoutKey(densities));
        data = densities;
        update(() -> DensityPlots.show(chart(), densities, sameLayout));
    }

    /** The densities shown, or null. */
    public DensityData data() {
        return data;
    }

    /** The chart's title, drawn above it and exported with it. */
    public StringProperty titleProperty() {
        return title;
    }

    /** Sets {@link #titleProperty()}. */
    public void setTitle(String text) {
        title.set(text);
    }

    /** The plot of the densities (the upper one; the rug is below it), for tests. */
    XYPlot densityPlot() {
        return (XYPlot) ((CombinedDomainXYPlot) chart().getPlot()).getSubplots().get(0);
    }

    /** The plot of the rug, or null while there are no densities, for tests. */
    XYPlot rugPlot() {
        var subplots = ((CombinedDomainXYPlot) chart().getPlot()).getSubplots();
        return subplots.size() > 1 ? (XYPlot) subplots.get(1) : null;
    }
}
