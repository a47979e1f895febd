package dev.rungs.app.newstudy;

import dev.rungs.app.newstudy.ParamRow.Field;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * The search-space table: one row per parameter, every cell an editor bound to its row.
 *
 * <p>The cells hold live editors rather than TableView's edit mode, because edit mode throws
 * away what was typed when the person clicks elsewhere without pressing Enter; a form must keep
 * it. The editor of the cell at fault is marked ({@link FieldDecorations}) with the row's
 * problem; a problem of the whole parameter marks its name.
 */
final class ParamTable extends TableView<ParamRow> {
    private final FieldDecorations marks;

    ParamTable(ObservableList<ParamRow> rows, FieldDecorations marks) {
        super(rows);
        this.marks = marks;
        setId("paramsTable");
        getStyleClass().add("params-table");
        setPlaceholder(new Label("No parameters. Add one, or Reset to preset."));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<ParamRow, ParamRow> condition = new TableColumn<>("Active only when");
        condition.setId("paramCondition");
        condition.getColumns().setAll(List.of(
                textColumn("paramConditionParent", "parent", 110, Field.CONDITION, ParamRow::conditionParentProperty,
                        r -> false, "The parameter this one depends on: a categorical or int parameter above it"),
                textColumn("paramConditionValues", "is one of", 130, Field.CONDITION,
                        ParamRow::conditionValuesProperty, r -> false,
                        "The parent's values, comma-separated, for which this parameter is used")));

        getColumns().setAll(List.of(
                textColumn("paramName", "Name", 120, Field.NAME, ParamRow::nameProperty, r -> false,
                        "The parameter's name"),
                column("paramType", "Type", 130, () -> new EditorCell<ComboBox<ParamType>>(Field.TYPE,
                        new ComboBox<>(FXCollections.observableArrayList(ParamType.values())),
                        (c, r) -> c.valueProperty().bindBidirectional(r.typeProperty()),
                        (c, r) -> c.valueProperty().unbindBidirectional(r.typeProperty()), r -> false)),
                textColumn("paramLow", "Low", 95, Field.LOW, ParamRow::lowProperty, ParamTable::categorical,
                        "Smallest value"),
                textColumn("paramHigh", "High", 95, Field.HIGH, ParamRow::highProperty, ParamTable::categorical,
                        "Largest value"),
                column("paramLog", "Log", 55, () -> new EditorCell<CheckBox>(Field.LOG, new CheckBox(),
                        (c, r) -> c.selectedProperty().bindBidirectional(r.logProperty()),
                        (c, r) -> c.selectedProperty().unbindBidirectional(r.logProperty()), ParamTable::categorical)),
                textColumn("paramStep", "Step", 80, Field.STEP, ParamRow::stepProperty, ParamTable::categorical,
                        "Spacing of the allowed values; blank for none"),
                textColumn("paramChoices", "Choices", 190, Field.CHOICES, ParamRow::choicesProperty,
                        r -> r.typeProperty().get() != ParamType.CATEGORICAL,
                        "Comma-separated; put a value in \"quotes\" to keep it text"),
                condition));
        for (TableColumn<ParamRow, ?> c : getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
        for (TableColumn<ParamRow, ?> c : condition.getColumns()) {
            c.setSortable(false);
            c.setReorderable(false);
        }
    }

    private static boolean categorical(ParamRow r) {
        return r.typeProperty().get() == ParamType.CATEGORICAL;
    }

    private TableColumn<ParamRow, ParamRow> textColumn(String id, String title, double width, Field field,
            Function<ParamRow, Property<String>> property, Function<ParamRow, Boolean> notApplicable, String prompt) {
        return column(id, title, width, () -> {
            TextField editor = new TextField();
            editor.setTooltip(new Tooltip(prompt));
            return new EditorCell<>(field, editor,
                    (c, r) -> c.textProperty().bindBidirectional(property.apply(r)),
                    (c, r) -> c.textProperty().unbindBidirectional(property.apply(r)), notApplicable);
        });
    }

    private TableColumn<ParamRow, ParamRow> column(String id, String title, double width,
            Supplier<TableCell<ParamRow, ParamRow>> cells) {
        TableColumn<ParamRow, ParamRow> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 50));
        // The cell's value is the row itself: each editor binds to one of its properties.
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> {
            TableCell<ParamRow, ParamRow> cell = cells.get();
            if (cell instanceof EditorCell<?> editorCell) {
                editorCell.markWith(marks);
            }
            return cell;
        });
        return c;
    }

    /** Binds or unbinds an editor to a row's property. */
    private interface Link<C> {
        void apply(C editor, ParamRow row);
    }

    /**
     * A cell that shows one editor, bound to the row it currently shows. Cells are reused for
     * other rows as the table scrolls, so every binding made for a row is undone before the
     * next one is made.
     */
    private static final class EditorCell<C extends Control> extends TableCell<ParamRow, ParamRow> {
        private FieldDecorations marks;
        private final Field field;
        private final C editor;
        private final Link<C> bind;
        private final Link<C> unbind;
        private final Function<ParamRow, Boolean> notApplicable;
        private final ChangeListener<Object> refresh = (o, old, now) -> showState();
        private ParamRow bound;

        EditorCell(Field field, C editor, Link<C> bind, Link<C> unbind, Function<ParamRow, Boolean> notApplicable) {
            this.field = field;
            this.editor = editor;
            this.bind = bind;
            this.unbind = unbind;
            this.notApplicable = notApplicable;
            editor.setMaxWidth(Double.MAX_VALUE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
            // Working in a row's editor selects the row, so Remove and Up/Down act on it.
            editor.focusedProperty().addListener((o, was, is) -> {
                if (is && getTableView() != null && !isEmpty()) {
                    getTableView().getSelectionModel().select(getIndex());
                }
            });
        }

        /** Marks the editor while the row it shows has a problem in this cell. */
        void markWith(FieldDecorations decorations) {
            this.marks = decorations;
            decorations.mark(editor, this::problemHere);
        }

        /** The row's problem when this cell is at fault (a problem of no one cell is the name's), or null. */
        private String problemHere() {
            if (bound == null || bound.error() == null) {
                return null;
            }
            Field atFault = bound.errorFieldProperty().get() == null ? Field.NAME : bound.errorFieldProperty().get();
            return atFault == field ? bound.error() : null;
        }

        @Override
        protected void updateItem(ParamRow row, boolean empty) {
            super.updateItem(row, empty);
            ParamRow next = empty ? null : row;
            if (next == bound) {
                return;
            }
            if (bound != null) {
                unbind.apply(editor, bound);
                bound.typeProperty().removeListener(refresh);
                bound.errorProperty().removeListener(refresh);
                bound.errorFieldProperty().removeListener(refresh);
            }
            bound = next;
            if (bound != null) {
                bind.apply(editor, bound);
                bound.typeProperty().addListener(refresh);
                bound.errorProperty().addListener(refresh);
                bound.errorFieldProperty().addListener(refresh);
                setGraphic(editor);
                showState();
            } else {
                setGraphic(null);
                if (marks != null) {
                    marks.recheck(editor);
                }
            }
        }

        private void showState() {
            if (bound == null) {
                return;
            }
            // A field that does not apply to the type is hidden, not just disabled: a row then
            // shows only what matters for its parameter.
            editor.setVisible(!notApplicable.apply(bound));
            if (marks != null) {
                marks.recheck(editor);
            }
        }
    }
}
