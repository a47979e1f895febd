package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rungs.spec.SpecReader;
import dev.rungs.store.StudyStore;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The method comparison sample: its specs run through the CLI into one store, one study per method. */
class MethodComparisonSampleTest {
    static final Path SAMPLE = Path.of("sample-projects", "method-comparison");
    static final int TRIALS = 8;

    @TempDir
    Path dir;

    @Test
    void everyMethodRunsTheSameProblemIntoOneStore() throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.list(SAMPLE)) {
            specs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(3, specs.size(), specs.toString());
        Path db = dir.resolve("compare.db");
        for (Path spec : specs) {
            StringWriter err = new StringWriter();
            CommandLine cl = RungsCli.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            int status = cl.execute("run", spec.toString(), "--db", db.toString(), "--trials",
                    Integer.toString(TRIALS), "-q");
            assertEquals(0, status, err.toString());
        }
        try (StudyStore store = SqliteStudyStore.open(db)) {
            for (Path spec : specs) {
                String name = SpecReader.read(spec).name();
                var study = store.findStudy(name).orElseThrow();
                assertEquals(TRIALS, store.trials(study.id()).stream()
                        .filter(t -> t.state() == TrialState.COMPLETE && t.value().isPresent()).count(), name);
            }
            assertEquals(List.of("random", "sobol", "tpe"),
                    specs.stream().map(p -> {
                        try {
                            return SpecReader.read(p).sampler().type();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList());
        }
    }
}
