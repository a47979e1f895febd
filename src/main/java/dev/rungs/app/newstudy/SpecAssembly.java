package dev.rungs.app.newstudy;

import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.space.Param;
import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.ObjectiveSpec;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the spec together from the whole form, checking every part on the way.
 *
 * <p>Every problem is reported twice: at the row or field at fault (for the view to mark) and in
 * the problem list (for a summary). When the form's own rules find nothing, the spec is written
 * as JSON and read back by {@link SpecReader}, the same check a spec file gets, so no rule of the
 * reader can be missed and the spec the form hands on is exactly what a saved file would load as.
 * What the reader refuses is shown where {@link SpecProblemFields} says it belongs.
 */
final class SpecAssembly {
    /** Characters Windows, macOS or Linux refuse in a file name; a study's name may name files. */
    private static final String FILE_NAME_FORBIDDEN = "/\\:*?\"<>|";

    /**
     * What the form describes.
     *
     * @param spec the checked spec, or null while anything is wrong
     * @param errors each field's problem (fields without one are absent)
     * @param problems every problem, one line each, naming its row or field
     */
    record Assembled(StudySpec spec, Map<FormField, String> errors, List<String> problems) {
    }

    private final NewStudyViewModel form;
    private final Map<FormField, String> errors = new EnumMap<>(FormField.class);
    private final List<String> problems = new ArrayList<>();

    SpecAssembly(NewStudyViewModel form) {
        this.form = form;
    }

    Assembled run() {
        check(FormField.NAME, nameProblem(form.nameProperty().get()));
        ObjectiveKind kind = form.objectiveKindProperty().get();
        BenchmarkProblem problem = kind == ObjectiveKind.BENCHMARK ? form.benchmark().problem() : null;
        Map<String, Object> options = form.benchmark().options();
        String objectiveName = String.valueOf(form.objectiveProperty().get());
        Set<String> known = null;
        boolean allRequired = false;
        if (kind == ObjectiveKind.DATASET) {
            options = form.datasetStep().check(errors);
            objectiveName = String.valueOf(form.datasetStep().modelProperty().get());
            ModelFamily family = form.datasetStep().family();
            if (family != null) {
                // A family takes its space's parameters and those it has defaults for; any may be left out.
                known = namesIn(family.space().params());
                known.addAll(family.defaults().values().keySet());
            }
        } else if (kind == ObjectiveKind.COMMAND) {
            options = form.commandStep().check(errors);
            objectiveName = form.commandStep().label();
        } else if (problem == null) {
            check(FormField.OBJECTIVE, form.benchmark().problemText());
        } else {
            known = namesIn(problem.space().params());
            allRequired = true;
        }
        if (form.directionProperty().get() == null) {
            check(FormField.OBJECTIVE, "choose minimize or maximize");
        }
        listFieldProblems(List.of(FormField.NAME, FormField.OBJECTIVE));
        listFieldProblems(kind == ObjectiveKind.DATASET ? DatasetStepViewModel.fields()
                : kind == ObjectiveKind.COMMAND ? CommandStepViewModel.fields() : List.of());

        SpaceCheck space = new SpaceCheck(form.params(), objectiveName, known, allRequired).run();
        errors.put(FormField.PARAMETERS, space.spaceError());
        problems.addAll(space.problems());

        SettingsCheck sampler = checkSettings(form.sampler(), FormField.SAMPLER);
        SettingsCheck scheduler = checkSettings(form.scheduler(), FormField.SCHEDULER);

        BudgetFields.Read budget = form.budget().check(errors);
        listFieldProblems(BudgetFields.fields());

        StudySpec checked = null;
        if (problems.isEmpty()) {
            StudySpec built = new StudySpec(form.nameProperty().get(),
                    new ObjectiveSpec(kind.specType(), objectiveName, options), form.directionProperty().get(),
                    space.space(), new ComponentSpec(form.sampler().typeProperty().get(), sampler.values()),
                    new ComponentSpec(form.scheduler().typeProperty().get(), scheduler.values()), budget.budget(),
                    form.maxResource(), budget.workers(), budget.seed());
            try {
                // Paths in the options are absolute, so the folder the reader resolves against does
                // not matter; the dataset comes from memory, so no file is read on this thread.
                checked = SpecReader.parse(built.toJson(), Path.of("").toAbsolutePath(), form.datasetStep().datasets());
            } catch (SpecException e) {
                new SpecProblemFields(form.params(), form.sampler(), form.scheduler(),
                        form.datasetStep().validation().kindProperty().get()).blame(e.problem(), errors);
                problems.add(e.problem().toString());
            }
        }
        errors.values().removeIf(v -> v == null);
        return new Assembled(checked, errors, problems);
    }

    /** Why the text cannot name a study, or null; the name may become a file name on export. */
    static String nameProblem(String text) {
        if (text == null || text.isBlank()) {
            return "the study needs a name";
        }
        if (!text.equals(text.strip())) {
            return "the name must not start or end with a space";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (FILE_NAME_FORBIDDEN.indexOf(c) >= 0) {
                return "the name cannot contain " + c + " (it is used in file names)";
            }
            if (Character.isISOControl(c)) {
                return "the name cannot contain control characters";
            }
        }
        if (text.equals(".") || text.equals("..") || text.endsWith(".")) {
            return "the name cannot end with a dot (it is used in file names)";
        }
        return null;
    }

    private SettingsCheck checkSettings(MethodChoice choice, FormField field) {
        SettingsCheck c = new SettingsCheck(choice.label(), choice.method(), choice.settings()).run();
        errors.put(field, c.methodError());
        problems.addAll(c.problems());
        return c;
    }

    private void check(FormField field, String problem) {
        if (problem != null) {
            errors.put(field, problem);
        }
    }

    private void listFieldProblems(List<FormField> fields) {
        for (FormField f : fields) {
            String e = errors.get(f);
            if (e != null) {
                problems.add(f.label() + ": " + e);
            }
        }
    }

    private static Set<String> namesIn(List<Param> params) {
        Set<String> names = new LinkedHashSet<>();
        params.forEach(p -> names.add(p.name()));
        return names;
    }
}
