package dev.rungs.app.run;

import dev.rungs.study.TrialState;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckComboBox;

/**
 * The trials table's state filter: a ControlsFX {@link CheckComboBox} with one check box per
 * state, kept in step both ways with the view model's set of shown states
 * ({@link RunViewModel#shownStatesProperty()}). Its title says in a few words what is shown.
 */
final class TrialStateFilter {
    /** The check boxes, in the order a person thinks of them: ended first. */
    static final List<TrialState> ORDER = List.of(TrialState.COMPLETE, TrialState.PRUNED,
            TrialState.FAIL, TrialState.RUNNING, TrialState.PAUSED, TrialState.WAITING);

    private TrialStateFilter() {
    }

    /** The filter over {@code shown}: its check boxes start as {@code shown} says, and each click changes it. */
    static CheckComboBox<TrialState> create(ObjectProperty<Set<TrialState>> shown) {
        CheckComboBox<TrialState> states = new CheckComboBox<>(FXCollections.observableArrayList(ORDER));
        states.setId("trialStateFilter");
        states.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrialState s) {
                return s == null ? "" : TrialFilter.label(s);
            }

            @Override
            public TrialState fromString(String text) {
                return null; // never edited as text
            }
        });
        // The checked states joined would not fit; the title says what is shown in a few words.
        states.titleProperty().bind(Bindings.createStringBinding(() -> title(
                shown.get()), shown));
        states.setPrefWidth(200);
        boolean[] syncing = {false};
        Runnable fromModel = () -> {
            syncing[0] = true;
            try {
                for (TrialState s : ORDER) {
                    if (shown.get().contains(s)) {
                        states.getCheckModel().check(s);
                    } else {
                        states.getCheckModel().clearCheck(s);
                    }
                }
            } finally {
                syncing[0] = false;
            }
        };
        fromModel.run();
        shown.addListener(o -> {
            if (!syncing[0]) {
                fromModel.run();
            }
        });
        states.getCheckModel().getCheckedItems().addListener((ListChangeListener<TrialState>) c -> {
            Set<TrialState> checked = TrialFilter.states(states.getCheckModel().getCheckedItems());
            if (!syncing[0] && !checked.equals(shown.get())) {
                syncing[0] = true;
                try {
                    shown.set(checked);
                } finally {
                    syncing[0] = false;
                }
            }
        });
        return states;
    }

    static String title(Set<TrialState> shown) {
        if (shown.size() == TrialState.values().length) {
            return "All states";
        }
        if (shown.isEmpty()) {
            return "No states";
        }
        // Whichever is shorter to read: the states left out, or those shown.
        List<String> left = ORDER.stream().filter(st -> !shown.contains(st)).map(TrialFilter::label).toList();
        return left.size() <= 2 ? "All but " + String.join(", ", left)
                : String.join(", ", ORDER.stream().filter(shown::contains).map(TrialFilter::label).toList());
    }

}
