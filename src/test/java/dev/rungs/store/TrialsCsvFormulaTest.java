package dev.rungs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as formulas are written inert, and read back as they were. */
class TrialsCsvFormulaTest {
    static final List<String> DANGEROUS = List.of("=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)",
            "\tcmd", "\rcmd", "'=already marked", "''-x", "-Infinity");
    static final SearchSpace SPACE = SearchSpace.builder()
            .floatParam("x", -10, 10)
            .intParam("n", -5, 5)
            .categorical("choice", DANGEROUS.toArray())
            .categorical("signed", -1, 1)
            .build();

    private static Trial trial(int n, String choice, String attr) {
        Config c = SPACE.validate(Map.of("x", -1.5, "n", -3L, "choice", choice, "signed", -1));
        Instant t = Instant.parse("2025-01-02T03:04:05Z");
        return Trial.running(n, c, Map.of(Trial.USER_ATTR_PREFIX + "note", attr), t).withValue(-2.5e-3)
                .withState(TrialState.COMPLETE, t.plusSeconds(1));
    }

    private static List<Trial> trials() {
        List<Trial> list = new java.util.ArrayList<>();
        for (int i = 0; i < DANGEROUS.size(); i++) {
            list.add(trial(i, DANGEROUS.get(i), DANGEROUS.get(DANGEROUS.size() - 1 - i)));
        }
        return list;
    }

    private static String csv() throws IOException {
        StringWriter w = new StringWriter();
        TrialsCsv.write(w, SPACE, trials());
        return w.toString();
    }

    @Test
    void noTextCellStartsWithAFormulaCharacterAndNumbersStayNumbers() throws IOException {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv())).getRecords();
        assertEquals(DANGEROUS.size(), rows.size());
        for (CSVRecord r : rows) {
            for (String column : List.of("params_choice", "user_attrs_note")) {
                String cell = r.get(column);
                assertFalse(cell.matches("(?s)[=+\\-@\t\r].*"), column + " would run: " + cell);
                assertTrue(cell.startsWith("'"), cell);
            }
            assertEquals("-1.5", r.get("params_x"), "a negative float stays a number");
            assertEquals("-3", r.get("params_n"), "a negative integer stays a number");
            assertEquals("-1", r.get("params_signed"), "a numeric choice stays a number");
            assertEquals("-0.0025", r.get("value"), "a negative value stays a number");
        }
        assertEquals("'=HYPERLINK(\"http://x\")", rows.get(0).get("params_choice"));
        assertEquals("'''-x", rows.get(7).get("params_choice"), "marks already there get one more");
    }

    @Test
    void readGivesBackEveryCellAsItWas() throws IOException {
        List<TrialsCsv.Row> rows = TrialsCsv.read(new StringReader(csv()), SPACE);
        List<Trial> trials = trials();
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(trials.get(i).config(), rows.get(i).config(), "row " + i);
            assertEquals(trials.get(i).attrs(), rows.get(i).attrs(), "row " + i);
            assertEquals(-2.5e-3, rows.get(i).value().getAsDouble());
        }
    }
}
