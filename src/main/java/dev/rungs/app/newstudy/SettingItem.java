package dev.rungs.app.newstudy;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One method setting as a ControlsFX {@link PropertySheet} shows it: named by its spec key,
 * described by the registry's help and its default, and holding the typed value of its
 * {@link SettingRow} ({@code Long}, {@code Double} or {@code Boolean}).
 */
final class SettingItem implements PropertySheet.Item {
    /** The category of the settings that set the resources of a Hyperband-family scheduler's rungs. */
    static final String RESOURCES = "Resources";
    private static final Set<String> RUNG_KEYS = Set.of("min_resource", "max_resource", "reduction_factor",
            "min_early_stopping_rate");

    private final SettingRow row;
    private final String category;

    /** @param category where the sheet groups the setting when it groups by category */
    SettingItem(SettingRow row, String category) {
        this.row = Objects.requireNonNull(row, "row");
        this.category = RUNG_KEYS.contains(row.key()) ? RESOURCES : category;
    }

    SettingRow row() {
        return row;
    }

    @Override
    public Class<?> getType() {
        return row.type();
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return row.key();
    }

    /** What the setting does and its default, such as {@code random trials before the model is used (default 10)}. */
    @Override
    public String getDescription() {
        return row.help() + " (default " + row.defaultText() + ")";
    }

    /** The typed value, or null while the text typed is not of the setting's kind. */
    @Override
    public Object getValue() {
        return row.value();
    }

    @Override
    public void setValue(Object value) {
        if (value != null && !value.equals(row.value())) {
            row.setValue(value);
        }
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(row.valueProperty());
    }
}
