package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Broken CSV quoting is told in a person's words, with the line, never in commons-csv's. */
class CsvSyntaxMessagesTest extends DatasetFiles {
    @Test
    void aQuoteThatIsNeverClosedNamesTheLineItStartsOn() throws IOException {
        String msg = fails("a,b,y\n1,\"2,3\n4,5,6\n", "data.csv", "quoted cell that starts on line 2 is never closed");
        assertFalse(msg.contains("encapsulated"), msg);
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() throws IOException {
        String msg = fails("a,b,y\n1,2,0\n1,\"2\"x,1\n", "data.csv", "on line 3 a quoted cell is followed by more text");
        assertFalse(msg.contains("encapsulated"), msg);
    }
}
