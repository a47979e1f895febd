package dev.rungs.objective.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's progress hook: reports as it reads, and a cancel from it stops the read. */
class DatasetLoaderProgressTest {
    @TempDir
    Path dir;

    Path csv(int rows) throws Exception {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++) {
            s.append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), s);
    }

    @Test
    void progressIsReportedEveryThousandRowsAndAtTheEnd() throws Exception {
        List<Long> rows = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        DatasetLoader.Loaded loaded = DatasetLoader.loadWithFirstRows(csv(2_500), DatasetLoader.Options.defaults(), 3,
                (n, f) -> {
                    rows.add(n);
                    fractions.add(f);
                });

        assertEquals(2_500, loaded.dataset().rows());
        assertEquals(3, loaded.firstRows().size());
        assertEquals(List.of(1_000L, 2_000L, 2_501L), rows, "the header row is a row read too");
        assertTrue(fractions.get(0) > 0.3 && fractions.get(0) < 0.5, fractions.toString());
        assertTrue(fractions.get(1) > fractions.get(0), fractions.toString());
        assertEquals(1.0, fractions.get(2));
    }

    @Test
    void aCancelFromTheProgressStopsTheReadAndIsNotTakenForABadFile() throws Exception {
        List<Long> rows = new ArrayList<>();
        Path file = csv(5_000);
        assertThrows(CancellationException.class, () -> DatasetLoader.loadWithFirstRows(file,
                DatasetLoader.Options.defaults(), 0, (n, f) -> {
                    rows.add(n);
                    throw new CancellationException("cancelled");
                }));
        assertEquals(List.of(1_000L), rows);
    }

    @Test
    void theLoaderWithoutAHookReadsAsBefore() throws Exception {
        assertEquals(2_500, DatasetLoader.load(csv(2_500), DatasetLoader.Options.defaults()).rows());
    }
}
