package dev.rungs.app.newstudy;

import static dev.rungs.app.newstudy.FormParts.errorLine;
import static dev.rungs.app.newstudy.FormParts.label;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Method section of the New study form: the sampler and the scheduler side by side, each
 * a drop-down list, its title, and its settings in a property sheet; under a multi-fidelity
 * scheduler, its bracket plan.
 */
final class MethodSection extends HBox {

    MethodSection(NewStudyViewModel form, FieldDecorations marks) {
        super(32);
        VBox sampler = methodBox("Sampler", "samplerChoice", form.sampler(),
                new SettingsPropertySheet("samplerSettings", form.sampler(), "Sampler", marks),
                form.fieldErrorProperty(FormField.SAMPLER), marks);
        VBox scheduler = methodBox("Scheduler", "schedulerChoice", form.scheduler(),
                new SettingsPropertySheet("schedulerSettings", form.scheduler(), "Scheduler", marks),
                form.fieldErrorProperty(FormField.SCHEDULER), marks);
        scheduler.getChildren().add(new RungPlanView(form.rungPlan()));
        getChildren().setAll(sampler, scheduler);
        HBox.setHgrow(sampler, Priority.ALWAYS);
        HBox.setHgrow(scheduler, Priority.ALWAYS);
        sampler.setPrefWidth(600);
        scheduler.setPrefWidth(560);
    }

    private static VBox methodBox(String title, String id, MethodChoice choice, SettingsPropertySheet settings,
            ObservableStringValue error, FieldDecorations marks) {
        ComboBox<String> box = methodChoiceBox(id, choice);
        marks.mark(box, error);
        Label what = new Label();
        what.textProperty().bind(choice.titleProperty());
        what.getStyleClass().add("method-title");
        what.setWrapText(true);
        HBox line = new HBox(10, label(title, box), box, what);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.ALWAYS);
        return new VBox(10, line, settings, errorLine(error));
    }

    /**
     * A drop-down list of methods. The open list shows each method with its title; the closed box
     * shows the chosen method's name alone, since a long title would not fit and the box would
     * show only an ellipsis. The title is beside the box and in its tooltip.
     */
    static ComboBox<String> methodChoiceBox(String id, MethodChoice choice) {
        ComboBox<String> box = new ComboBox<>(choice.types());
        box.setId(id);
        box.valueProperty().bindBidirectional(choice.typeProperty());
        box.setCellFactory(l -> new MethodCell(choice, true));
        box.setButtonCell(new MethodCell(choice, false));
        // As wide as the longest name, and never narrower: beside a long title that wraps, the
        // line would otherwise squeeze the box until it showed nothing but an ellipsis.
        box.setPrefWidth(200);
        box.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(choice.titleProperty());
        box.setTooltip(tip);
        return box;
    }

    /** A method as the list shows it: its name, with its title in the open list. */
    private static final class MethodCell extends ListCell<String> {
        private final MethodChoice choice;
        private final boolean withTitle;

        MethodCell(MethodChoice choice, boolean withTitle) {
            this.choice = choice;
            this.withTitle = withTitle;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else {
                setText(withTitle ? item + "  –  " + choice.titleOf(item) : item);
            }
        }
    }
}
