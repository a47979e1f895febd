package dev.rungs.app.newstudy;

import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The study's name, which follows the form's choices (objective and sampler, such as
 * {@code branin-tpe}) until the person makes it their own by typing another.
 */
final class StudyName {
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final Supplier<String> automatic;
    /** Whether the name still follows the choices. */
    private boolean follows = true;
    /** Set while the form changes the name itself, so that change is not taken for the person's. */
    private boolean namingItself;

    /** @param automatic the name the choices give */
    StudyName(Supplier<String> automatic) {
        this.automatic = Objects.requireNonNull(automatic, "automatic");
        name.addListener((o, old, now) -> {
            if (!namingItself) {
                // Typing the automatic name again hands the name back to the form.
                follows = Objects.equals(now, automatic.get());
            }
        });
    }

    StringProperty property() {
        return name;
    }

    /** Gives the name the choices make now, unless the person has made it their own. */
    void follow() {
        if (follows) {
            namingItself = true;
            try {
                name.set(automatic.get());
            } finally {
                namingItself = false;
            }
        }
    }
}
