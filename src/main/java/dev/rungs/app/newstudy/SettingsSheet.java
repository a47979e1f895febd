package dev.rungs.app.newstudy;

import dev.rungs.spec.Setting;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * A property sheet for a method's settings: one line per setting with its key, an editor that
 * fits its kind (a check box for yes-or-no, a text field otherwise) and its help, which gives
 * way to the problem while the value is wrong.
 *
 * <p>The view model replaces all rows when another method is chosen, so the sheet is rebuilt
 * then; it never needs to follow single rows coming and going.
 */
final class SettingsSheet extends GridPane {
    private final String idPrefix;

    /**
     * @param id the sheet's id; each editor's id is this plus {@code -} and the setting's key
     * @param rows the settings to show
     */
    SettingsSheet(String id, ObservableList<SettingRow> rows) {
        this.idPrefix = id;
        setId(id);
        getStyleClass().add("settings-sheet");
        setHgap(10);
        setVgap(6);
        ColumnConstraints key = new ColumnConstraints();
        key.setMinWidth(USE_PREF_SIZE);
        ColumnConstraints editor = new ColumnConstraints(90, 90, 90);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        help.setMinWidth(120);
        getColumnConstraints().setAll(key, editor, help);
        rows.addListener((ListChangeListener<SettingRow>) c -> rebuild(rows));
        rebuild(rows);
    }

    private void rebuild(ObservableList<SettingRow> rows) {
        getChildren().clear();
        if (rows.isEmpty()) {
            Label none = new Label("This method has no settings.");
            none.getStyleClass().add("help-text");
            add(none, 0, 0, 3, 1);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            SettingRow row = rows.get(i);
            Control editor = editor(row);
            editor.setId(idPrefix + "-" + row.key());
            Label key = new Label(row.key());
            key.setLabelFor(editor);
            Label help = new Label();
            help.setWrapText(true);
            help.setMaxWidth(Double.MAX_VALUE);
            ChangeListener<String> showError = (o, old, error) -> {
                help.setText(error == null ? row.help() : error);
                help.getStyleClass().setAll("label", error == null ? "help-text" : "error-text");
                editor.getStyleClass().remove("invalid");
                if (error != null) {
                    editor.getStyleClass().add("invalid");
                }
                editor.setTooltip(new Tooltip(error == null ? row.help() + " (default " + row.defaultText() + ")"
                        : error));
            };
            row.errorProperty().addListener(showError);
            showError.changed(row.errorProperty(), null, row.error());
            add(key, 0, i);
            add(editor, 1, i);
            add(help, 2, i);
            GridPane.setValignment(help, VPos.CENTER);
            GridPane.setHalignment(editor, HPos.LEFT);
        }
    }

    /**
     * An editor bound to the row's text. The row outlives no sheet (a new method brings new
     * rows), so the listeners need no removing.
     */
    private static Control editor(SettingRow row) {
        if (row.kind() == Setting.Kind.BOOLEAN) {
            CheckBox box = new CheckBox();
            box.setSelected("true".equals(row.valueProperty().get()));
            box.selectedProperty().addListener((o, was, is) -> row.valueProperty().set(Boolean.toString(is)));
            row.valueProperty().addListener((o, old, now) -> box.setSelected("true".equals(now)));
            return box;
        }
        TextField field = new TextField();
        field.textProperty().bindBidirectional(row.valueProperty());
        field.setPrefColumnCount(6);
        return field;
    }
}
