package dev.rungs.app.newstudy;

import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The search space as the form edits it: one {@link ParamRow} per parameter, in order (a
 * conditional parameter's parent comes before it), with adding, removing, moving and going back
 * to the objective's preset.
 */
public final class SpaceRows {
    private final ObservableList<ParamRow> rows = FXCollections.observableArrayList();
    private final Supplier<SearchSpace> preset;

    /** @param preset the objective's own space, or null when it has none to restore */
    SpaceRows(Supplier<SearchSpace> preset) {
        this.preset = Objects.requireNonNull(preset, "preset");
    }

    /** The parameters, in order. */
    public ObservableList<ParamRow> rows() {
        return rows;
    }

    /** Adds a float parameter on [0, 1] with a name not yet used, at the end; returns it. */
    public ParamRow add() {
        Set<String> used = new HashSet<>();
        rows.forEach(r -> used.add(r.name().trim()));
        int n = rows.size() + 1;
        while (used.contains("p" + n)) {
            n++;
        }
        ParamRow row = new ParamRow("p" + n, "0", "1");
        rows.add(row);
        return row;
    }

    /** Removes a parameter. */
    public void remove(ParamRow row) {
        rows.remove(row);
    }

    /**
     * Moves a parameter up ({@code by} negative) or down the list, stopping at either end; order
     * matters because a parent must come before its conditional parameters.
     */
    public void move(ParamRow row, int by) {
        int from = rows.indexOf(row);
        if (from < 0) {
            return;
        }
        int to = Math.max(0, Math.min(rows.size() - 1, from + by));
        if (to != from) {
            List<ParamRow> reordered = new ArrayList<>(rows);
            reordered.remove(from);
            reordered.add(to, row);
            // One change for the whole move, so the form is checked once, in the new order.
            rows.setAll(reordered);
        }
    }

    /** Puts back the objective's own search space: the benchmark's, or the model family's default. */
    public void resetToPreset() {
        SearchSpace space = preset.get();
        if (space != null) {
            show(space);
        }
    }

    /** Replaces the rows with those of {@code space}. */
    void show(SearchSpace space) {
        List<ParamRow> fresh = new ArrayList<>();
        for (Param p : space.params()) {
            fresh.add(ParamRow.of(p));
        }
        rows.setAll(fresh);
    }
}
