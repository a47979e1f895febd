package dev.rungs.app.newstudy;

import dev.rungs.spec.Setting;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting of the chosen sampler or scheduler, as the property sheet edits it: the value is
 * text as typed ({@code true}/{@code false} for a yes-or-no setting), checked by the
 * {@link NewStudyViewModel} after every change.
 */
public final class SettingRow {
    private final Setting setting;
    private final StringProperty value = new SimpleStringProperty(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** A row for {@code setting}, holding its default. */
    SettingRow(Setting setting) {
        this.setting = Objects.requireNonNull(setting, "setting");
        value.set(defaultText());
    }

    /** The key a spec uses, such as {@code n_startup_trials}. */
    public String key() {
        return setting.key();
    }

    /** One line saying what the setting does. */
    public String help() {
        return setting.help();
    }

    /** What values the setting takes. */
    public Setting.Kind kind() {
        return setting.kind();
    }

    /** The value used when a spec leaves the setting out. */
    public Object defaultValue() {
        return setting.defaultValue();
    }

    /** The default as the sheet would show it. */
    public String defaultText() {
        return ValueText.formatValue(setting.defaultValue());
    }

    /** The value as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    /** What is wrong with the value, or null when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Convenience for {@code errorProperty().get()}. */
    public String error() {
        return error.get();
    }

    void setError(String message) {
        error.set(message);
    }
}
