package dev.rungs.app;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** The controls every feature builds the same way: buttons with a tooltip, and table columns of text. */
public final class Controls {
    private Controls() {
    }

    /** A button with an id (for tests), a tooltip saying what it does, and its action. */
    public static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A column whose cells follow an observable value of the row. */
    public static <R, T> TableColumn<R, T> column(String id, String title, double width,
            Function<R, ObservableValue<T>> value) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    /** A column of a plain value of the row, for rows that are immutable records. */
    public static <R, T> TableColumn<R, T> valueColumn(String id, String title, double width, Function<R, T> value) {
        return column(id, title, width, r -> new ReadOnlyObjectWrapper<>(value.apply(r)));
    }

    /** Shows each column of {@code column} as text made by {@code format}; numbers align right. */
    public static <R, T> void showAsText(TableColumn<R, T> column, Function<T, String> format, boolean numeric) {
        column.setCellFactory(c -> {
            TableCell<R, T> cell = new TableCell<>() {
                @Override
                protected void updateItem(T item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : format.apply(item));
                }
            };
            if (numeric) {
                cell.getStyleClass().add("numeric-cell");
            }
            return cell;
        });
    }
}
