package dev.rungs.app.newstudy;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * One parameter of the search space as the form edits it: every field is text (or a choice)
 * exactly as typed, so a half-typed number can be shown and explained instead of refused.
 *
 * <p>Which fields matter depends on the type: low, high, log and step for {@code float} and
 * {@code int}; choices for {@code categorical}. The others keep their text, so switching the
 * type back and forth loses nothing. The {@link NewStudyViewModel} checks the row after every
 * change and sets its {@linkplain #errorProperty error}.
 */
public final class ParamRow {

    /** The cells of a row, to say which one is at fault. */
    public enum Field {
        NAME, TYPE, LOW, HIGH, LOG, STEP, CHOICES, CONDITION
    }

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<ParamType> type = new SimpleObjectProperty<>(this, "type", ParamType.FLOAT);
    private final StringProperty low = new SimpleStringProperty(this, "low", "");
    private final StringProperty high = new SimpleStringProperty(this, "high", "");
    private final BooleanProperty log = new SimpleBooleanProperty(this, "log");
    private final StringProperty step = new SimpleStringProperty(this, "step", "");
    private final StringProperty choices = new SimpleStringProperty(this, "choices", "");
    private final StringProperty conditionParent = new SimpleStringProperty(this, "conditionParent", "");
    private final StringProperty conditionValues = new SimpleStringProperty(this, "conditionValues", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyObjectWrapper<Field> errorField = new ReadOnlyObjectWrapper<>(this, "errorField");

    /** A float parameter named {@code name} on [low, high]. */
    ParamRow(String name, String low, String high) {
        this.name.set(name);
        this.low.set(low);
        this.high.set(high);
    }

    /** The row showing an existing parameter. */
    static ParamRow of(Param p) {
        ParamRow row = new ParamRow(p.name(), "", "");
        if (p instanceof FloatParam f) {
            row.type.set(ParamType.FLOAT);
            row.low.set(ValueText.formatNumber(f.low()));
            row.high.set(ValueText.formatNumber(f.high()));
            row.log.set(f.log());
            row.step.set(f.step() > 0 ? ValueText.formatNumber(f.step()) : "");
        } else if (p instanceof IntParam i) {
            row.type.set(ParamType.INT);
            row.low.set(Long.toString(i.low()));
            row.high.set(Long.toString(i.high()));
            row.log.set(i.log());
            // Step 1 is every integer, which is what "no step" means for an int.
            row.step.set(i.step() != 1 ? Long.toString(i.step()) : "");
        } else if (p instanceof CategoricalParam c) {
            row.type.set(ParamType.CATEGORICAL);
            row.choices.set(ValueText.formatList(c.choices()));
        }
        p.when().ifPresent(c -> {
            row.conditionParent.set(c.parent());
            row.conditionValues.set(ValueText.formatList(c.values()));
        });
        return row;
    }

    /** The parameter's name, unique in the space. */
    public StringProperty nameProperty() {
        return name;
    }

    /** float, int or categorical. */
    public ObjectProperty<ParamType> typeProperty() {
        return type;
    }

    /** The lower bound as typed (float and int). */
    public StringProperty lowProperty() {
        return low;
    }

    /** The upper bound as typed (float and int). */
    public StringProperty highProperty() {
        return high;
    }

    /** Whether values are drawn on a log scale (float and int). */
    public BooleanProperty logProperty() {
        return log;
    }

    /** The spacing of allowed values as typed; blank for none (float and int). */
    public StringProperty stepProperty() {
        return step;
    }

    /** The choices, comma-separated (categorical); see {@link ValueText} for quoting. */
    public StringProperty choicesProperty() {
        return choices;
    }

    /** The parameter this one depends on; blank when it is always active. */
    public StringProperty conditionParentProperty() {
        return conditionParent;
    }

    /** The parent's values, comma-separated, for which this parameter is active. */
    public StringProperty conditionValuesProperty() {
        return conditionValues;
    }

    /** What is wrong with the row, or null when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The cell at fault, or null when the row is fine (or the fault is not one cell's). */
    public ReadOnlyObjectProperty<Field> errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    /** Convenience for {@code nameProperty().get()}. */
    public String name() {
        return name.get();
    }

    /** Convenience for {@code errorProperty().get()}. */
    public String error() {
        return error.get();
    }

    /** The properties the person edits; the view model re-checks the form when any changes. */
    ObservableValue<?>[] editable() {
        return new ObservableValue<?>[] {name, type, low, high, log, step, choices, conditionParent, conditionValues};
    }

    void setError(Field field, String message) {
        errorField.set(field);
        error.set(message);
    }

    void clearError() {
        setError(null, null);
    }
}
