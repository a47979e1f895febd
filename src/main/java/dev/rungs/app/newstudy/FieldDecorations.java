package dev.rungs.app.newstudy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.StyleClassDecoration;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * The marks of a problem on the form's fields, through one ControlsFX {@link ValidationSupport}:
 * an error icon at the field whose tooltip says what is wrong, and a red outline (the
 * {@value #INVALID} style class, which the decoration sets and clears).
 *
 * <p>The field's own tooltip says the same while it is marked. The rules stay in the view
 * models; a field's validator only reads the message its view model holds for it, so the mark
 * says exactly what the field's error line and the problem list say. A message can change without the field's own value changing (the trials are fine once a
 * time limit is set), so each field is checked again whenever its message changes.
 *
 * <p>As ControlsFX does, no mark is shown until the person has changed one of the fields: a fresh
 * form is not covered in red. The support wraps the scene's root in a {@code DecorationPane}.
 */
final class FieldDecorations {
    /** The style class of a field while it has a problem. */
    static final String INVALID = "field-invalid";

    private final ValidationSupport support = new ValidationSupport();

    FieldDecorations() {
        support.setValidationDecorator(new FieldMark());
    }

    /** Marks {@code control} while {@code error} holds a message. */
    void mark(Control control, ObservableStringValue error) {
        mark(control, error::get);
        error.addListener((o, old, now) -> recheck(control));
    }

    /**
     * Marks {@code control} while {@code error} gives a message; the caller calls
     * {@link #recheck} when that may have changed.
     */
    void mark(Control control, Supplier<String> error) {
        support.registerValidator(control, false, (Control c, Object value) -> {
            String message = error.get();
            return ValidationResult.fromErrorIf(c, message, message != null);
        });
    }

    /** Asks the control's validator again, as its message may have changed. */
    void recheck(Control control) {
        support.revalidate(control);
    }

    /**
     * ControlsFX's error icon, whose tooltip says what is wrong, and the {@value #INVALID} style
     * class. The field's own tooltip says it too while the mark is on, since a field's tooltip
     * would otherwise cover the icon's (the icon sits on the field's corner) and a person hovers
     * the field rather than a small icon.
     */
    private static final class FieldMark extends GraphicValidationDecoration {
        private static final String USUAL_TOOLTIP = "rungs.usualTooltip";
        private static final Object NONE = new Object();

        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            List<Decoration> marks = new ArrayList<>(super.createValidationDecorations(message));
            marks.add(new StyleClassDecoration(INVALID));
            return marks;
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            super.applyValidationDecoration(message);
            Control c = message.getTarget();
            c.getProperties().putIfAbsent(USUAL_TOOLTIP, c.getTooltip() == null ? NONE : c.getTooltip());
            c.setTooltip(createTooltip(message));
        }

        @Override
        public void removeDecorations(Control target) {
            super.removeDecorations(target);
            Object usual = target.getProperties().remove(USUAL_TOOLTIP);
            if (usual != null) {
                target.setTooltip(usual instanceof Tooltip t ? t : null);
            }
        }
    }
}
