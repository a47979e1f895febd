package dev.rungs.app.newstudy;

import dev.rungs.spec.Setting;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One setting of the chosen sampler or scheduler, as the property sheet edits it.
 *
 * <p>It is held twice, kept in step: the text as typed (so a half-typed number can be shown and
 * explained rather than refused) and the typed value it stands for ({@code Long}, {@code Double}
 * or {@code Boolean}, as a spec holds it), which is null while the text is not of the setting's
 * kind. The {@link NewStudyViewModel} checks the row after every change and sets its error.
 */
public final class SettingRow {
    private final Setting setting;
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final ReadOnlyObjectWrapper<Object> value = new ReadOnlyObjectWrapper<>(this, "value");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /** A row for {@code setting}, holding its default. */
    SettingRow(Setting setting) {
        this.setting = Objects.requireNonNull(setting, "setting");
        text.addListener((o, old, now) -> value.set(valueOf(now)));
        text.set(defaultText());
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

    /** The Java type of the value: {@code Long}, {@code Double} or {@code Boolean}. */
    public Class<?> type() {
        return switch (setting.kind()) {
            case WHOLE_NUMBER -> Long.class;
            case NUMBER -> Double.class;
            case BOOLEAN -> Boolean.class;
        };
    }

    /** The value used when a spec leaves the setting out. */
    public Object defaultValue() {
        return setting.defaultValue();
    }

    /** The default as the sheet shows it. */
    public String defaultText() {
        return ValueText.formatValue(setting.defaultValue());
    }

    /** The value as typed ({@code true}/{@code false} for a yes-or-no setting). */
    public StringProperty textProperty() {
        return text;
    }

    /** The typed value the text stands for, or null while the text is not of the setting's kind. */
    public ReadOnlyObjectProperty<Object> valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Convenience for {@code valueProperty().get()}. */
    public Object value() {
        return value.get();
    }

    /** Sets the value; the text becomes what the form shows for it. */
    public void setValue(Object v) {
        Objects.requireNonNull(v, "v");
        text.set(ValueText.formatValue(v));
    }

    /**
     * The typed value, or an exception whose message says why the text is not one, such as
     * {@code must be a whole number, got 'ten'}.
     */
    Object parsed() {
        Object v = value.get();
        if (v != null) {
            return v;
        }
        String t = text.get() == null ? "" : text.get().trim();
        throw new IllegalArgumentException(switch (setting.kind()) {
            case WHOLE_NUMBER -> "must be a whole number, got '" + t + "'";
            case NUMBER -> "must be a number, got '" + t + "'";
            case BOOLEAN -> "must be true or false, got '" + t + "'";
        });
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

    private Object valueOf(String typed) {
        String t = typed == null ? "" : typed.trim();
        return switch (setting.kind()) {
            case WHOLE_NUMBER -> ValueText.parseWhole(t);
            case NUMBER -> ValueText.parseNumber(t);
            case BOOLEAN -> t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : null;
        };
    }
}
