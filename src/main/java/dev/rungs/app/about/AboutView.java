package dev.rungs.app.about;

import dev.rungs.app.AppIcon;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Window;

/** Help > About Rungs: the icon, the version, the licence and the libraries with theirs. */
public final class AboutView extends Dialog<ButtonType> {

    public AboutView(AboutViewModel model, Window owner) {
        initOwner(owner);
        setTitle("About Rungs");
        Label title = new Label(model.title());
        title.setId("aboutTitle");
        title.getStyleClass().add("run-title");
        Label what = new Label("A workbench for hyperparameter tuning.\nLicensed under " + AboutViewModel.LICENCE
                + ". Rungs ships these libraries:");
        what.setWrapText(true);
        HBox head = new HBox(16, new ImageView(AppIcon.image(64)), new VBox(6, title, what));

        TableView<AboutViewModel.Library> table = new TableView<>();
        table.setId("aboutLibraries");
        table.getColumns().add(column("Library", 330, AboutViewModel.Library::name));
        table.getColumns().add(column("Licence", 290, AboutViewModel.Library::licence));
        table.getItems().setAll(model.libraries());
        table.setPrefHeight(330);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        VBox content = new VBox(12, head, table);
        content.setPadding(new Insets(8));
        content.setPrefWidth(660);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    private static TableColumn<AboutViewModel.Library, String> column(String name, double width,
            java.util.function.Function<AboutViewModel.Library, String> value) {
        TableColumn<AboutViewModel.Library, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
