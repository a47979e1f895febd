package dev.rungs.app.newstudy;

import dev.rungs.app.newstudy.ParamRow.Field;
import dev.rungs.app.newstudy.ValueText.Token;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Condition;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the parameter rows one by one and builds the search space they define.
 *
 * <p>Each row gets at most one message, for its first problem, on the cell at fault: one clear
 * thing to fix is easier to act on than a list. The rules are those of {@link SearchSpace} and
 * the parameter records, said in the form's terms, plus a few stricter ones where the library
 * accepts something that cannot be meant (low equal to high, a step wider than the range, a
 * condition on a continuous parent). Anything the rules miss is still caught: each parameter is
 * built by its record's constructor, whose message is shown if it refuses.
 */
final class SpaceCheck {
    private final List<ParamRow> rows;
    private final String objective;
    private final Set<String> known;
    private final boolean allRequired;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Param> built = new HashMap<>();
    private final List<Param> params = new ArrayList<>();
    private String spaceError;

    /**
     * @param rows the rows in order
     * @param objective the objective's name, for messages
     * @param known the parameter names the objective takes, or null when any names are allowed
     * @param allRequired whether every known name must be in the space (a benchmark takes exactly
     *     its own; a model family fills in defaults for those left out)
     */
    SpaceCheck(List<ParamRow> rows, String objective, Set<String> known, boolean allRequired) {
        this.rows = rows;
        this.objective = objective;
        this.known = known;
        this.allRequired = allRequired;
    }

    /** Checks every row; afterwards each row carries its error or none. */
    SpaceCheck run() {
        for (int i = 0; i < rows.size(); i++) {
            ParamRow row = rows.get(i);
            try {
                Param p = check(row, i);
                built.put(p.name(), p);
                params.add(p);
                row.clearError();
            } catch (RowProblem e) {
                row.setError(e.field, e.getMessage());
                String name = row.name().trim();
                problems.add("Parameter " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")") + ": " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            spaceError = "add at least one parameter";
        } else if (known != null && allRequired) {
            Set<String> missing = new LinkedHashSet<>(known);
            rows.forEach(r -> missing.remove(r.name().trim()));
            if (!missing.isEmpty()) {
                spaceError = objective + " needs the parameter" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + " (it takes " + String.join(", ", known)
                        + "; Reset to preset restores them)";
            }
        }
        if (spaceError == null && problems.isEmpty()) {
            try {
                new SearchSpace(params);
            } catch (IllegalArgumentException e) {
                spaceError = e.getMessage();
            }
        }
        if (spaceError != null) {
            problems.add(FormField.PARAMETERS.label() + ": " + spaceError);
        }
        return this;
    }

    /** The messages for the problem list, each naming its row. */
    List<String> problems() {
        return problems;
    }

    /** The message about the space as a whole, or null. */
    String spaceError() {
        return spaceError;
    }

    /** The search space, or null when anything is wrong. */
    SearchSpace space() {
        return problems.isEmpty() ? new SearchSpace(params) : null;
    }

    private Param check(ParamRow row, int index) {
        String name = row.name().trim();
        if (name.isEmpty()) {
            throw new RowProblem(Field.NAME, "a parameter needs a name");
        }
        for (int j = 0; j < index; j++) {
            if (rows.get(j).name().trim().equals(name)) {
                throw new RowProblem(Field.NAME, "parameter " + (j + 1) + " is already called '" + name + "'");
            }
        }
        if (known != null && !known.contains(name)) {
            throw new RowProblem(Field.NAME, objective + " has no parameter '" + name + "'; its parameters are "
                    + String.join(", ", known));
        }
        ParamType type = Objects.requireNonNull(row.typeProperty().get(), "type");
        try {
            Param p = switch (type) {
                case FLOAT -> floatParam(row, name);
                case INT -> intParam(row, name);
                case CATEGORICAL -> new CategoricalParam(name, choices(row));
            };
            Condition condition = condition(row, index, name);
            return condition == null ? p : p.withCondition(condition);
        } catch (IllegalArgumentException e) {
            // A rule the form does not know yet; the record's own message names the parameter.
            throw new RowProblem(null, e.getMessage());
        }
    }

    private static FloatParam floatParam(ParamRow row, String name) {
        double low = number(row.lowProperty().get(), "low", Field.LOW);
        double high = number(row.highProperty().get(), "high", Field.HIGH);
        checkBounds(low, high, row.logProperty().get());
        double step = 0;
        String stepText = row.stepProperty().get().trim();
        if (!stepText.isEmpty()) {
            step = number(stepText, "step", Field.STEP);
            checkStep(step, high - low, row.logProperty().get());
        }
        return new FloatParam(name, low, high, row.logProperty().get(), step, null);
    }

    private static IntParam intParam(ParamRow row, String name) {
        long low = whole(row.lowProperty().get(), "low", Field.LOW);
        long high = whole(row.highProperty().get(), "high", Field.HIGH);
        checkBounds(low, high, row.logProperty().get());
        long step = 1;
        String stepText = row.stepProperty().get().trim();
        // Step 1 is every integer, so it goes with a log scale as well as "no step" does.
        if (!stepText.isEmpty() && !stepText.equals("1")) {
            step = whole(stepText, "step", Field.STEP);
            checkStep(step, (double) high - low, row.logProperty().get());
        }
        return new IntParam(name, low, high, row.logProperty().get(), step, null);
    }

    private static void checkBounds(double low, double high, boolean log) {
        if (low >= high) {
            throw new RowProblem(Field.LOW, "low (" + ValueText.formatNumber(low) + ") must be less than high ("
                    + ValueText.formatNumber(high) + ")");
        }
        if (log && low <= 0) {
            throw new RowProblem(Field.LOW, "a log scale needs low > 0 (got " + ValueText.formatNumber(low) + ")");
        }
    }

    private static void checkStep(double step, double range, boolean log) {
        if (step <= 0) {
            throw new RowProblem(Field.STEP, "step must be greater than 0 (leave it blank for none)");
        }
        if (step > range) {
            throw new RowProblem(Field.STEP, "step (" + ValueText.formatNumber(step) + ") is larger than the range "
                    + "high - low (" + ValueText.formatNumber(range) + ")");
        }
        if (log) {
            throw new RowProblem(Field.STEP, "a log-scale parameter cannot have a step (clear the step or log)");
        }
    }

    private static double number(String text, String what, Field field) {
        if (text.isBlank()) {
            throw new RowProblem(field, what + " is missing");
        }
        Double d = ValueText.parseNumber(text);
        if (d == null) {
            throw new RowProblem(field, what + " is not a number: '" + text.trim() + "'");
        }
        return d;
    }

    private static long whole(String text, String what, Field field) {
        double d = number(text, what, field);
        Long w = ValueText.parseWhole(text);
        if (w == null) {
            throw new RowProblem(field, what + " of an int parameter must be a whole number, got "
                    + ValueText.formatNumber(d));
        }
        return w;
    }

    private static List<Object> choices(ParamRow row) {
        List<Token> tokens;
        try {
            tokens = ValueText.split(row.choicesProperty().get());
        } catch (IllegalArgumentException e) {
            throw new RowProblem(Field.CHOICES, "choices: " + e.getMessage());
        }
        if (tokens.isEmpty()) {
            throw new RowProblem(Field.CHOICES, "a categorical parameter needs at least one choice");
        }
        List<Object> choices = new ArrayList<>();
        for (Token t : tokens) {
            Object v = ValueText.parseValue(t);
            for (Object earlier : choices) {
                if (sameValue(earlier, v)) {
                    throw new RowProblem(Field.CHOICES, "the choice " + ValueText.formatValue(v) + " is listed twice");
                }
            }
            choices.add(v);
        }
        return choices;
    }

    /** Equality as the search space sees it: 3 and 3.0 are the same choice, as in JSON. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return a.equals(b);
    }

    private Condition condition(ParamRow row, int index, String name) {
        String parent = row.conditionParentProperty().get().trim();
        String valuesText = row.conditionValuesProperty().get();
        if (parent.isEmpty()) {
            if (!valuesText.isBlank()) {
                throw new RowProblem(Field.CONDITION, "name the parent parameter the values '" + valuesText.trim()
                        + "' belong to");
            }
            return null;
        }
        if (parent.equals(name)) {
            throw new RowProblem(Field.CONDITION, "a parameter cannot depend on itself");
        }
        int at = -1;
        for (int j = 0; j < rows.size() && at < 0; j++) {
            if (rows.get(j).name().trim().equals(parent)) {
                at = j;
            }
        }
        if (at < 0) {
            throw new RowProblem(Field.CONDITION, "the parent '" + parent + "' is not a parameter of this space");
        }
        if (at > index) {
            throw new RowProblem(Field.CONDITION, "the parent '" + parent + "' must come before this parameter "
                    + "(move it up)");
        }
        if (rows.get(at).typeProperty().get() == ParamType.FLOAT) {
            // The space would accept it, but a continuous draw almost never equals a listed value,
            // so the child would (almost) never be active.
            throw new RowProblem(Field.CONDITION, "the parent '" + parent + "' is a float; a condition needs a "
                    + "categorical or int parent, whose values can be matched exactly");
        }
        List<Token> tokens;
        try {
            tokens = ValueText.split(valuesText);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(Field.CONDITION, "condition values: " + e.getMessage());
        }
        if (tokens.isEmpty()) {
            throw new RowProblem(Field.CONDITION, "list the values of '" + parent + "' that make this parameter active");
        }
        Param parentParam = built.get(parent);
        if (parentParam == null) {
            // The parent row has its own error; its values cannot be checked until it is fixed.
            throw new RowProblem(Field.CONDITION, "fix the parent '" + parent + "' first");
        }
        List<Object> values = new ArrayList<>();
        for (Token t : tokens) {
            values.add(valueOf(parentParam, t));
        }
        return new Condition(parent, values);
    }

    /**
     * The parent's own value for a typed token: {@code 1} matches the choice 1 and also the
     * string choice "1", so the person need not know how a choice is stored.
     */
    private static Object valueOf(Param parent, Token t) {
        try {
            return parent.normalize(ValueText.parseValue(t));
        } catch (IllegalArgumentException notAsTyped) {
            if (!t.quoted()) {
                try {
                    return parent.normalize(t.text());
                } catch (IllegalArgumentException notAsText) {
                    // reported below
                }
            }
        }
        String takes = parent instanceof CategoricalParam c ? "its choices: " + ValueText.formatList(c.choices())
                : parent instanceof IntParam i ? "it takes whole numbers from " + i.low() + " to " + i.high()
                        + (i.step() != 1 ? " in steps of " + i.step() : "")
                : "";
        throw new RowProblem(Field.CONDITION, "'" + parent.name() + "' never takes the value " + t.text()
                + (takes.isEmpty() ? "" : " (" + takes + ")"));
    }

    /** The first problem of a row: the cell at fault (or null for the row) and the message. */
    private static final class RowProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Field field;

        RowProblem(Field field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
