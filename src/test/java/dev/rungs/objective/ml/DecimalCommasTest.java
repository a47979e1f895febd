package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semicolon files with decimal commas are read as numbers, or refused saying "decimal comma". */
class DecimalCommasTest extends DatasetFiles {

    /** Iris as a European spreadsheet saves it: ';' between cells, ',' before the decimals. */
    static String europeanIris() throws IOException {
        return Files.readString(IdentifierColumnsTest.IRIS).replace(',', ';').replace('.', ',');
    }

    @Test
    void irisWithDecimalCommasHasTheValuesOfTheDotVersion() throws IOException {
        Dataset dots = IdentifierColumnsTest.iris();
        Dataset commas = load(europeanIris());
        assertEquals(dots.featureNames(), commas.featureNames());
        assertArrayEquals(dots.x(), commas.x());
        assertArrayEquals(dots.y(), commas.y());
        assertEquals(dots.classes(), commas.classes());
        assertEquals(ColumnType.NUMERIC, commas.columns().get(0).type());
        assertEquals(List.of("decimal commas read as numbers in sepal_length, sepal_width, petal_length, petal_width"),
                commas.notes());
    }

    @Test
    void theFirstRowsAreShownAsTheFileHasThem() throws IOException {
        DatasetLoader.Loaded l = DatasetLoader.loadWithFirstRows(write(europeanIris()), DatasetLoader.Options.defaults(),
                1);
        assertEquals(List.of("5,1", "3,5", "1,4", "0,2", "setosa"), l.firstRows().get(0));
    }

    @Test
    void withoutAHeaderDecimalCommasAreStillData() throws IOException {
        Dataset d = load("5,1;3,5;a\n4,9;3;b\n4,7;3,2;a\n");
        assertEquals("column_3", d.target());
        assertEquals(3, d.rows());
        assertArrayEquals(new double[] {4.9, 3}, d.x()[1]);
    }

    @Test
    void aRegressionTargetWithDecimalCommas() throws IOException {
        Dataset d = load("a;y\n1;0,5\n2;1,5\n3;2,25\n4;-0,75\n5;,5\n");
        assertEquals(Task.REGRESSION, d.task());
        assertArrayEquals(new double[] {0.5, 1.5, 2.25, -0.75, 0.5}, d.y());
    }

    @Test
    void thousandsSeparatorsAreRefusedSayingDecimalComma() throws IOException {
        // 60 distinct text values: read as text this column would "look like an identifier".
        StringBuilder csv = new StringBuilder("price;y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(1000 + i * 17).append(",5;").append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        String ok = csv.toString();
        assertEquals(List.of("price"), load(ok).featureNames());
        String bad = ok.replace("1034,5", "1.034,5");
        String m = fails(bad, "data.csv line 4, column 'price'", "'1.034,5'", "thousands separators", "decimal comma");
        assertFalse(m.contains("identifier"), m);
        fails(ok.replace("1034,5", "1,034.5"), "line 4", "'1,034.5'", "decimal comma");
    }

    @Test
    void pointsAndCommasInOneColumnAreRefusedSayingDecimalComma() throws IOException {
        StringBuilder csv = new StringBuilder("a;b;y\n");
        for (int i = 0; i < 60; i++) {
            csv.append(i).append(';').append(i).append(i == 30 ? "." : ",").append("25;")
                    .append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        String m = fails(csv.toString(), "line 32, column 'b'", "'30.25' has a decimal point", "line 2 has a decimal comma",
                "'0,25'");
        assertFalse(m.contains("identifier"), m);
    }

    @Test
    void textWithCommasStaysText() throws IOException {
        Dataset d = load("name;a;y\nSmith, Ann;1;p\nLee, Bo;2;q\nSmith, Ann;3;p\n");
        assertEquals(List.of("name=Lee, Bo", "name=Smith, Ann", "a"), d.featureNames());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void aWordAmongDecimalCommasIsATypingError() throws IOException {
        StringBuilder csv = new StringBuilder("a;y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i == 5 ? "oops" : i + ",5").append(';').append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        fails(csv.toString(), "line 7", "column 'a'", "in a column of numbers", "'oops'");
    }

    @Test
    void onlySemicolonFilesHaveDecimalCommas() throws IOException {
        // In a tab file "1,5" may as well be fifteen hundred (a thousands separator): text, as before.
        Dataset d = load("a\tb\ty\n1,5\t1\tp\n2,5\t2\tq\n");
        assertEquals(ColumnType.CATEGORICAL, d.columns().get(0).type());
        assertEquals(List.of(), d.notes());
    }

    @Test
    void anIgnoredColumnIsNotChecked() throws IOException {
        Dataset d = load("a;b;y\n1,5;1.234,5;p\n2,5;2;q\n", DatasetLoader.Options.defaults().withIgnore(List.of("b")));
        assertEquals(List.of("a"), d.featureNames());
    }
}
