package dev.rungs.app.newstudy;

import dev.rungs.spec.Setting;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A method's settings in a ControlsFX {@link PropertySheet}: one line per setting with its key,
 * an editor that fits its kind, and its description beside the editor (the key's tooltip says it
 * too), so the person reads what each setting does without hovering.
 *
 * <p>Numbers are edited as text bound to the row's text, so a half-typed or wrong value stays
 * visible and is explained by its decoration; a yes-or-no setting is a check box bound to the
 * typed value. The view model replaces every row when another method is chosen, so the sheet is
 * filled afresh then.
 */
final class SettingsPropertySheet extends StackPane {
    private final PropertySheet sheet = new PropertySheet();
    private final Label none = new Label("This method has no settings.");
    private final String idPrefix;
    private final String category;
    private final FieldDecorations marks;

    /**
     * @param id the sheet's id; each editor's id is this plus {@code -} and the setting's key
     * @param choice the method whose settings are shown
     * @param category the category of the settings (Sampler or Scheduler)
     */
    SettingsPropertySheet(String id, MethodChoice choice, String category, FieldDecorations marks) {
        this.idPrefix = id;
        this.category = category;
        this.marks = marks;
        setId(id);
        getStyleClass().add("settings-sheet");
        setAlignment(Pos.TOP_LEFT);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(item -> new SettingEditor((SettingItem) item));
        none.getStyleClass().add("help-text");
        getChildren().setAll(sheet, none);
        sheet.skinProperty().addListener((o, old, skin) -> fitToContent());
        choice.settings().addListener((ListChangeListener<SettingRow>) c -> show(choice.settings()));
        show(choice.settings());
    }

    /**
     * The sheet scrolls its rows by itself, at whatever height it is given; inside the form, which
     * scrolls already, it is as tall as its rows at the width it has, so every setting is seen at once.
     */
    private void fitToContent() {
        if (sheet.lookup(".scroll-pane") instanceof ScrollPane scroll) {
            scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            // The rows are rebuilt as a new content when the settings change.
            scroll.contentProperty().addListener((o, old, content) -> requestLayout());
        }
        requestLayout();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node rows = sheet.lookup(".scroll-pane") instanceof ScrollPane scroll ? scroll.getContent() : null;
        if (rows == null || !sheet.isVisible()) {
            return super.computePrefHeight(width);
        }
        double inner = width < 0 ? -1 : Math.max(0, width - snappedLeftInset() - snappedRightInset());
        return snappedTopInset() + rows.prefHeight(inner) + snappedBottomInset() + 2;
    }

    private void show(List<SettingRow> rows) {
        List<PropertySheet.Item> items = new ArrayList<>();
        rows.forEach(r -> items.add(new SettingItem(r, category)));
        sheet.getItems().setAll(items);
        sheet.setVisible(!rows.isEmpty());
        none.setVisible(rows.isEmpty());
    }

    /** The editor of one setting: its control, and its description beside it. */
    private final class SettingEditor implements PropertyEditor<Object> {
        private final SettingItem item;
        private final HBox node;

        SettingEditor(SettingItem item) {
            this.item = item;
            SettingRow row = item.row();
            Control control = row.kind() == Setting.Kind.BOOLEAN ? checkBox(row) : textField(row);
            control.setId(idPrefix + "-" + row.key());
            marks.mark(control, row.errorProperty());
            Label description = new Label(item.getDescription());
            description.getStyleClass().add("help-text");
            description.setWrapText(true);
            // A small preferred width, so a long description wraps instead of squeezing the names.
            description.setMinWidth(120);
            description.setPrefWidth(240);
            description.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(description, Priority.ALWAYS);
            node = new HBox(10, control, description);
            node.setAlignment(Pos.CENTER_LEFT);
        }

        private TextField textField(SettingRow row) {
            TextField field = new TextField();
            field.textProperty().bindBidirectional(row.textProperty());
            field.setPrefColumnCount(6);
            field.setMinWidth(90);
            field.setMaxWidth(90);
            return field;
        }

        /** The row outlives no sheet (a new method brings new rows), so the listeners need no removing. */
        private CheckBox checkBox(SettingRow row) {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.TRUE.equals(row.value()));
            box.selectedProperty().addListener((o, was, is) -> item.setValue(is));
            row.valueProperty().addListener((o, old, now) -> box.setSelected(Boolean.TRUE.equals(now)));
            box.setMinWidth(90);
            return box;
        }

        @Override
        public Node getEditor() {
            return node;
        }

        @Override
        public Object getValue() {
            return item.getValue();
        }

        @Override
        public void setValue(Object value) {
            item.setValue(value);
        }
    }
}
