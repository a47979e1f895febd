package dev.rungs.app.newstudy;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The building blocks every part of the New study form is made of, so that its sections look
 * and show their problems alike: headed sections, label columns, and a line beneath a field
 * saying what is wrong with it.
 */
final class FormParts {
    private FormParts() {
    }

    /** A section with a heading. */
    static VBox section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add("form-section");
        return box;
    }

    /** A grid of labels and fields. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.setAlignment(Pos.CENTER_LEFT);
        return grid;
    }

    /** A label for {@code field}, never shortened. */
    static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /** A text field bound both ways to {@code text}. */
    static TextField textField(String id, Property<String> text, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(text);
        return f;
    }

    /** A drop-down list bound both ways to {@code value}, showing each item as {@code name} says. */
    static <T> ComboBox<T> choice(String id, ObservableList<T> items, Property<T> value, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>(items);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String s) {
                for (T item : items) {
                    if (name.apply(item).equals(s)) {
                        return item;
                    }
                }
                return null;
            }
        });
        return box;
    }

    /** An enum constant or spec name as the form shows it: lower case, spaces for underscores. */
    static String words(Object value) {
        return value == null ? "" : value.toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A line that says what is wrong, taking no room while nothing is. */
    static Label errorLine(ObservableStringValue error) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.textProperty().bind(error);
        l.visibleProperty().bind(Bindings.isNotNull(error));
        l.managedProperty().bind(l.visibleProperty());
        l.setWrapText(true);
        // It wraps within the width its field's column has, rather than widening the column.
        l.setPrefWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
