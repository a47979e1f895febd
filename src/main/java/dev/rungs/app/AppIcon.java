package dev.rungs.app;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The application icon from {@code assets/icon}, at the sizes window managers ask for. */
public final class AppIcon {
    private static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /** The icon rendered at {@code size} pixels (one of 16, 24, 32, 48, 64, 128, 256, 512). */
    public static Image image(int size) {
        String path = "/assets/icon/rungs-" + size + ".png";
        return new Image(Objects.requireNonNull(AppIcon.class.getResource(path), path).toExternalForm());
    }

    /** Gives {@code stage} the icon at every size, so each platform picks the one it wants. */
    public static void set(Stage stage) {
        SIZES.forEach(s -> stage.getIcons().add(image(s)));
    }
}
