package dev.rungs.app.newstudy;

import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The benchmark problem a benchmark study tunes: its name, and its options (which the form has
 * no fields for; they come from a loaded spec and go back unchanged).
 */
final class BenchmarkChoice {
    private final ObservableList<String> names = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(BenchmarkProblems.names()));
    private final ObjectProperty<String> name = new SimpleObjectProperty<>(this, "name");
    private Map<String, Object> options = Map.of();

    ObservableList<String> names() {
        return names;
    }

    ObjectProperty<String> nameProperty() {
        return name;
    }

    Map<String, Object> options() {
        return options;
    }

    /** Chooses the problem a spec names, with the spec's options. */
    void fill(String problem, Map<String, Object> given) {
        name.set(problem);
        options = given;
    }

    /** Back to the problem's own options, as when another objective is chosen. */
    void forgetOptions() {
        options = Map.of();
    }

    /** The chosen problem with the options in use, or null when none (or an unknown one) is chosen. */
    BenchmarkProblem problem() {
        return problemText() == null ? BenchmarkProblems.byName(name.get(), options) : null;
    }

    /** Why there is no problem for the choice: none chosen, an unknown name, bad options; null when there is. */
    String problemText() {
        if (name.get() == null) {
            return "choose an objective";
        }
        try {
            BenchmarkProblems.byName(name.get(), options);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
