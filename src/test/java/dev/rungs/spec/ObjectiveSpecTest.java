package dev.rungs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.objective.command.CommandObjective;
import dev.rungs.objective.ml.MlObjective;
import dev.rungs.objective.ml.Validation;
import dev.rungs.study.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dataset and command objectives in specs: defaults, paths relative to the spec, and every mistake named. */
class ObjectiveSpecTest {
    @TempDir
    Path dir;

    @BeforeEach
    void data() throws IOException {
        Files.copy(Path.of("src/test/resources/datasets/iris.csv"), dir.resolve("iris.csv"));
        Files.copy(Path.of("src/test/resources/datasets/diabetes.csv"), dir.resolve("diabetes.csv"));
        Files.writeString(dir.resolve("tiny.csv"), "a,y\n1,p\n2,p\n3,q\n4,q\n5,p\n");
    }

    StudySpec read(String json) throws IOException {
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, json);
        return SpecReader.read(spec);
    }

    @Test
    void aDatasetSpecTakesTheModelsSpaceAndTheMetricsDirection() throws IOException {
        StudySpec s = read("""
                {"name": "iris-rf", "budget": {"trials": 2},
                 "objective": {"type": "dataset", "options": {"file": "iris.csv", "target": "species",
                   "model": "random_forest", "metric": "log_loss",
                   "validation": {"kind": "kfold", "folds": 3, "seed": 4}}}}""");
        assertEquals(List.of("trees", "max_depth", "min_split", "min_leaf"),
                s.space().params().stream().map(p -> p.name()).toList());
        assertEquals(Direction.MINIMIZE, s.direction(), "log loss is minimised");
        assertEquals(200, s.maxResource(), "the forest's largest number of trees");
        assertEquals(dir.resolve("iris.csv").toString(), s.objective().options().get("file"),
                "relative to the spec's folder, stored absolute");
        assertEquals(Map.of("kind", "kfold", "folds", 3L, "seed", 4L), s.objective().options().get("validation"));
        MlObjective o = (MlObjective) StudyFactory.createObjective(s);
        assertEquals(Validation.kfold(3, 4), o.validation());
        assertEquals("random_forest", o.family().name());

        StudySpec again = SpecReader.parse(s.toJson());
        assertEquals(s, again, "the stored spec reads back the same");
    }

    @Test
    void datasetDefaultsAreKfoldFiveAccuracyImpute() throws IOException {
        StudySpec s = read("""
                {"name": "d", "budget": {"trials": 2},
                 "objective": {"type": "dataset", "options": {"file": "iris.csv", "model": "knn"}}}""");
        assertEquals(Direction.MAXIMIZE, s.direction());
        assertEquals("impute", s.objective().options().get("missing"));
        assertEquals(Map.of("kind", "kfold", "folds", 5L, "seed", 0L), s.objective().options().get("validation"));
        assertNull(s.objective().options().get("metric"), "the task's default, accuracy");
        assertEquals(1, s.maxResource());
    }

    @Test
    void aSpaceMayNarrowTheModelsParameters() throws IOException {
        StudySpec s = read("""
                {"name": "d", "budget": {"trials": 2},
                 "objective": {"type": "dataset", "options": {"file": "iris.csv", "model": "mlp",
                   "validation": {"kind": "holdout", "test_fraction": 0.25}}},
                 "space": [{"name": "learning_rate", "type": "float", "low": 0.001, "high": 0.1, "log": true},
                           {"name": "momentum", "type": "float", "low": 0.5, "high": 0.95}]}""");
        assertEquals(2, s.space().size());
        assertEquals(Map.of("kind", "holdout", "test_fraction", 0.25, "seed", 0L),
                s.objective().options().get("validation"));
    }

    @Test
    void aCommandSpecResolvesItsFolderAndNeedsASpace() throws IOException {
        StudySpec s = read("""
                {"name": "c", "budget": {"trials": 2}, "max_resource": 9,
                 "objective": {"type": "command", "options": {"command": ["python3", "train.py"],
                   "timeout_seconds": 30, "params_as": ["env", "json"]}},
                 "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1, "log": true}]}""");
        assertEquals(Direction.MINIMIZE, s.direction());
        assertEquals("python3", s.objective().name(), "named after the program");
        assertEquals(dir.toString(), s.objective().options().get("workdir"));
        CommandObjective o = (CommandObjective) StudyFactory.createObjective(s);
        assertEquals(List.of("python3", "train.py"), o.settings().command());
        assertEquals(30, o.settings().timeout().toSeconds());
        assertEquals(java.util.Set.of(CommandObjective.ParamsAs.ENV, CommandObjective.ParamsAs.JSON),
                o.settings().paramsAs());
        assertEquals(s, SpecReader.parse(s.toJson()));

        SpecException e = assertThrows(SpecException.class, () -> read("""
                {"name": "c", "budget": {"trials": 2},
                 "objective": {"type": "command", "options": {"command": ["python3", "train.py"]}}}"""));
        assertEquals("$.space", e.path());
        assertTrue(e.getMessage().contains("no default space"), e.getMessage());
    }

    @Test
    void aRelativeProgramPathIsTheOneInTheWorkingFolder() throws IOException {
        Files.createDirectories(dir.resolve("job"));
        StudySpec s = read("""
                {"name": "c", "budget": {"trials": 2},
                 "objective": {"type": "command", "options": {"command": ["./run.sh", "--fast"], "workdir": "job"}},
                 "space": [{"name": "lr", "type": "float", "low": 0.001, "high": 0.1}]}""");
        assertEquals(List.of(dir.resolve("job/run.sh").toString(), "--fast"), s.objective().options().get("command"));
    }

    /** Each bad dataset or command objective names the path of its mistake and why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing file option     | {"type":"dataset","options":{"model":"knn"}} | $.objective.options.file | is required
            file not found          | {"type":"dataset","options":{"file":"nope.csv","model":"knn"}} | $.objective.options.file | dataset file not found
            missing model           | {"type":"dataset","options":{"file":"iris.csv"}} | $.objective.options.model | is required
            unknown model           | {"type":"dataset","options":{"file":"iris.csv","model":"xgboost"}} | $.objective.options.model | known: random_forest
            unknown option          | {"type":"dataset","options":{"file":"iris.csv","model":"knn","folds":3}} | $.objective.options.folds | unknown field
            unknown target          | {"type":"dataset","options":{"file":"iris.csv","model":"knn","target":"kind"}} | $.objective.options.file | target column 'kind'
            bad task                | {"type":"dataset","options":{"file":"iris.csv","model":"knn","task":"ranking"}} | $.objective.options.task | classification
            bad missing policy      | {"type":"dataset","options":{"file":"iris.csv","model":"knn","missing":"zero"}} | $.objective.options.missing | impute
            unknown metric          | {"type":"dataset","options":{"file":"iris.csv","model":"knn","metric":"auc"}} | $.objective.options.metric | known: accuracy
            metric of another task  | {"type":"dataset","options":{"file":"iris.csv","model":"knn","metric":"rmse"}} | $.objective.options.metric | scores regression
            probabilities needed    | {"type":"dataset","options":{"file":"iris.csv","model":"svm","metric":"log_loss"}} | $.objective.options.metric | class probabilities
            model cannot regress    | {"type":"dataset","options":{"file":"diabetes.csv","model":"logistic_regression"}} | $.objective.options.model | cannot do regression
            bad validation kind     | {"type":"dataset","options":{"file":"iris.csv","model":"knn","validation":{"kind":"loo"}}} | $.objective.options.validation.kind | kfold
            one fold                | {"type":"dataset","options":{"file":"iris.csv","model":"knn","validation":{"kind":"kfold","folds":1}}} | $.objective.options.validation.folds | between 2 and 100
            fraction of one         | {"type":"dataset","options":{"file":"iris.csv","model":"knn","validation":{"kind":"holdout","test_fraction":1}}} | $.objective.options.validation.test_fraction | between 0 and 1
            folds with holdout      | {"type":"dataset","options":{"file":"iris.csv","model":"knn","validation":{"kind":"holdout","folds":3}}} | $.objective.options.validation.folds | not holdout
            class smaller than folds| {"type":"dataset","options":{"file":"tiny.csv","model":"knn"}} | $.objective.options.validation | fewer than the 5 folds
            report_every zero       | {"type":"dataset","options":{"file":"iris.csv","model":"knn","report_every":0}} | $.objective.options.report_every | at least 1
            options not an object   | {"type":"dataset","options":[1]} | $.objective.options | expected an object
            empty command           | {"type":"command","options":{"command":[]}} | $.objective.options.command | must name a program
            command not a list      | {"type":"command","options":{"command":"python3 x.py"}} | $.objective.options.command | expected an array
            missing workdir         | {"type":"command","options":{"command":["x"],"workdir":"nowhere"}} | $.objective.options.workdir | does not exist
            negative timeout        | {"type":"command","options":{"command":["x"],"timeout_seconds":-1}} | $.objective.options.timeout_seconds | positive
            bad params_as           | {"type":"command","options":{"command":["x"],"params_as":["argv"]}} | $.objective.options.params_as[0] | "args", "env" or "json"
            """)
    void aBadObjectiveIsRejectedWithItsPathAndReason(String label, String objective, String path, String why)
            throws IOException {
        String json = "{\"name\":\"a\",\"budget\":{\"trials\":1},\"objective\":" + objective
                + ",\"space\":[{\"name\":\"k\",\"type\":\"int\",\"low\":1,\"high\":3}]}";
        if (objective.contains("\"dataset\"")) {
            json = json.replace(",\"space\":[{\"name\":\"k\",\"type\":\"int\",\"low\":1,\"high\":3}]", "");
        }
        String text = json;
        SpecException e = assertThrows(SpecException.class, () -> read(text));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(why), "message \"" + e.getMessage() + "\" should mention \"" + why + "\"");
    }

    @Test
    void aSpaceWithAParameterTheModelLacksIsRejected() {
        SpecException e = assertThrows(SpecException.class, () -> read("""
                {"name": "d", "budget": {"trials": 2},
                 "objective": {"type": "dataset", "options": {"file": "iris.csv", "model": "knn"}},
                 "space": [{"name": "neighbours", "type": "int", "low": 1, "high": 5}]}"""));
        assertEquals("$.space", e.path());
        assertTrue(e.getMessage().contains("the model knn takes the parameters [k]; unknown: [neighbours]"),
                e.getMessage());
    }
}
