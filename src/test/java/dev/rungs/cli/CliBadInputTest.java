package dev.rungs.cli;

import static dev.rungs.cli.CliRun.rungs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Mistakes at the command line (arguments, options, files, databases): each gives exit status 2
 * and one line that names the option or file and the problem, never a stack trace. Nothing
 * that is refused changes a file.
 */
class CliBadInputTest {
    @TempDir
    static Path dir;
    static Path spec;
    static Path db;
    static Path text;
    static Path existing;
    static Path binarySpec;

    @BeforeAll
    static void aDatabaseWithOneStudyAndSomeFilesThatAreNot() throws IOException {
        spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"name": "b", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 3}, "seed": 1}""");
        db = dir.resolve("studies.db");
        assertEquals(0, rungs("run", spec.toString(), "--db", db.toString(), "-q").status());
        text = dir.resolve("notes.txt");
        Files.writeString(text, "shopping list\n");
        existing = dir.resolve("existing.csv");
        Files.writeString(existing, "keep me\n");
        binarySpec = dir.resolve("picture.json");
        Files.write(binarySpec, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe, 0, 1});
        Files.createDirectories(dir.resolve("a-folder"));
        Files.createFile(dir.resolve("empty.db"));
    }

    static String p(String name) {
        return dir.resolve(name).toString();
    }

    static Arguments bad(String what, String[] args, String... mentions) {
        return Arguments.of(what, args, mentions);
    }

    static String[] a(String... args) {
        return args;
    }

    static Stream<Arguments> mistakes() {
        String s = spec.toString();
        String d = db.toString();
        String t = text.toString();
        String e = existing.toString();
        List<Arguments> list = new ArrayList<>(List.of(
                bad("missing spec file", a("run", p("nope.json"), "--db", d), "nope.json", "not found"),
                bad("spec is a folder", a("run", p("a-folder"), "--db", d), "a-folder", "is a folder"),
                bad("spec is not text", a("run", binarySpec.toString(), "--db", d), "picture.json", "not a text file"),
                bad("no spec argument", a("run", "--db", d), "SPEC", "Missing"),
                bad("--workers 0", a("run", s, "--db", d, "--workers", "0"), "--workers", "between 1 and 256", "0"),
                bad("--workers -2", a("run", s, "--db", d, "--workers", "-2"), "--workers", "-2"),
                bad("--workers 100000", a("run", s, "--db", d, "--workers", "100000"), "--workers", "100000"),
                bad("--workers abc", a("run", s, "--db", d, "--workers", "abc"), "--workers", "'abc' is not an int"),
                bad("--trials 0", a("run", s, "--db", d, "--trials", "0"), "--trials", "at least 1"),
                bad("--trials -1", a("run", s, "--db", d, "--trials", "-1"), "--trials", "-1"),
                bad("--trials 1.5", a("run", s, "--db", d, "--trials", "1.5"), "--trials", "1.5"),
                bad("--trials too big", a("run", s, "--db", d, "--trials", "99999999999"), "--trials", "99999999999"),
                bad("--seed x", a("run", s, "--db", d, "--seed", "x"), "--seed", "'x'"),
                bad("unknown option", a("run", s, "--db", d, "--frob"), "--frob", "Unknown option"),
                bad("option without value", a("run", s, "--db"), "--db", "Missing required parameter"),
                bad("unknown command", a("frobnicate"), "frobnicate", "Unmatched argument"),
                bad("extra argument", a("list", "--db", d, "extra"), "extra"),
                bad("--db is a folder", a("run", s, "--db", p("a-folder")), "a-folder", "is a folder"),
                bad("--db is a text file", a("run", s, "--db", t), "notes.txt", "not a Rungs database"),
                bad("study exists", a("run", s, "--db", d), "'b'", "already exists", "studies.db"),
                bad("csv folder missing", a("run", s, "--db", d, "--name", "c", "--csv", p("no/such/t.csv")),
                        "t.csv", "does not exist"),
                bad("run csv onto the db", a("run", s, "--db", d, "--name", "c", "--csv", d), "studies.db",
                        "study database"),
                bad("run csv onto a file", a("run", s, "--db", d, "--name", "c", "--csv", e), "existing.csv", "--force"),
                bad("run csv is a folder", a("run", s, "--db", d, "--name", "c", "--csv", p("a-folder")), "a-folder",
                        "is a folder"),
                bad("resume unknown study", a("resume", "ghost", "--db", d, "-q"), "'ghost'", "studies.db"),
                bad("resume --retries -1", a("resume", "b", "--db", d, "--retries", "-1"), "--retries", "-1"),
                bad("resume --workers 0", a("resume", "b", "--db", d, "--workers", "0"), "--workers", "0"),
                bad("resume on a missing db", a("resume", "b", "--db", p("typo.db")), "typo.db", "no Rungs database"),
                bad("show unknown study", a("show", "ghost", "--db", d), "'ghost'", "studies.db", "rungs list"),
                bad("show on a text file", a("show", "b", "--db", t), "notes.txt", "not a Rungs database"),
                bad("show on an empty file", a("show", "b", "--db", p("empty.db")), "empty.db", "empty"),
                bad("show without a study", a("show", "--db", d), "STUDY", "Missing"),
                bad("export without --csv", a("export", "b", "--db", d), "--csv", "Missing"),
                bad("export onto the db", a("export", "b", "--db", d, "--csv", d), "studies.db", "study database"),
                bad("export onto its -wal", a("export", "b", "--db", d, "--csv", d + "-wal"), "-wal",
                        "study database"),
                bad("export onto a file", a("export", "b", "--db", d, "--csv", e), "existing.csv", "--force"),
                bad("export unknown study", a("export", "ghost", "--db", d, "--csv", p("g.csv")), "'ghost'"),
                bad("list on a folder", a("list", "--db", p("a-folder")), "a-folder", "is a folder"),
                bad("list on a text file", a("list", "--db", t), "notes.txt", "not a Rungs database"),
                bad("delete unknown study", a("delete", "ghost", "--db", d), "'ghost'", "studies.db"),
                bad("delete on a missing db", a("delete", "b", "--db", p("typo2.db")), "typo2.db")));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineWithExitStatusTwoAndChangesNothing(String what, String[] args, String[] mentions)
            throws IOException {
        byte[] dbBefore = Files.readAllBytes(db);
        rungs(args).failsWith(RungsCli.BAD_INPUT, mentions);
        assertEquals("keep me\n", Files.readString(existing), what);
        assertTrue(java.util.Arrays.equals(dbBefore, Files.readAllBytes(db)), what + ": the database is unchanged");
        assertFalse(Files.exists(dir.resolve("typo.db")) || Files.exists(dir.resolve("typo2.db")), what);
        assertFalse(Files.exists(dir.resolve("no")), what + ": no folder was created");
    }

    @Test
    void atLeastThirtyMistakesAreChecked() {
        assertTrue(mistakes().count() >= 30);
    }

    @Test
    void theHelpOfEveryCommandGivesTheExitStatuses() {
        for (String command : List.of("run", "resume", "list", "show", "export", "delete")) {
            CliRun.Outcome help = rungs("help", command);
            assertEquals(0, help.status());
            assertTrue(help.out().contains("Exit status: 0 done, 1 the run failed"), command + ": " + help.out());
        }
        assertTrue(rungs("--help").out().contains("2 bad input"));
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the engine lost\ntrack of trial 3");
        }
    }

    @Test
    void anUnexpectedFailureIsOneLineWithExitStatusOneAndItsDetailsInTheLog() throws IOException {
        Path log = dir.resolve("rungs.log");
        RungsCli.logTo(log);
        try {
            CommandLine cl = RungsCli.commandLine().addSubcommand(new Boom());
            CliRun.Outcome r = rungs(cl, "boom");
            assertEquals(RungsCli.FAILED, r.status());
            assertEquals("rungs: internal error: IllegalStateException: the engine lost; track of trial 3; details in "
                    + log, r.err().strip());
            String details = Files.readString(log);
            assertTrue(details.contains("\tat ") && details.contains("Boom.call"), details);
        } finally {
            RungsCli.logTo(null);
        }
    }
}
