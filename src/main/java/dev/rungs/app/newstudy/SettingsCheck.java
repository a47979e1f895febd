package dev.rungs.app.newstudy;

import dev.rungs.spec.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the setting rows of a sampler or scheduler and collects their values as a spec holds
 * them ({@code Long}, {@code Double}, {@code Boolean}).
 *
 * <p>The form knows only the kind of each setting; which values make sense (at least 1
 * candidate, a positive prior weight, group mode only with multivariate) is known by the method
 * itself. So the values are handed to {@link Method#create}, as the spec reader does, and when
 * it refuses, the row to blame is the one whose return to its default makes it accept. That
 * keeps the form right for methods added later without teaching it their rules.
 */
final class SettingsCheck {
    private final String label;
    private final Method<?> method;
    private final List<SettingRow> rows;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<SettingRow, String> errors = new LinkedHashMap<>();
    private String methodError;

    /**
     * @param label how the problem list names the method's part of the form ({@code Sampler tpe})
     * @param method the chosen method, or null when none (or an unknown one) is chosen
     * @param rows the setting rows shown for it
     */
    SettingsCheck(String label, Method<?> method, List<SettingRow> rows) {
        this.label = label;
        this.method = method;
        this.rows = rows;
    }

    SettingsCheck run() {
        if (method == null) {
            methodError = "choose a method from the list";
            problems.add(label + ": " + methodError);
            return this;
        }
        for (SettingRow row : rows) {
            errors.put(row, null);
            try {
                values.put(row.key(), row.parsed());
            } catch (IllegalArgumentException e) {
                fail(row, e.getMessage());
            }
        }
        if (problems.isEmpty()) {
            String refusal = refusal(values);
            if (refusal != null) {
                SettingRow blamed = blame();
                if (blamed != null) {
                    fail(blamed, refusal);
                } else {
                    methodError = refusal;
                    problems.add(label + ": " + refusal);
                }
            }
        }
        // Set once at the end, so a row's message does not blink off and on at every check.
        errors.forEach(SettingRow::setError);
        return this;
    }

    /** The messages for the problem list. */
    List<String> problems() {
        return problems;
    }

    /** A message about the settings together, or null. */
    String methodError() {
        return methodError;
    }

    /** The values by key, or null when any is wrong. */
    Map<String, Object> values() {
        return problems.isEmpty() ? values : null;
    }

    private void fail(SettingRow row, String message) {
        errors.put(row, message);
        problems.add(label + ", " + row.key() + ": " + message);
    }

    /** Why the method refuses these values, or null when it accepts them. */
    private String refusal(Map<String, Object> given) {
        try {
            method.create(given, 0L);
            return null;
        } catch (ArithmeticException e) {
            // Methods narrow whole numbers to int exactly; a value past that overflows.
            return "the value is too large";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    /** The one row whose default the method would accept in place of its value, or null. */
    private SettingRow blame() {
        for (SettingRow row : rows) {
            Map<String, Object> without = new LinkedHashMap<>(values);
            without.remove(row.key());
            if (refusal(without) == null) {
                return row;
            }
        }
        return null;
    }
}
