package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Columns that look like identifiers are left out with a note, and the rest trains. */
class IdentifierColumnsTest extends DatasetFiles {
    static final Path IRIS = Path.of("src/test/resources/datasets/iris.csv");

    /** Iris with a first column {@code name} whose value in data row {@code r} (0-based) is {@code cell(r)}. */
    static String irisWith(String name, IntFunction<String> cell) throws IOException {
        List<String> lines = Files.readAllLines(IRIS);
        StringBuilder csv = new StringBuilder(name).append(',').append(lines.get(0)).append('\n');
        for (int r = 1; r < lines.size(); r++) {
            csv.append(cell.apply(r - 1)).append(',').append(lines.get(r)).append('\n');
        }
        return csv.toString();
    }

    static Dataset iris() {
        return DatasetLoader.load(IRIS, DatasetLoader.Options.defaults());
    }

    @Test
    void irisWithATextIdColumnStillLoadsWithItsFourFeatures() throws IOException {
        Dataset d = load(irisWith("id", r -> String.format("flower-%03d", r + 1)));
        assertEquals(List.of("left out: id (looks like an identifier: 150 distinct values in 150 rows)"), d.notes());
        assertEquals(iris().featureNames(), d.featureNames());
        assertArrayEquals(iris().x(), d.x());
        assertEquals("id", d.columns().get(0).name(), "the column is still one of the file's columns");
    }

    @Test
    void aColumnNamedLikeAnIdThatCountsTheRowsIsLeftOut() throws IOException {
        Dataset fromOne = load(irisWith("id", r -> Integer.toString(r + 1)));
        assertEquals(List.of("left out: id (looks like an identifier: it numbers the rows 1 to 150)"),
                fromOne.notes());
        assertEquals(4, fromOne.features());
        Dataset fromZero = load(irisWith("PassengerId", r -> Integer.toString(r)));
        assertEquals(List.of("left out: PassengerId (looks like an identifier: it numbers the rows 0 to 149)"),
                fromZero.notes());
        for (String name : List.of("index", "row_id", "No", "order id", "ID")) {
            assertEquals(4, load(irisWith(name, r -> Integer.toString(r + 1))).features(), name);
        }
    }

    @Test
    void wholeNumbersStayFeaturesUnlessBothTheNameAndTheRowCountSayIdentifier() throws IOException {
        // Counting the rows, but not named like an identifier ("paid", "valid" end in "id").
        for (String name : List.of("a", "paid", "valid", "age")) {
            Dataset d = load(irisWith(name, r -> Integer.toString(r + 1)));
            assertEquals(5, d.features(), name);
            assertEquals(List.of(), d.notes(), name);
        }
        // Named "id", but not the row number: a code that may carry information.
        assertEquals(5, load(irisWith("id", r -> Integer.toString((r * 7) % 150 + 1))).features());
        assertEquals(5, load(irisWith("id", r -> Integer.toString(r + 2))).features(), "starts at 2");
        assertEquals(5, load(irisWith("id", r -> r == 3 ? "" : Integer.toString(r + 1))).features(), "a gap");
    }

    @Test
    void fewDistinctTextValuesAreCategoriesEvenWhenEveryRowDiffers() throws IOException {
        Dataset d = load("name,a,y\nann,1,p\nbob,2,q\ncy,3,p\ndee,4,q\n");
        assertEquals(List.of("name=ann", "name=bob", "name=cy", "name=dee", "a"), d.featureNames());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void theReferenceDatasetsKeepEveryFeature() {
        for (Path f : List.of(IRIS, Path.of("src/test/resources/datasets/wine.csv"),
                Path.of("src/test/resources/datasets/breast_cancer.csv"),
                Path.of("src/test/resources/datasets/diabetes.csv"),
                Path.of("sample-projects/digits-mlp-bohb/digits.csv"))) {
            Dataset d = DatasetLoader.load(f, DatasetLoader.Options.defaults());
            assertEquals(d.columns().size() - 1, d.features(), f.toString());
            assertEquals(List.of(), d.notes(), f.toString());
        }
    }

    @Test
    void anIgnoredIdentifierNeedsNoNote() throws IOException {
        Dataset d = load(irisWith("id", r -> "f" + r), DatasetLoader.Options.defaults().withIgnore(List.of("id")));
        assertEquals(List.of(), d.notes());
        assertEquals(4, d.features());
    }

    @Test
    void theTargetIsNeverLeftOut() throws IOException {
        StringBuilder csv = new StringBuilder("a,name\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i % 3).append(",person").append(i).append('\n');
        }
        Dataset d = load(csv.toString());
        assertEquals("name", d.target());
        assertEquals(60, d.classes().size());
    }

    @Test
    void aFileOfAnIdentifierAndTheTargetSaysWhatWasLeftOut() throws IOException {
        List<String> rows = new ArrayList<>(List.of("id,y"));
        for (int i = 1; i <= 10; i++) {
            rows.add(i + "," + (i % 2 == 0 ? "p" : "q"));
        }
        fails(String.join("\n", rows), "no feature columns besides the target 'y'", "left out as identifiers: id");
    }
}
