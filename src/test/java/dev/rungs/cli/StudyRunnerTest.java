package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.engine.StudyResult;
import dev.rungs.engine.Tuner;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudyFactory;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.InMemoryStudyStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a study from the command line: what is printed besides the progress line. */
class StudyRunnerTest {
    @TempDir
    Path dir;

    @Test
    void theDatasetNotesArePrintedBeforeAnyProgress() throws Exception {
        List<String> iris = Files.readAllLines(Path.of("sample-projects/iris-random-forest-hyperband/iris.csv"));
        StringBuilder csv = new StringBuilder("id,").append(iris.get(0)).append('\n');
        for (int r = 1; r < iris.size(); r++) {
            csv.append("flower-").append(r).append(',').append(iris.get(r)).append('\n');
        }
        Files.writeString(dir.resolve("iris-with-id.csv"), csv);
        StudySpec spec = SpecReader.parse("""
                {"name": "n", "objective": {"type": "dataset", "options": {
                  "file": "iris-with-id.csv", "model": "knn", "validation": {"kind": "holdout"}}},
                 "sampler": {"type": "random"}, "budget": {"trials": 2}, "seed": 1}""", dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StudyResult result;
        try (Tuner tuner = StudyFactory.createTuner(spec, new InMemoryStudyStore(), "test")) {
            result = StudyRunner.run(tuner, spec, false, new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        assertEquals(2, result.trials().size());
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith(
                "iris-with-id.csv: left out: id (looks like an identifier: 150 distinct values in 150 rows)\n"),
                printed);
    }
}
