package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end, on a temporary database. */
class CliTest {
    @TempDir
    Path dir;

    record Outcome(int status, String out, String err) {
    }

    Outcome rungs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RungsCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    Path spec(String json) throws IOException {
        Path f = dir.resolve("spec.json");
        Files.writeString(f, json);
        return f;
    }

    String db() {
        return dir.resolve("studies.db").toString();
    }

    static final String BRANIN = """
            {"name": "b", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "tpe"}, "budget": {"trials": 30}, "seed": 3}""";

    @Test
    void runWritesTheStudyAndItsCsvThenListShowExportAndDeleteFindIt() throws IOException {
        Path csv = dir.resolve("trials.csv");
        Outcome run = rungs("run", spec(BRANIN).toString(), "--db", db(), "--csv", csv.toString(), "-q");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("trials    30 (30 complete)"), run.out());
        assertTrue(run.out().contains("best      "), run.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(31, lines.size(), "header and 30 rows");
        assertEquals("number,value,datetime_start,datetime_complete,duration,params_x1,params_x2,state", lines.get(0));

        Outcome list = rungs("list", "--db", db());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("b ") && l.contains("finished") && l.contains(" 30 ")),
                list.out());

        Outcome show = rungs("show", "b", "--db", db());
        assertTrue(show.out().contains("trials    30 (30 complete)"), show.out());
        assertTrue(show.out().contains("seed      3"), show.out());

        Path exported = dir.resolve("export.csv");
        assertEquals(0, rungs("export", "b", "--db", db(), "--csv", exported.toString()).status());
        assertEquals(lines, Files.readAllLines(exported));

        Outcome again = rungs("run", spec(BRANIN).toString(), "--db", db(), "-q");
        assertEquals(2, again.status());
        assertTrue(again.err().contains("a study named 'b' already exists"), again.err());

        assertEquals(0, rungs("delete", "b", "--db", db()).status());
        assertTrue(rungs("list", "--db", db()).out().startsWith("no studies"));
    }

    @Test
    void resumeContinuesAStudyAndKeepsItsTrials() throws IOException {
        Path first = dir.resolve("first.csv");
        assertEquals(0, rungs("run", spec(BRANIN).toString(), "--db", db(), "--trials", "12", "-q", "--csv",
                first.toString()).status());
        Outcome atBudget = rungs("resume", "b", "--db", db(), "-q");
        assertEquals(0, atBudget.status(), atBudget.err());
        assertTrue(atBudget.out().contains("trials    12 (12 complete)"), "already at its budget: " + atBudget.out());

        Outcome more = rungs("resume", "b", "--db", db(), "--trials", "20", "-q");
        assertEquals(0, more.status(), more.err());
        assertTrue(more.out().contains("trials    20 (20 complete)"), more.out());
        Path after = dir.resolve("after.csv");
        rungs("export", "b", "--db", db(), "--csv", after.toString());
        List<String> before = Files.readAllLines(first);
        assertEquals(before, Files.readAllLines(after).subList(0, 13), "the first 12 trials are unchanged");
    }

    @Test
    void aBadSpecGivesOneLineWithThePathAndRunsNothing() throws IOException {
        Path file = spec("""
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": -1}}""");
        Outcome r = rungs("run", file.toString(), "--db", db());
        assertEquals(2, r.status());
        assertEquals("rungs: bad spec: " + file + ": $.budget.trials: must be a positive number of trials",
                r.err().strip());
        assertTrue(rungs("list", "--db", db()).out().startsWith("no studies"));
    }

    @Test
    void aMissingSpecFileOrStudySaysSo() {
        Outcome r = rungs("run", dir.resolve("nope.json").toString(), "--db", db());
        assertEquals(2, r.status(), "a missing spec file is bad input");
        assertTrue(r.err().contains("spec file not found"), r.err());
        Outcome s = rungs("show", "ghost", "--db", db());
        assertEquals(2, s.status());
        assertTrue(s.err().contains("no study named 'ghost'"), s.err());
    }
}
