package dev.rungs.app.newstudy;

import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The choice of a sampler or of a scheduler: which method, its title, and its settings with
 * their defaults, from the {@code Methods} registry.
 *
 * <p>Choosing another method replaces every setting row with fresh ones holding its defaults,
 * so nothing left over from the last method's settings goes into the spec.
 */
public final class MethodChoice {
    private final String label;
    private final List<? extends Method<?>> methods;
    private final ObservableList<String> types;
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<SettingRow> settings = FXCollections.observableArrayList();

    /**
     * @param label how the problem list names this part of the form: {@code Sampler} or {@code Scheduler}
     * @param methods the methods that can be chosen, in the order the list shows them
     */
    MethodChoice(String label, List<? extends Method<?>> methods) {
        this.label = Objects.requireNonNull(label, "label");
        this.methods = List.copyOf(methods);
        List<String> names = new ArrayList<>();
        methods.forEach(m -> names.add(m.type()));
        this.types = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(names));
        type.addListener((o, old, now) -> showDefaults());
    }

    /** The methods that can be chosen, by spec name, in the registry's order. */
    public ObservableList<String> types() {
        return types;
    }

    /** The chosen method by spec name; choosing another shows its settings with their defaults. */
    public ObjectProperty<String> typeProperty() {
        return type;
    }

    /** A short description of the chosen method; empty for a type the registry does not know. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The chosen method's settings, in the registry's order. */
    public ObservableList<SettingRow> settings() {
        return settings;
    }

    /** The title of the method {@code type}, for a list of choices; empty when there is none. */
    public String titleOf(String type) {
        Method<?> m = method(type);
        return m == null ? "" : m.title();
    }

    /** The setting row with this key, or null when the chosen method has none. */
    public SettingRow setting(String key) {
        for (SettingRow row : settings) {
            if (row.key().equals(key)) {
                return row;
            }
        }
        return null;
    }

    /** The chosen method, or null when none (or an unknown one) is chosen. */
    Method<?> method() {
        return method(type.get());
    }

    /** How the problem list names the chosen method: {@code Sampler tpe}. */
    String label() {
        return label + " " + type.get();
    }

    /** Chooses the method a spec names and shows its settings as the spec has them. */
    void fill(ComponentSpec spec) {
        type.set(spec.type());
        // Rebuilt even when the type did not change, so settings left over from editing go.
        showDefaults();
        for (SettingRow row : settings) {
            Object v = spec.settings().get(row.key());
            if (v != null) {
                row.setValue(v);
            }
        }
    }

    private void showDefaults() {
        Method<?> m = method();
        title.set(m == null ? "" : m.title());
        List<SettingRow> fresh = new ArrayList<>();
        if (m != null) {
            m.settings().forEach(s -> fresh.add(new SettingRow(s)));
        }
        settings.setAll(fresh);
    }

    private Method<?> method(String name) {
        for (Method<?> m : methods) {
            if (m.type().equals(name)) {
                return m;
            }
        }
        return null;
    }
}
