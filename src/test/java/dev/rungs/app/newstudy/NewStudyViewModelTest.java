package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.app.newstudy.ParamRow.Field;
import dev.rungs.app.studies.ErrorReport;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Condition;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.spec.ComponentSpec;
import dev.rungs.spec.Method;
import dev.rungs.spec.Methods;
import dev.rungs.spec.SpecException;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The New study form without a toolkit: defaults, presets, every validation rule, files. */
class NewStudyViewModelTest {
    final NewStudyViewModel vm = new NewStudyViewModel(new ImmediateTaskExecutor());

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ defaults and presets

    @Test
    void theDefaultFormIsBraninWithTpeAndItsSpecRoundTrips() {
        assertEquals("branin", vm.objectiveProperty().get());
        assertEquals(Direction.MINIMIZE, vm.directionProperty().get());
        assertEquals("branin-tpe", vm.nameProperty().get());
        assertEquals(List.of("x1", "x2"), names());
        assertEquals("tpe", vm.sampler().typeProperty().get());
        assertEquals("none", vm.scheduler().typeProperty().get());
        assertEquals("100", vm.budget().trialsProperty().get());
        assertEquals("", vm.budget().timeLimitProperty().get());
        assertEquals("1", vm.budget().workersProperty().get());
        assertEquals("42", vm.budget().seedProperty().get());
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.canCreateProperty().get());

        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals(spec, SpecReader.parse(spec.toJson()));
        assertEquals("branin-tpe", spec.name());
        assertEquals(new FloatParam("x1", -5, 10), spec.space().param("x1"));
        assertEquals(new FloatParam("x2", 0, 15), spec.space().param("x2"));
        assertEquals(100, spec.budget().maxTrials());
        assertNull(spec.budget().maxTime());
        assertEquals(1, spec.workers());
        assertEquals(42, spec.seed());
        assertEquals("tpe", spec.sampler().type());
        assertEquals(10L, spec.sampler().settings().get("n_startup_trials"));
        assertEquals("none", spec.scheduler().type());
    }

    @Test
    void choosingAnotherObjectiveResetsTheParametersToItsPreset() {
        vm.params().get(0).lowProperty().set("0");
        vm.objectiveProperty().set("hartmann6");

        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6"), names());
        for (ParamRow r : vm.params()) {
            assertEquals(ParamType.FLOAT, r.typeProperty().get());
            assertEquals("0", r.lowProperty().get());
            assertEquals("1", r.highProperty().get());
        }
        assertEquals("hartmann6-tpe", vm.nameProperty().get());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
        assertEquals(6, vm.toSpec().orElseThrow().space().size());
    }

    @Test
    void resetToPresetUndoesEditsOfTheSpace() {
        vm.params().get(1).highProperty().set("7");
        vm.space().remove(vm.params().get(0));
        vm.space().add();

        vm.space().resetToPreset();

        assertEquals(List.of("x1", "x2"), names());
        assertEquals("15", vm.params().get(1).highProperty().get());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
    }

    @Test
    void categoricalPresetsShowTheirChoices() {
        vm.objectiveProperty().set("counting-ones");

        ParamRow cat1 = vm.params().get(0);
        assertEquals("cat1", cat1.name());
        assertEquals(ParamType.CATEGORICAL, cat1.typeProperty().get());
        assertEquals("0, 1", cat1.choicesProperty().get());
        assertEquals(new CategoricalParam("cat1", List.of(0L, 1L)), vm.toSpec().orElseThrow().space().param("cat1"));
    }

    @Test
    void theNameFollowsObjectiveAndSamplerUntilThePersonEditsIt() {
        vm.sampler().typeProperty().set("random");
        assertEquals("branin-random", vm.nameProperty().get());

        vm.nameProperty().set("my-own");
        vm.objectiveProperty().set("hartmann3");
        vm.sampler().typeProperty().set("sobol");
        assertEquals("my-own", vm.nameProperty().get());
    }

    @Test
    void choosingBohbBringsHyperbandAlongUnlessAnotherOfItsFamilyIsChosen() {
        assertEquals("none", vm.scheduler().typeProperty().get());
        vm.sampler().typeProperty().set("bohb");
        assertEquals("hyperband", vm.scheduler().typeProperty().get());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());

        vm.scheduler().typeProperty().set("asha");
        vm.sampler().typeProperty().set("random");
        vm.sampler().typeProperty().set("bohb");
        assertEquals("asha", vm.scheduler().typeProperty().get(), "ASHA is of Hyperband's family: kept");
    }

    @Test
    void choosingAnotherSamplerShowsItsSettingsWithTheirDefaults() {
        vm.sampler().settings().get(0).textProperty().set("3");

        for (Method<?> m : Methods.samplers()) {
            vm.sampler().typeProperty().set(m.type());
            assertEquals(m.title(), vm.sampler().titleProperty().get());
            assertEquals(m.settings().stream().map(s -> s.key()).collect(Collectors.toList()),
                    vm.sampler().settings().stream().map(SettingRow::key).collect(Collectors.toList()));
            for (int i = 0; i < m.settings().size(); i++) {
                SettingRow row = vm.sampler().settings().get(i);
                assertEquals(ValueText.formatValue(m.settings().get(i).defaultValue()), row.textProperty().get());
                assertEquals(m.settings().get(i).help(), row.help());
                assertEquals(m.settings().get(i).kind(), row.kind());
            }
            assertTrue(vm.canCreateProperty().get(), m.type() + ": " + vm.problems());
        }
        vm.sampler().typeProperty().set("tpe");
        assertEquals("10", vm.sampler().settings().get(0).textProperty().get());
    }

    @Test
    void choosingAnotherSchedulerShowsItsSettingsWithTheirDefaults() {
        for (Method<?> m : Methods.schedulers()) {
            vm.scheduler().typeProperty().set(m.type());
            assertEquals(m.title(), vm.scheduler().titleProperty().get());
            assertEquals(m.settings().size(), vm.scheduler().settings().size());
            for (int i = 0; i < m.settings().size(); i++) {
                assertEquals(m.settings().get(i).key(), vm.scheduler().settings().get(i).key());
                assertEquals(ValueText.formatValue(m.settings().get(i).defaultValue()),
                        vm.scheduler().settings().get(i).textProperty().get());
            }
            assertTrue(vm.canCreateProperty().get(), m.type() + ": " + vm.problems());
        }
    }

    @Test
    void theSettingsOfAMethodGoIntoTheSpec() {
        vm.sampler().typeProperty().set("grid");
        setting("points_per_param").textProperty().set("7");
        setting("shuffle").textProperty().set("true");
        vm.scheduler().typeProperty().set("median");
        vm.scheduler().settings().get(0).textProperty().set("3");

        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("grid", spec.sampler().type());
        assertEquals(7L, spec.sampler().settings().get("points_per_param"));
        assertEquals(true, spec.sampler().settings().get("shuffle"));
        assertEquals("median", spec.scheduler().type());
        assertEquals(3L, spec.scheduler().settings().get(vm.scheduler().settings().get(0).key()));
    }

    @Test
    void parametersCanBeAddedRemovedAndMoved() {
        ParamRow added = vm.space().add();
        assertEquals("p3", added.name());
        assertEquals(3, vm.params().size());

        vm.space().move(added, -1);
        assertEquals(List.of("x1", "p3", "x2"), names());
        vm.space().move(added, -5);
        assertEquals(List.of("p3", "x1", "x2"), names());
        vm.space().move(added, 1);
        assertEquals(List.of("x1", "p3", "x2"), names());

        vm.space().remove(added);
        assertEquals(List.of("x1", "x2"), names());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void aRandomSeedIsAWholeNumberTheFormAccepts() {
        vm.budget().randomSeed();
        long seed = Long.parseLong(vm.budget().seedProperty().get());
        assertTrue(seed >= 0 && seed < 1_000_000_000L, "seed " + seed);
        assertEquals(seed, vm.toSpec().orElseThrow().seed());
    }

    // ------------------------------------------------------------------ name

    @Test
    void aBlankNameIsRefused() {
        vm.nameProperty().set("  ");
        assertFieldProblem(FormField.NAME, "the study needs a name");
    }

    @Test
    void aNameWithCharactersFilesCannotHoldIsRefused() {
        vm.nameProperty().set("branin/tpe");
        assertFieldProblem(FormField.NAME, "the name cannot contain / (it is used in file names)");
        vm.nameProperty().set("what?");
        assertFieldProblem(FormField.NAME, "the name cannot contain ? (it is used in file names)");
        vm.nameProperty().set("branin-tpe.");
        assertFieldProblem(FormField.NAME, "the name cannot end with a dot (it is used in file names)");

        vm.nameProperty().set("branin tpe (2)");
        assertValid();
    }

    // ------------------------------------------------------------------ parameters

    @Test
    void aSpaceWithoutParametersIsRefused() {
        vm.params().clear();
        assertFieldProblem(FormField.PARAMETERS, "add at least one parameter");
    }

    @Test
    void aDuplicateParameterNameIsShownOnTheSecondRow() {
        vm.params().get(1).nameProperty().set("x1");
        assertRowProblem(1, Field.NAME, "parameter 1 is already called 'x1'");
        assertNull(vm.params().get(0).error());
    }

    @Test
    void aBlankParameterNameIsRefused() {
        vm.params().get(0).nameProperty().set(" ");
        assertRowProblem(0, Field.NAME, "a parameter needs a name");
    }

    @Test
    void aBenchmarkTakesExactlyItsOwnParameters() {
        vm.params().get(1).nameProperty().set("y");
        assertRowProblem(1, Field.NAME, "branin has no parameter 'y'; its parameters are x1, x2");
        assertEquals("branin needs the parameter x2 (it takes x1, x2; Reset to preset restores them)",
                vm.fieldErrorProperty(FormField.PARAMETERS).get());
    }

    @Test
    void boundsThatAreNotNumbersAreRefused() {
        vm.params().get(0).lowProperty().set("abc");
        assertRowProblem(0, Field.LOW, "low is not a number: 'abc'");
        assertTrue(vm.problems().contains("Parameter 1 (x1): low is not a number: 'abc'"), vm.problems().toString());

        vm.params().get(0).lowProperty().set("-5");
        vm.params().get(0).highProperty().set("");
        assertRowProblem(0, Field.HIGH, "high is missing");
        vm.params().get(0).highProperty().set("NaN");
        assertRowProblem(0, Field.HIGH, "high is not a number: 'NaN'");
    }

    @Test
    void lowMustBeBelowHigh() {
        vm.params().get(0).lowProperty().set("10");
        assertRowProblem(0, Field.LOW, "low (10) must be less than high (10)");
        vm.params().get(0).lowProperty().set("12.5");
        assertRowProblem(0, Field.LOW, "low (12.5) must be less than high (10)");
    }

    @Test
    void intBoundsMustBeWholeNumbers() {
        ParamRow x1 = vm.params().get(0);
        x1.typeProperty().set(ParamType.INT);
        assertValid();
        x1.lowProperty().set("1.5");
        assertRowProblem(0, Field.LOW, "low of an int parameter must be a whole number, got 1.5");
        x1.lowProperty().set("1");
        x1.highProperty().set("9.9");
        assertRowProblem(0, Field.HIGH, "high of an int parameter must be a whole number, got 9.9");
        x1.highProperty().set("9");
        assertEquals(new IntParam("x1", 1, 9), vm.toSpec().orElseThrow().space().param("x1"));
    }

    @Test
    void aLogScaleNeedsAPositiveLowBound() {
        vm.params().get(0).logProperty().set(true);
        assertRowProblem(0, Field.LOW, "a log scale needs low > 0 (got -5)");
        vm.params().get(0).lowProperty().set("0");
        assertRowProblem(0, Field.LOW, "a log scale needs low > 0 (got 0)");
        vm.params().get(0).lowProperty().set("0.001");
        assertEquals(new FloatParam("x1", 0.001, 10, true, 0, null), vm.toSpec().orElseThrow().space().param("x1"));
    }

    @Test
    void aStepMustBePositiveAndFitTheRange() {
        ParamRow x1 = vm.params().get(0);
        x1.stepProperty().set("0");
        assertRowProblem(0, Field.STEP, "step must be greater than 0 (leave it blank for none)");
        x1.stepProperty().set("-1");
        assertRowProblem(0, Field.STEP, "step must be greater than 0 (leave it blank for none)");
        x1.stepProperty().set("20");
        assertRowProblem(0, Field.STEP, "step (20) is larger than the range high - low (15)");
        x1.stepProperty().set("one");
        assertRowProblem(0, Field.STEP, "step is not a number: 'one'");
        x1.stepProperty().set("2.5");
        assertEquals(new FloatParam("x1", -5, 10, false, 2.5, null), vm.toSpec().orElseThrow().space().param("x1"));
    }

    @Test
    void aLogScaleCannotHaveAStep() {
        ParamRow x2 = vm.params().get(1);
        x2.lowProperty().set("1");
        x2.logProperty().set(true);
        x2.stepProperty().set("2");
        assertRowProblem(1, Field.STEP, "a log-scale parameter cannot have a step (clear the step or log)");
    }

    @Test
    void anIntStepOfOneGoesWithALogScale() {
        vm.objectiveProperty().set("counting-ones");
        // Turn cont1 into a log-scale int: step 1 means every integer, which a log scale allows.
        ParamRow cont1 = row("cont1");
        cont1.typeProperty().set(ParamType.INT);
        cont1.lowProperty().set("1");
        cont1.highProperty().set("100");
        cont1.logProperty().set(true);
        cont1.stepProperty().set("1");
        assertEquals(new IntParam("cont1", 1, 100, true, 1, null), vm.toSpec().orElseThrow().space().param("cont1"));
        cont1.stepProperty().set("3");
        assertRowProblem(vm.params().indexOf(cont1), Field.STEP,
                "a log-scale parameter cannot have a step (clear the step or log)");
    }

    @Test
    void aCategoricalNeedsDistinctChoices() {
        vm.objectiveProperty().set("counting-ones");
        ParamRow cat1 = vm.params().get(0);
        cat1.choicesProperty().set("");
        assertRowProblem(0, Field.CHOICES, "a categorical parameter needs at least one choice");
        cat1.choicesProperty().set("0, 1, 1.0");
        assertRowProblem(0, Field.CHOICES, "the choice 1.0 is listed twice");
        cat1.choicesProperty().set("a, b, a");
        assertRowProblem(0, Field.CHOICES, "the choice a is listed twice");
        cat1.choicesProperty().set("a,,b");
        assertRowProblem(0, Field.CHOICES, "choices: value 2 is empty (two commas in a row?)");

        cat1.choicesProperty().set("0, 1, \"1\", true, 2.5, \"a, b\"");
        assertEquals(new CategoricalParam("cat1", List.of(0L, 1L, "1", true, 2.5, "a, b")),
                vm.toSpec().orElseThrow().space().param("cat1"));
    }

    @Test
    void aConditionNeedsAKnownParentBeforeIt() {
        vm.objectiveProperty().set("counting-ones");
        ParamRow cont1 = row("cont1");
        int at = vm.params().indexOf(cont1);

        cont1.conditionParentProperty().set("nope");
        cont1.conditionValuesProperty().set("1");
        assertRowProblem(at, Field.CONDITION, "the parent 'nope' is not a parameter of this space");

        cont1.conditionParentProperty().set("cont1");
        assertRowProblem(at, Field.CONDITION, "a parameter cannot depend on itself");

        cont1.conditionParentProperty().set("cont2");
        assertRowProblem(at, Field.CONDITION, "the parent 'cont2' must come before this parameter (move it up)");

        vm.space().move(row("cont2"), -1);
        at = vm.params().indexOf(cont1);
        assertRowProblem(at, Field.CONDITION, "the parent 'cont2' is a float; a condition needs a categorical or "
                + "int parent, whose values can be matched exactly");

        cont1.conditionParentProperty().set("");
        assertRowProblem(at, Field.CONDITION, "name the parent parameter the values '1' belong to");
    }

    @Test
    void aConditionValueMustBeOneTheParentTakes() {
        vm.objectiveProperty().set("counting-ones");
        ParamRow cont1 = row("cont1");
        int at = vm.params().indexOf(cont1);
        cont1.conditionParentProperty().set("cat1");

        assertRowProblem(at, Field.CONDITION, "list the values of 'cat1' that make this parameter active");
        cont1.conditionValuesProperty().set("2");
        assertRowProblem(at, Field.CONDITION, "'cat1' never takes the value 2 (its choices: 0, 1)");

        cont1.conditionValuesProperty().set("1");
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals(new FloatParam("cont1", 0, 1).withCondition(new Condition("cat1", List.of(1L))),
                spec.space().param("cont1"));
        assertEquals(spec, SpecReader.parse(spec.toJson()));
    }

    @Test
    void aConditionOnAnIntParentIsCheckedAgainstItsRange() {
        vm.objectiveProperty().set("counting-ones");
        ParamRow cat1 = vm.params().get(0);
        cat1.typeProperty().set(ParamType.INT);
        cat1.lowProperty().set("0");
        cat1.highProperty().set("3");
        ParamRow cont1 = row("cont1");
        cont1.conditionParentProperty().set("cat1");
        cont1.conditionValuesProperty().set("2, 7");

        assertRowProblem(vm.params().indexOf(cont1), Field.CONDITION,
                "'cat1' never takes the value 7 (it takes whole numbers from 0 to 3)");
    }

    // ------------------------------------------------------------------ method settings

    @Test
    void aSettingMustBeOfItsKind() {
        setting("n_startup_trials").textProperty().set("ten");
        assertSettingProblem("n_startup_trials", "must be a whole number, got 'ten'");
        setting("n_startup_trials").textProperty().set("2.5");
        assertSettingProblem("n_startup_trials", "must be a whole number, got '2.5'");
        setting("n_startup_trials").textProperty().set("10");

        setting("prior_weight").textProperty().set("heavy");
        assertSettingProblem("prior_weight", "must be a number, got 'heavy'");
        setting("prior_weight").textProperty().set("1.0");

        setting("multivariate").textProperty().set("yes");
        assertSettingProblem("multivariate", "must be true or false, got 'yes'");
        setting("multivariate").textProperty().set("true");
        assertValid();
    }

    @Test
    void aSettingOutOfTheMethodsRangeIsRefusedWithTheMethodsMessage() {
        setting("n_startup_trials").textProperty().set("-1");
        assertSettingProblem("n_startup_trials", refusal("tpe", "n_startup_trials", -1L));
        setting("n_startup_trials").textProperty().set("10");

        setting("n_ei_candidates").textProperty().set("0");
        assertSettingProblem("n_ei_candidates", refusal("tpe", "n_ei_candidates", 0L));
        setting("n_ei_candidates").textProperty().set("99999999999");
        assertSettingProblem("n_ei_candidates", "the value is too large");
    }

    @Test
    void settingsThatDoNotGoTogetherBlameTheOneThatIsNotItsDefault() {
        setting("group").textProperty().set("true");
        assertSettingProblem("group", "TPE group mode needs multivariate mode");
        assertNull(setting("multivariate").error());

        setting("multivariate").textProperty().set("true");
        assertValid();
        assertNull(setting("group").error());
    }

    // ------------------------------------------------------------------ budget

    @Test
    void trialsMustBeAtLeastOneUnlessThereIsATimeLimit() {
        vm.budget().trialsProperty().set("0");
        assertFieldProblem(FormField.TRIALS, "must be at least 1 (or set a time limit)");
        vm.budget().trialsProperty().set("");
        assertFieldProblem(FormField.TRIALS, "must be at least 1 (or set a time limit)");
        vm.budget().trialsProperty().set("many");
        assertFieldProblem(FormField.TRIALS, "must be a whole number, got 'many'");
        vm.budget().trialsProperty().set("-3");
        assertFieldProblem(FormField.TRIALS, "must not be negative");

        vm.budget().trialsProperty().set("");
        vm.budget().timeLimitProperty().set("90");
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals(0, spec.budget().maxTrials());
        assertEquals(Duration.ofSeconds(90), spec.budget().maxTime());
    }

    @Test
    void aTimeLimitMustBeAPositiveNumberOfSeconds() {
        vm.budget().timeLimitProperty().set("soon");
        assertFieldProblem(FormField.TIME_LIMIT, "must be a number of seconds, got 'soon' (leave it blank for none)");
        vm.budget().timeLimitProperty().set("0");
        assertFieldProblem(FormField.TIME_LIMIT, "must be a positive number of seconds (leave it blank for none)");
        vm.budget().timeLimitProperty().set("-5");
        assertFieldProblem(FormField.TIME_LIMIT, "must be a positive number of seconds (leave it blank for none)");

        vm.budget().timeLimitProperty().set("2.5");
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals(Duration.ofMillis(2500), spec.budget().maxTime());
        assertEquals(100, spec.budget().maxTrials());
    }

    @Test
    void workersMustBeBetweenOneAndSixtyFour() {
        vm.budget().workersProperty().set("0");
        assertFieldProblem(FormField.WORKERS, "must be between 1 and 64");
        vm.budget().workersProperty().set("65");
        assertFieldProblem(FormField.WORKERS, "must be between 1 and 64");
        vm.budget().workersProperty().set("two");
        assertFieldProblem(FormField.WORKERS, "must be a whole number, got 'two'");
        vm.budget().workersProperty().set("64");
        assertEquals(64, vm.toSpec().orElseThrow().workers());
    }

    @Test
    void theSeedMustBeAWholeNumber() {
        vm.budget().seedProperty().set("4.5");
        assertFieldProblem(FormField.SEED, "must be a whole number, got '4.5'");
        vm.budget().seedProperty().set("");
        assertFieldProblem(FormField.SEED, "must be a whole number, got ''");
        vm.budget().seedProperty().set("-7");
        assertEquals(-7, vm.toSpec().orElseThrow().seed());
    }

    @Test
    void fixingAProblemClearsItsMessage() {
        vm.params().get(0).lowProperty().set("x");
        vm.budget().workersProperty().set("0");
        assertEquals(2, vm.problems().size(), vm.problems().toString());

        vm.params().get(0).lowProperty().set("-5");
        vm.budget().workersProperty().set("2");
        assertValid();
        assertNull(vm.params().get(0).error());
        assertNull(vm.params().get(0).errorFieldProperty().get());
        assertNull(vm.fieldErrorProperty(FormField.WORKERS).get());
    }

    @Test
    void whatOnlyTheSpecReaderChecksIsStillReportedWithItsPath() {
        StudySpec ok = vm.toSpec().orElseThrow();
        // The form has no field for max_resource, so only the reader's own check can refuse it.
        vm.load(new StudySpec(ok.name(), ok.objective(), ok.direction(), ok.space(), ok.sampler(), ok.scheduler(),
                ok.budget(), 0, ok.workers(), ok.seed()));

        assertEquals("$.max_resource: must be at least 1", vm.fieldErrorProperty(FormField.OBJECTIVE).get());
        assertEquals(List.of("$.max_resource: must be at least 1"), vm.problems());
        assertInvalid();
    }

    // ------------------------------------------------------------------ create

    @Test
    void createHandsTheSpecToTheCallbackOnlyWhenTheFormIsValid() {
        List<StudySpec> created = new ArrayList<>();
        vm.setOnCreate(created::add);

        vm.params().get(0).highProperty().set("-10");
        vm.create();
        assertEquals(List.of(), created);
        assertTrue(vm.toSpec().isEmpty());

        vm.params().get(0).highProperty().set("10");
        vm.create();
        assertEquals(List.of(vm.toSpec().orElseThrow()), created);
    }

    // ------------------------------------------------------------------ files

    @Test
    void saveThenLoadRoundTripsEveryField() throws Exception {
        vm.objectiveProperty().set("counting-ones");
        vm.directionProperty().set(Direction.MAXIMIZE);
        vm.nameProperty().set("ones, maximised");
        row("cont1").conditionParentProperty().set("cat1");
        row("cont1").conditionValuesProperty().set("1");
        row("cont2").stepProperty().set("0.25");
        row("cont3").logProperty().set(true);
        row("cont3").lowProperty().set("0.01");
        row("cat2").choicesProperty().set("0, 1, \"2\"");
        vm.sampler().typeProperty().set("grid");
        setting("points_per_param").textProperty().set("3");
        setting("shuffle").textProperty().set("true");
        vm.scheduler().typeProperty().set("median");
        vm.scheduler().settings().get(0).textProperty().set("2");
        vm.budget().trialsProperty().set("50");
        vm.budget().timeLimitProperty().set("12.5");
        vm.budget().workersProperty().set("4");
        vm.budget().seedProperty().set("7");
        StudySpec saved = vm.toSpec().orElseThrow();

        Path file = dir.resolve("study.json");
        vm.saveTo(file);
        assertNull(vm.specFiles().errorProperty().get());
        assertEquals("Saved " + file, vm.statusProperty().get());

        NewStudyViewModel other = new NewStudyViewModel(new ImmediateTaskExecutor());
        other.loadFrom(file);
        assertNull(other.specFiles().errorProperty().get());
        assertEquals(saved, other.toSpec().orElseThrow());
        assertEquals("ones, maximised", other.nameProperty().get());
        assertEquals(Direction.MAXIMIZE, other.directionProperty().get());
        assertEquals("grid", other.sampler().typeProperty().get());
        assertEquals("3", other.sampler().settings().get(0).textProperty().get());
        assertEquals("median", other.scheduler().typeProperty().get());
        assertEquals("2", other.scheduler().settings().get(0).textProperty().get());
        assertEquals("50", other.budget().trialsProperty().get());
        assertEquals("12.5", other.budget().timeLimitProperty().get());
        assertEquals("4", other.budget().workersProperty().get());
        assertEquals("7", other.budget().seedProperty().get());
        for (int i = 0; i < vm.params().size(); i++) {
            ParamRow a = vm.params().get(i);
            ParamRow b = other.params().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.typeProperty().get(), b.typeProperty().get());
            assertEquals(a.logProperty().get(), b.logProperty().get(), a.name());
            assertEquals(a.stepProperty().get(), b.stepProperty().get(), a.name());
            assertEquals(a.choicesProperty().get(), b.choicesProperty().get(), a.name());
            assertEquals(a.conditionParentProperty().get(), b.conditionParentProperty().get(), a.name());
            assertEquals(a.conditionValuesProperty().get(), b.conditionValuesProperty().get(), a.name());
        }
        assertEquals("0.01", rowOf(other, "cont3").lowProperty().get());
    }

    @Test
    void loadingASpecKeepsWhatTheFormHasNoFieldFor() {
        StudySpec spec = SpecReader.parse("""
                {"name": "rb", "objective": {"type": "benchmark", "name": "rosenbrock", "options": {"dims": 3}},
                 "budget": {"trials": 20, "resource": 500}, "max_resource": 9, "seed": 1}""");

        vm.load(spec);

        assertEquals(List.of("x1", "x2", "x3"), names());
        StudySpec formed = vm.toSpec().orElseThrow();
        // The form spells out every sampler setting; the file left them to their defaults.
        Method<?> tpe = Methods.samplers().stream().filter(m -> m.type().equals("tpe")).findFirst().orElseThrow();
        Map<String, Object> defaults = new HashMap<>();
        tpe.settings().forEach(s -> defaults.put(s.key(), s.defaultValue()));
        assertEquals(new ComponentSpec("tpe", defaults), formed.sampler());
        assertEquals(spec, new StudySpec(formed.name(), formed.objective(), formed.direction(), formed.space(),
                spec.sampler(), formed.scheduler(), formed.budget(), formed.maxResource(), formed.workers(),
                formed.seed()));
        vm.space().resetToPreset();
        assertEquals(List.of("x1", "x2", "x3"), names());
    }

    @Test
    void loadingAFileThatIsNotJsonShowsTheReadersMessageAndChangesNothing() throws Exception {
        vm.nameProperty().set("kept");
        StudySpec before = vm.toSpec().orElseThrow();
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"name\": ");

        vm.loadFrom(file);

        ErrorReport report = vm.specFiles().errorProperty().get();
        assertEquals("The spec broken.json cannot be used", report.heading());
        assertEquals(readerMessage(file), report.message());
        assertTrue(report.message().startsWith("$: not valid JSON"), report.message());
        assertEquals(before, vm.toSpec().orElseThrow());
        assertEquals("kept", vm.nameProperty().get());
    }

    @Test
    void loadingASpecWithAnUnknownSamplerShowsTheReadersMessageAndChangesNothing() throws Exception {
        StudySpec before = vm.toSpec().orElseThrow();
        Path file = dir.resolve("annealing.json");
        Files.writeString(file, """
                {"name": "x", "objective": {"type": "benchmark", "name": "hartmann3"},
                 "sampler": {"type": "annealing"}, "budget": {"trials": 5}}""");

        vm.loadFrom(file);

        String message = vm.specFiles().errorProperty().get().message();
        assertEquals(readerMessage(file), message);
        assertTrue(message.startsWith("$.sampler.type: unknown sampler \"annealing\""), message);
        assertEquals(before, vm.toSpec().orElseThrow());
        assertEquals(List.of("x1", "x2"), names());

        vm.specFiles().clearError();
        assertNull(vm.specFiles().errorProperty().get());
    }

    @Test
    void loadingAUtf16SpecOrAFolderSaysWhatItIsAndChangesNothing() throws Exception {
        StudySpec before = vm.toSpec().orElseThrow();
        Path utf16 = dir.resolve("windows.json");
        Files.writeString(utf16, "{\"name\": \"x\"}", java.nio.charset.StandardCharsets.UTF_16);

        vm.loadFrom(utf16);

        assertEquals(new ErrorReport("The spec windows.json cannot be used",
                "$: the spec is UTF-16 (big-endian) text; save it as UTF-8"), vm.specFiles().errorProperty().get());
        assertEquals(before, vm.toSpec().orElseThrow());

        Path folder = Files.createDirectories(dir.resolve("specs"));
        vm.loadFrom(folder);
        assertEquals(new ErrorReport("The spec specs cannot be used", "$: is a folder, not a spec file"),
                vm.specFiles().errorProperty().get());
        assertEquals(before, vm.toSpec().orElseThrow());
    }

    @Test
    void loadingAMissingFileSaysSo() {
        vm.loadFrom(dir.resolve("nowhere.json"));
        assertEquals("Cannot read " + dir.resolve("nowhere.json"), vm.specFiles().errorProperty().get().heading());
        assertFalse(vm.specFiles().busyProperty().get());
    }

    @Test
    void aFormWithProblemsIsNotSaved() {
        vm.budget().workersProperty().set("0");
        Path file = dir.resolve("bad.json");

        vm.saveTo(file);

        assertEquals(new ErrorReport("The spec cannot be saved yet", "Workers: must be between 1 and 64"),
                vm.specFiles().errorProperty().get());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFailedWriteSetsTheError() {
        Path file = dir.resolve("no-such-folder").resolve("s.json");
        vm.saveTo(file);
        assertEquals("Cannot save the spec to " + file, vm.specFiles().errorProperty().get().heading());
    }

    // ------------------------------------------------------------------ helpers

    List<String> names() {
        return vm.params().stream().map(ParamRow::name).collect(Collectors.toList());
    }

    ParamRow row(String name) {
        return rowOf(vm, name);
    }

    static ParamRow rowOf(NewStudyViewModel model, String name) {
        return model.params().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    SettingRow setting(String key) {
        return vm.sampler().settings().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    void assertValid() {
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.canCreateProperty().get());
    }

    void assertInvalid() {
        assertFalse(vm.canCreateProperty().get());
        assertTrue(vm.toSpec().isEmpty());
    }

    void assertFieldProblem(FormField field, String message) {
        assertEquals(message, vm.fieldErrorProperty(field).get());
        assertTrue(vm.problems().contains(field.label() + ": " + message), vm.problems().toString());
        assertInvalid();
    }

    void assertRowProblem(int index, Field field, String message) {
        ParamRow row = vm.params().get(index);
        assertEquals(message, row.error());
        assertEquals(field, row.errorFieldProperty().get());
        String name = row.name().trim();
        assertTrue(vm.problems().contains("Parameter " + (index + 1) + (name.isEmpty() ? "" : " (" + name + ")")
                + ": " + message), vm.problems().toString());
        assertInvalid();
    }

    void assertSettingProblem(String key, String message) {
        assertEquals(message, setting(key).error());
        assertTrue(vm.problems().contains("Sampler " + vm.sampler().typeProperty().get() + ", " + key + ": " + message),
                vm.problems().toString());
        assertInvalid();
    }

    /** What the method itself says about one value, so the test does not copy its wording. */
    static String refusal(String sampler, String key, Object value) {
        Method<?> m = Methods.samplers().stream().filter(s -> s.type().equals(sampler)).findFirst().orElseThrow();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.create(Map.of(key, value), 0L));
        assertNotNull(e.getMessage());
        return e.getMessage();
    }

    /** What the reader says is wrong with the spec in {@code file}; the form's heading names the file. */
    static String readerMessage(Path file) {
        return assertThrows(SpecException.class, () -> SpecReader.read(file)).problem().toString();
    }
}
