package dev.rungs.app.newstudy;

import dev.rungs.app.Controls;
import dev.rungs.app.newstudy.RungPlanViewModel.BracketLine;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * A multi-fidelity scheduler's bracket plan under its settings: the resources, one line per
 * bracket of a full iteration ("81 at 1 → 27 at 3 → …"), what the iteration needs and what the
 * trial budget implies. Shown only while the scheduler works in rungs.
 */
final class RungPlanView extends VBox {
    private static final double ROW_HEIGHT = 24;

    RungPlanView(RungPlanViewModel plan) {
        super(6);
        setId("rungPlan");
        getStyleClass().add("rung-plan");
        Label heading = new Label("Bracket plan");
        heading.getStyleClass().add("plan-title");
        Label resources = line("rungPlanResources", plan.resourcesProperty());

        TableView<BracketLine> table = new TableView<>(plan.brackets());
        table.setId("rungPlanTable");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No plan"));
        TableColumn<BracketLine, String> name = Controls.valueColumn("planBracket", "Bracket", 70, BracketLine::name);
        TableColumn<BracketLine, String> count = Controls.valueColumn("planConfigurations", "New", 55,
                b -> b.configurations() < 0 ? "–" : number(b.configurations()));
        TableColumn<BracketLine, String> resource = Controls.valueColumn("planResource", "Resource", 80,
                b -> number(b.resource()));
        TableColumn<BracketLine, String> rungs = Controls.valueColumn("planRungs",
                "Rungs: configurations at resource", 300, BracketLine::rungs);
        table.getColumns().setAll(List.of(name, count, resource, rungs));
        table.getColumns().forEach(c -> c.setSortable(false));
        // As tall as its brackets: the header and one row each, never a scroll bar of its own.
        table.prefHeightProperty().bind(Bindings.size(plan.brackets()).multiply(ROW_HEIGHT).add(ROW_HEIGHT + 8));
        table.minHeightProperty().bind(table.prefHeightProperty());
        table.maxHeightProperty().bind(table.prefHeightProperty());

        Label iteration = line("rungPlanIteration", plan.iterationProperty());
        Label budget = line("rungPlanBudget", plan.budgetNoteProperty());
        getChildren().setAll(heading, resources, table, iteration, budget);
        visibleProperty().bind(plan.shownProperty());
        managedProperty().bind(visibleProperty());
    }

    private static Label line(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("help-text");
        l.textProperty().bind(text);
        l.visibleProperty().bind(Bindings.isNotEmpty(text));
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n);
    }
}
