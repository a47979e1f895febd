package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.spec.Methods;
import dev.rungs.spec.SpecReader;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.sqlite.SqliteStudyStore;
import dev.rungs.store.StudyRecord;
import dev.rungs.store.StudyStore;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every sample project runs through the CLI at a reduced budget, and its trials land in the store. */
class SampleProjectsTest {
    static final int TRIALS = 15;

    @TempDir
    Path dir;

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("sample-projects"))) {
            List<Path> specs = s.map(p -> p.resolve("spec.json")).filter(Files::isRegularFile).sorted().toList();
            assertFalse(specs.isEmpty(), "sample-projects/ should hold samples");
            return specs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void runsAndStoresItsTrials(Path spec) throws IOException {
        SampleSkips.skipIfItCannotRunHere(spec);
        Path db = dir.resolve("samples.db");
        StringWriter err = new StringWriter();
        CommandLine cl = RungsCli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("run", spec.toString(), "--db", db.toString(), "--trials", Integer.toString(TRIALS),
                "-q");
        assertEquals(0, status, err.toString());
        StudySpec read = SpecReader.read(spec);
        try (StudyStore store = SqliteStudyStore.open(db)) {
            StudyRecord s = store.findStudy(read.name()).orElseThrow();
            List<Trial> trials = store.trials(s.id());
            assertEquals(TRIALS, trials.size());
            if (Methods.HYPERBAND_FAMILY.contains(read.scheduler().type())) {
                // Fifteen configurations fill part of the first rung: each has run at its rung's budget and
                // waits (PAUSED) for the rung to be decided, or was already decided about.
                for (Trial t : trials) {
                    assertTrue(t.state() == TrialState.PAUSED || t.state() == TrialState.PRUNED
                            || t.state() == TrialState.COMPLETE, t.toString());
                    assertTrue(t.attrs().keySet().containsAll(List.of("bracket", "rung", "budget")), t.toString());
                    assertEquals(Long.parseLong(t.attrs().get("budget")), t.lastStep(), "ran to its rung's budget");
                }
            } else {
                assertEquals(TRIALS, trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count());
            }
        }
    }
}
