package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message quotes a short prefix of a huge cell or name, never the whole of it. */
class LongCellMessagesTest extends DatasetFiles {
    static final String HUGE = "x".repeat(200_000);

    /** 20 rows of a numeric column {@code b}; data row 8 (line 9) holds {@code cell}. */
    static String numbersWith(String cell) {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i == 7 ? cell : Integer.toString(i * 2)).append(',')
                    .append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        return csv.toString();
    }

    static void isShort(String message) {
        assertTrue(message.length() < 200, message.length() + " characters: " + message);
    }

    @Test
    void aHugeTextCellInANumericColumn() throws IOException {
        String m = fails(numbersWith(HUGE), "data.csv line 9, column 'b'",
                "the text '" + "x".repeat(Quoted.PREFIX) + "…' (200000 characters)");
        isShort(m);
    }

    @Test
    void aHugeNumber() throws IOException {
        String m = fails(numbersWith("1" + "0".repeat(200_000)), "data.csv line 9, column 'b'", "too large",
                "(200001 characters)");
        isShort(m);
    }

    @Test
    void aHugeColumnName() throws IOException {
        isShort(fails(HUGE + ",a," + HUGE + "\n1,2,3\n", "appears twice", "columns 1 and 3"));
        isShort(fails("a," + HUGE + ",y\n1,oops,p\n" + "2,3,q\n".repeat(20), "line 2", "column 'xxx", "'oops'"));
    }

    @Test
    void aHugeOnlyClassOrTarget() throws IOException {
        isShort(fails("a,y\n1," + HUGE + "\n2," + HUGE + "\n", "only one class ('xxx"));
        isShort(fails("a,y\n1,p\n", DatasetLoader.Options.defaults().withTarget(HUGE), "target column 'xxx",
                "columns: a, y"));
    }

    @Test
    void aLongListOfColumnsIsCut() throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            names.add("column_number_" + i);
        }
        String header = String.join(",", names);
        String m = fails(header + "\n" + header.replaceAll("column_number_", "") + "\n",
                DatasetLoader.Options.defaults().withTarget("label"), "target column 'label'", "column_number_19",
                "and 80 more");
        assertTrue(m.length() < 500, m);
    }
}
