package dev.rungs.app.newstudy;

import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.Task;
import dev.rungs.objective.ml.Validation;
import dev.rungs.spec.DatasetOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How the dataset step scores a configuration: k-fold cross-validation with its number of folds,
 * or one holdout split with its test share; and the rules that read them against the data.
 */
public final class ModelValidationFields {
    /** The folds a fresh form starts with. */
    static final String DEFAULT_FOLDS = "5";
    /** The holdout share a fresh form starts with. */
    static final String DEFAULT_TEST_FRACTION = "0.2";

    private final ObservableList<Validation.Kind> kinds = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(Validation.Kind.KFOLD, Validation.Kind.HOLDOUT));
    private final ObjectProperty<Validation.Kind> kind = new SimpleObjectProperty<>(this, "kind",
            Validation.Kind.KFOLD);
    private final StringProperty folds = new SimpleStringProperty(this, "folds", DEFAULT_FOLDS);
    private final StringProperty testFraction = new SimpleStringProperty(this, "testFraction", DEFAULT_TEST_FRACTION);
    /** The seed of the split, which the form has no field for; it comes from a loaded spec. */
    private long seed;

    /** k-fold and holdout. */
    public ObservableList<Validation.Kind> kinds() {
        return kinds;
    }

    /** How a configuration is scored: k-fold cross-validation or one holdout split. */
    public ObjectProperty<Validation.Kind> kindProperty() {
        return kind;
    }

    /** The number of folds of k-fold validation, as typed. */
    public StringProperty foldsProperty() {
        return folds;
    }

    /** The share of rows a holdout split tests on, as typed. */
    public StringProperty testFractionProperty() {
        return testFraction;
    }

    List<ObservableValue<?>> editable() {
        return List.of(kind, folds, testFraction);
    }

    /** Fills the fields from a spec's {@code validation} options; null for the defaults. */
    void fill(DatasetOptions.ValidationOptions v) {
        boolean holdout = v != null && "holdout".equals(v.kind());
        kind.set(holdout ? Validation.Kind.HOLDOUT : Validation.Kind.KFOLD);
        folds.set(v != null && v.folds() != null ? Long.toString(v.folds()) : DEFAULT_FOLDS);
        testFraction.set(v != null && v.testFraction() != null ? ValueText.formatNumber(v.testFraction())
                : DEFAULT_TEST_FRACTION);
        seed = v == null ? 0 : v.seed();
    }

    /**
     * The {@code validation} options the fields describe, each problem put into {@code errors} at
     * its field; {@code data} is the dataset read, or null while there is none.
     */
    Map<String, Object> check(Dataset data, Map<FormField, String> errors) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (kind.get() == Validation.Kind.HOLDOUT) {
            v.put("kind", "holdout");
            String text = trimmed(testFraction);
            Double f = ValueText.parseNumber(text);
            if (f == null) {
                errors.put(FormField.DATASET_TEST_FRACTION, "must be a number between 0 and 1, got '" + text + "'");
            } else if (!(f > 0 && f < 1)) {
                errors.put(FormField.DATASET_TEST_FRACTION, "must be between 0 and 1 (exclusive), such as 0.2");
            }
            v.put("test_fraction", f);
        } else {
            v.put("kind", "kfold");
            String text = trimmed(folds);
            Long k = ValueText.parseWhole(text);
            if (k == null) {
                errors.put(FormField.DATASET_FOLDS, "must be a whole number, got '" + text + "'");
            } else if (k < 2) {
                errors.put(FormField.DATASET_FOLDS, "must be at least 2");
            } else if (k > 100) {
                errors.put(FormField.DATASET_FOLDS, "must be at most 100");
            } else if (data != null) {
                String tooMany = tooManyFolds(data, k);
                if (tooMany != null) {
                    errors.put(FormField.DATASET_FOLDS, tooMany);
                }
            }
            v.put("folds", k);
        }
        v.put("seed", seed);
        return v;
    }

    /** Why {@code k} folds cannot split {@code data}, or null: every class needs a row in every fold. */
    private static String tooManyFolds(Dataset data, long k) {
        if (data.task() == Task.CLASSIFICATION) {
            int[] counts = data.classCounts();
            int smallest = 0;
            for (int c = 1; c < counts.length; c++) {
                smallest = counts[c] < counts[smallest] ? c : smallest;
            }
            if (counts[smallest] < k) {
                return "at most " + counts[smallest] + ": the class '" + data.classes().get(smallest) + "' has only "
                        + counts[smallest] + (counts[smallest] == 1 ? " row" : " rows")
                        + ", and stratified folds need one of each class";
            }
        } else if (data.rows() < k) {
            return "at most " + data.rows() + ", the number of rows";
        }
        return null;
    }

    private static String trimmed(StringProperty p) {
        return p.get() == null ? "" : p.get().trim();
    }
}
