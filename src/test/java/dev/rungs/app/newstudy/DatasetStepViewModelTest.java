package dev.rungs.app.newstudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.app.ImmediateTaskExecutor;
import dev.rungs.objective.ml.ColumnType;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.objective.ml.Task;
import dev.rungs.objective.ml.Validation;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.study.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset part of the New study form without a toolkit: reading a CSV, its choices, its rules, its spec. */
class DatasetStepViewModelTest {
    static final Path IRIS = Path.of("sample-projects/iris-random-forest-hyperband/iris.csv");

    final NewStudyViewModel vm = new NewStudyViewModel(new ImmediateTaskExecutor());
    final DatasetStepViewModel step = vm.datasetStep();

    @TempDir
    Path dir;

    @BeforeEach
    void datasetKind() {
        vm.objectiveKindProperty().set(ObjectiveKind.DATASET);
    }

    // ------------------------------------------------------------------ reading a file

    @Test
    void beforeAFileIsChosenTheFormAsksForOne() {
        assertEquals("choose a CSV file", vm.fieldErrorProperty(FormField.DATASET_FILE).get());
        assertTrue(vm.problems().contains("Dataset file: choose a CSV file"), vm.problems().toString());
        assertFalse(vm.canCreateProperty().get());
        assertEquals(List.of("trees", "max_depth", "min_split", "min_leaf"), names(),
                "the default family's space is ready");
    }

    @Test
    void irisShowsItsColumnsTypesFirstRowsAndDetectedTask() {
        step.choose(IRIS);

        assertEquals(IRIS.toAbsolutePath(), step.preview().fileProperty().get());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "species"),
                step.preview().columnNames());
        List<ColumnType> types = new ArrayList<>();
        step.preview().columns().forEach(c -> types.add(c.type()));
        assertEquals(List.of(ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC, ColumnType.NUMERIC,
                ColumnType.CATEGORICAL), types);
        assertEquals(DatasetStepViewModel.PREVIEW_ROWS, step.preview().rows().size());
        assertEquals(List.of("5.1", "3.5", "1.4", "0.2", "setosa"), step.preview().rows().get(0));
        assertEquals("species", step.targetProperty().get(), "the last column is the default target");
        assertEquals(Task.CLASSIFICATION, step.taskProperty().get());
        assertEquals(List.of(Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.MACRO_F1, Metric.LOG_LOSS,
                Metric.ROC_AUC), step.metrics());
        assertEquals(Metric.ACCURACY, step.metricProperty().get());
        assertEquals(Direction.MAXIMIZE, vm.directionProperty().get());
        assertEquals("150 rows, 4 features · classification of 3 classes (setosa, versicolor, virginica)",
                step.preview().summaryProperty().get());
        assertEquals("iris-random_forest-tpe", vm.nameProperty().get());
        assertNull(step.loadErrorProperty().get());
        assertEquals(List.of(), vm.problems());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void theNotesSayWhichColumnWasLeftOutAndWhy() throws Exception {
        step.choose(IRIS);
        assertEquals("", step.preview().notesProperty().get());

        List<String> lines = Files.readAllLines(IRIS);
        StringBuilder csv = new StringBuilder("id,").append(lines.get(0)).append('\n');
        for (int r = 1; r < lines.size(); r++) {
            csv.append("flower-").append(r).append(',').append(lines.get(r)).append('\n');
        }
        step.choose(Files.writeString(dir.resolve("iris-with-id.csv"), csv));

        assertEquals("left out: id (looks like an identifier: 150 distinct values in 150 rows)",
                step.preview().notesProperty().get());
        assertTrue(step.preview().summaryProperty().get().startsWith("150 rows, 4 features"), step.preview().summaryProperty().get());
        assertEquals("id", step.preview().columnNames().get(0), "the preview still shows the column");
        assertNull(step.loadErrorProperty().get());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
    }

    @Test
    void theSpecCarriesTheAbsoluteFileAndEveryChoice() {
        step.choose(IRIS);

        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("dataset", spec.objective().type());
        Map<String, Object> o = spec.objective().options();
        assertEquals(IRIS.toAbsolutePath().toString(), o.get("file"));
        assertEquals("species", o.get("target"));
        assertEquals("accuracy", o.get("metric"));
        assertEquals("random_forest", o.get("model"));
        assertEquals(Map.of("kind", "kfold", "folds", 5L, "seed", 0L), o.get("validation"));
        assertEquals(Direction.MAXIMIZE, spec.direction());
        assertEquals(200, spec.maxResource(), "the forest's largest tree count");
        // Read back from anywhere, the spec is the same: the path does not depend on the folder.
        assertEquals(spec, SpecReader.parse(spec.toJson(), dir));
    }

    @Test
    void aRegressionTargetOffersRegressionMetricsAndModels() throws Exception {
        step.choose(regressionCsv());

        assertEquals(Task.REGRESSION, step.taskProperty().get());
        assertEquals(List.of(Metric.RMSE, Metric.MAE, Metric.R2), step.metrics());
        assertEquals(Metric.RMSE, step.metricProperty().get());
        assertEquals(Direction.MINIMIZE, vm.directionProperty().get());
        assertEquals(List.of("random_forest", "gradient_boosting", "svm"), step.models());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
    }

    @Test
    void anotherTargetIsReadAgainWithItsOwnTaskAndMetric() {
        step.choose(IRIS);
        step.targetProperty().set("petal_width");

        assertEquals(Task.REGRESSION, step.taskProperty().get());
        assertEquals(Metric.RMSE, step.metricProperty().get());
        assertEquals(Direction.MINIMIZE, vm.directionProperty().get());
        assertTrue(step.preview().summaryProperty().get().contains("regression"), step.preview().summaryProperty().get());
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("petal_width", spec.objective().options().get("target"));
        assertNull(spec.objective().options().get("task"), "a detected task is left to detection");
    }

    @Test
    void theDetectedTaskCanBeOverridden() throws Exception {
        // Whole numbers 0-3: detected as class labels.
        StringBuilder csv = new StringBuilder("x,grade\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i * 0.5).append(',').append(i % 4).append('\n');
        }
        step.choose(Files.writeString(dir.resolve("grades.csv"), csv));
        assertEquals(Task.CLASSIFICATION, step.taskProperty().get());

        step.taskProperty().set(Task.REGRESSION);

        assertEquals(Metric.RMSE, step.metricProperty().get());
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("regression", spec.objective().options().get("task"));
        assertEquals(Direction.MINIMIZE, spec.direction());
    }

    @Test
    void aBadCsvIsReportedAndTheFormStaysAsItWas() throws Exception {
        step.choose(IRIS);
        StudySpec before = vm.toSpec().orElseThrow();
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,c\n1,2,3\n4,5\n");

        step.choose(ragged);

        String why = step.loadErrorProperty().get();
        assertEquals("ragged.csv line 3 has 2 fields, but the header has 3", why);
        assertNotNull(step.errorProperty().get());
        assertEquals("The file ragged.csv cannot be used", step.errorProperty().get().heading());
        assertEquals(why, step.errorProperty().get().message());
        assertEquals(IRIS.toAbsolutePath(), step.preview().fileProperty().get());
        assertEquals("species", step.targetProperty().get());
        assertEquals(5, step.preview().columnNames().size());
        assertEquals(before, vm.toSpec().orElseThrow());

        step.clearError();
        step.choose(IRIS);
        assertNull(step.loadErrorProperty().get(), "a file that reads clears the message");
    }

    /** A CSV of {@code rows} rows of three numbers and a class, large enough to be read in several steps. */
    Path largeCsv(String name, int rows) throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i % 97).append(',').append(i * 0.5).append(',').append((i * 7) % 13).append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve(name), csv);
    }

    @Test
    void aLoadShowsItsProgressAndACancelledOneLeavesTheStepAsItWasAndReportsNothing() throws Exception {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        NewStudyViewModel form = new NewStudyViewModel(tasks);
        form.objectiveKindProperty().set(ObjectiveKind.DATASET);
        DatasetStepViewModel data = form.datasetStep();
        data.choose(IRIS);
        tasks.runAll();
        StudySpec before = form.toSpec().orElseThrow();
        String summary = data.preview().summaryProperty().get();
        List<String> problems = List.copyOf(form.problems());

        Path large = largeCsv("large.csv", 20_000);
        data.choose(large);
        assertTrue(data.loadingProperty().get());
        assertEquals("Reading large.csv…", data.loadMessageProperty().get());
        // The person clicks Cancel as soon as the first progress is shown.
        List<String> shown = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        data.loadMessageProperty().addListener((o, old, now) -> {
            if (now.contains("rows")) {
                shown.add(now);
                fractions.add(data.loadProgressProperty().get());
                data.cancelLoad();
            }
        });
        // What the reader itself reports, which the step no longer shows once cancelled.
        List<String> reported = new ArrayList<>();
        tasks.lastStarted().messageProperty().addListener((o, old, now) -> reported.add(now));
        tasks.runAll();

        assertEquals(List.of("Reading large.csv: 1,000 rows"), shown);
        assertEquals(List.of("Reading large.csv: 1,000 rows"), reported, "the reader stopped at its next report");
        assertTrue(tasks.lastStarted().isCancelled());
        assertTrue(fractions.get(0) > 0 && fractions.get(0) < 0.2, fractions.toString());
        assertFalse(data.loadingProperty().get());
        assertEquals("", data.loadMessageProperty().get());
        assertEquals(IRIS.toAbsolutePath(), data.preview().fileProperty().get());
        assertEquals(summary, data.preview().summaryProperty().get());
        assertEquals("species", data.targetProperty().get());
        assertNull(data.loadErrorProperty().get(), "a cancel is not an error");
        assertNull(data.errorProperty().get());
        assertEquals(problems, form.problems());
        assertEquals(before, form.toSpec().orElseThrow());
    }

    @Test
    void aCancelledReadingAgainKeepsTheTargetTheFileWasReadWith() throws Exception {
        QueuedTaskExecutor tasks = new QueuedTaskExecutor();
        NewStudyViewModel form = new NewStudyViewModel(tasks);
        form.objectiveKindProperty().set(ObjectiveKind.DATASET);
        DatasetStepViewModel data = form.datasetStep();
        data.choose(largeCsv("large.csv", 3_000));
        tasks.runAll();
        StudySpec before = form.toSpec().orElseThrow();
        assertEquals("label", data.targetProperty().get());

        data.targetProperty().set("c");
        assertTrue(data.loadingProperty().get(), "another target reads the file again");
        assertEquals("reading large.csv…", form.fieldErrorProperty(FormField.DATASET_FILE).get());
        data.cancelLoad();
        assertEquals(1, tasks.runAll(), "the cancelled read is run, and hands nothing on");

        assertFalse(data.loadingProperty().get());
        assertEquals("label", data.targetProperty().get());
        assertEquals(Task.CLASSIFICATION, data.taskProperty().get());
        assertNull(form.fieldErrorProperty(FormField.DATASET_FILE).get());
        assertEquals(before, form.toSpec().orElseThrow());
    }

    @Test
    void aBadFileAsTheFirstChoiceLeavesTheFormAskingForOne() throws Exception {
        step.choose(Files.writeString(dir.resolve("empty.csv"), "\n"));

        assertEquals("empty.csv is empty", step.loadErrorProperty().get());
        assertNull(step.preview().fileProperty().get());
        assertEquals("choose a CSV file", vm.fieldErrorProperty(FormField.DATASET_FILE).get());
        assertFalse(vm.canCreateProperty().get());
    }

    @Test
    void aTargetTheFileCannotLearnIsBlamedUntilAnotherIsChosen() throws Exception {
        StringBuilder csv = new StringBuilder("x,flat,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(",1.5,").append(i * 0.3).append('\n');
        }
        step.choose(Files.writeString(dir.resolve("flat.csv"), csv));
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());

        step.targetProperty().set("flat");

        assertEquals("flat.csv: the target 'flat' has the same value (1.5) in every row; there is nothing to learn",
                vm.fieldErrorProperty(FormField.DATASET_TARGET).get());
        assertFalse(vm.canCreateProperty().get());
        step.targetProperty().set("y");
        assertNull(vm.fieldErrorProperty(FormField.DATASET_TARGET).get());
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
    }

    @Test
    void theMissingPolicyReadsTheFileAgain() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i % 5 == 0 ? "" : Integer.toString(i)).append(',').append(i * 2).append(',')
                    .append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        step.choose(Files.writeString(dir.resolve("gaps.csv"), csv));
        assertTrue(step.preview().summaryProperty().get().endsWith("6 missing cells imputed"), step.preview().summaryProperty().get());

        step.missingProperty().set(MissingPolicy.DROP);

        assertTrue(step.preview().summaryProperty().get().startsWith("24 rows"), step.preview().summaryProperty().get());
        assertEquals("drop", vm.toSpec().orElseThrow().objective().options().get("missing"));
    }

    // ------------------------------------------------------------------ model, validation, metric

    @Test
    void choosingAModelFamilyResetsTheSpaceToItsDefault() {
        step.choose(IRIS);
        vm.params().get(0).highProperty().set("50");

        step.modelProperty().set("svm");

        assertEquals(List.of("c", "gamma", "kernel"), names());
        assertEquals("iris-svm-tpe", vm.nameProperty().get());
        StudySpec spec = vm.toSpec().orElseThrow();
        assertEquals("svm", spec.objective().options().get("model"));
        assertEquals(1, spec.maxResource());

        step.modelProperty().set("random_forest");
        vm.params().get(0).highProperty().set("50");
        vm.space().resetToPreset();
        assertEquals("200", vm.params().get(0).highProperty().get(), "Reset to preset restores the family's space");
    }

    @Test
    void aParameterTheFamilyDoesNotTakeIsNamedOnItsRow() {
        step.choose(IRIS);
        vm.params().get(1).nameProperty().set("depth");

        assertEquals("random_forest has no parameter 'depth'; its parameters are trees, max_depth, min_split, "
                + "min_leaf", vm.params().get(1).errorProperty().get());
        vm.params().get(1).nameProperty().set("max_depth");
        vm.space().remove(vm.params().get(0));
        assertTrue(vm.canCreateProperty().get(), "a family's parameter may be left out: " + vm.problems());
    }

    @Test
    void foldsMustBeAWholeNumberFromTwoToTheSmallestClass() {
        step.choose(IRIS);

        step.validation().foldsProperty().set("abc");
        assertEquals("must be a whole number, got 'abc'", vm.fieldErrorProperty(FormField.DATASET_FOLDS).get());
        step.validation().foldsProperty().set("1");
        assertEquals("must be at least 2", vm.fieldErrorProperty(FormField.DATASET_FOLDS).get());
        step.validation().foldsProperty().set("51");
        assertEquals("at most 50: the class 'setosa' has only 50 rows, and stratified folds need one of each class",
                vm.fieldErrorProperty(FormField.DATASET_FOLDS).get());
        assertTrue(vm.problems().contains("Folds: " + vm.fieldErrorProperty(FormField.DATASET_FOLDS).get()));
        assertFalse(vm.canCreateProperty().get());
        step.validation().foldsProperty().set("10");
        assertNull(vm.fieldErrorProperty(FormField.DATASET_FOLDS).get());
        assertTrue(vm.canCreateProperty().get());
    }

    @Test
    void aHoldoutFractionMustLieBetweenZeroAndOne() {
        step.choose(IRIS);
        step.validation().kindProperty().set(Validation.Kind.HOLDOUT);

        for (String bad : List.of("0", "1", "1.5", "-0.2")) {
            step.validation().testFractionProperty().set(bad);
            assertEquals("must be between 0 and 1 (exclusive), such as 0.2",
                    vm.fieldErrorProperty(FormField.DATASET_TEST_FRACTION).get(), bad);
        }
        step.validation().testFractionProperty().set("a third");
        assertEquals("must be a number between 0 and 1, got 'a third'",
                vm.fieldErrorProperty(FormField.DATASET_TEST_FRACTION).get());
        step.validation().testFractionProperty().set("0.3");
        assertEquals(Map.of("kind", "holdout", "test_fraction", 0.3, "seed", 0L),
                vm.toSpec().orElseThrow().objective().options().get("validation"));
    }

    @Test
    void aMetricMustFitTheTaskAndTheData() {
        step.choose(IRIS);

        step.metricProperty().set(Metric.RMSE);
        assertEquals("rmse scores regression, but the task is classification; choose one of accuracy, "
                + "balanced_accuracy, macro_f1, log_loss, roc_auc", vm.fieldErrorProperty(FormField.METRIC).get());

        // Only the spec reader knows this one; its message, with its JSON path, lands on the metric.
        step.metricProperty().set(Metric.ROC_AUC);
        assertEquals("$.objective.options.metric: roc_auc needs two classes, but the target 'species' has 3",
                vm.fieldErrorProperty(FormField.METRIC).get());
        assertFalse(vm.canCreateProperty().get());

        step.metricProperty().set(Metric.LOG_LOSS);
        assertEquals(Direction.MINIMIZE, vm.directionProperty().get(), "the direction follows the metric");
        assertTrue(vm.canCreateProperty().get());
    }

    // ------------------------------------------------------------------ files

    @Test
    void saveThenLoadRoundTripsADatasetSpecAndReadsThePreviewAgain() throws Exception {
        step.choose(IRIS);
        step.validation().kindProperty().set(Validation.Kind.HOLDOUT);
        step.validation().testFractionProperty().set("0.25");
        step.metricProperty().set(Metric.MACRO_F1);
        step.modelProperty().set("gradient_boosting");
        vm.params().remove(vm.params().size() - 1);
        StudySpec saved = vm.toSpec().orElseThrow();
        Path file = dir.resolve("iris.json");
        vm.saveTo(file);

        NewStudyViewModel other = new NewStudyViewModel(new ImmediateTaskExecutor());
        other.loadFrom(file);

        assertNull(other.specFiles().errorProperty().get());
        DatasetStepViewModel loaded = other.datasetStep();
        assertEquals(ObjectiveKind.DATASET, other.objectiveKindProperty().get());
        assertEquals(IRIS.toAbsolutePath(), loaded.preview().fileProperty().get());
        assertEquals(DatasetStepViewModel.PREVIEW_ROWS, loaded.preview().rows().size());
        assertEquals("species", loaded.targetProperty().get());
        assertEquals(Validation.Kind.HOLDOUT, loaded.validation().kindProperty().get());
        assertEquals("0.25", loaded.validation().testFractionProperty().get());
        assertEquals(Metric.MACRO_F1, loaded.metricProperty().get());
        assertEquals("gradient_boosting", loaded.modelProperty().get());
        assertEquals(names(vm), names(other));
        assertEquals(saved, other.toSpec().orElseThrow());
    }

    @Test
    void theSampleSpecFillsTheDatasetStep() {
        vm.loadFrom(Path.of("sample-projects/iris-random-forest-hyperband/spec.json"));

        assertNull(vm.specFiles().errorProperty().get());
        assertEquals(IRIS.toAbsolutePath(), step.preview().fileProperty().get());
        assertEquals(List.of("max_depth", "min_split", "min_leaf"), names(), "the spec's space, not the preset");
        assertEquals("iris-random-forest-hyperband", vm.nameProperty().get());
        assertEquals(162, vm.toSpec().orElseThrow().maxResource());
        assertEquals(List.of(), vm.problems());
    }

    @Test
    void theSpecIsCheckedWithoutReadingTheFileAgain() throws Exception {
        Path copy = Files.copy(IRIS, dir.resolve("iris.csv"));
        step.choose(copy);
        Files.delete(copy);

        // Each check uses the dataset in memory; the file is gone, and the form is still fine.
        step.validation().foldsProperty().set("3");
        assertTrue(vm.canCreateProperty().get(), vm.problems().toString());
        assertEquals(3L, ((Map<?, ?>) vm.toSpec().orElseThrow().objective().options().get("validation"))
                .get("folds"));
    }

    // ------------------------------------------------------------------ helpers

    Path regressionCsv() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i * 0.25).append(',').append(Math.sin(i)).append(',').append(i * 0.7 + Math.cos(i)).append('\n');
        }
        return Files.writeString(dir.resolve("wave.csv"), csv);
    }

    List<String> names() {
        return names(vm);
    }

    static List<String> names(NewStudyViewModel form) {
        List<String> n = new ArrayList<>();
        form.params().forEach(r -> n.add(r.name()));
        return n;
    }
}
