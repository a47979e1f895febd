package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Broken spec files through the real command line: each gives exit status 2 and one line that
 * names the file, the JSON path and the mistake in plain words, and no stack trace.
 */
class CliSpecErrorsTest {
    @TempDir
    Path dir;

    /** A spec that runs; each case breaks one thing in it. */
    static final String GOOD = """
            {"name": "b", "objective": {"type": "benchmark", "name": "branin"},
             "sampler": {"type": "random"}, "budget": {"trials": 3}, "seed": 1}""";

    /** Words from the libraries underneath that a person should never have to read. */
    static final List<String> JARGON = List.of("Exception", "\tat ", "Jackson", "Feature", "`", "(code ",
            "encapsulated", "Input length", "token", "ObjectNode", "StreamReadConstraints");

    record Outcome(int status, String out, String err) {
    }

    Outcome rungs(Path spec) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RungsCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute("run", spec.toString(), "--db", dir.resolve("studies.db").toString(), "-q");
        return new Outcome(status, out.toString(), err.toString());
    }

    Path write(byte[] bytes) throws IOException {
        Path f = dir.resolve("spec.json");
        Files.write(f, bytes);
        return f;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static Stream<Arguments> brokenSpecs() {
        return Stream.of(
                Arguments.of("UTF-16 little-endian with a mark", concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        GOOD.getBytes(StandardCharsets.UTF_16LE)), "$",
                        "the spec is UTF-16 (little-endian) text; save it as UTF-8"),
                Arguments.of("UTF-16 big-endian with a mark", GOOD.getBytes(StandardCharsets.UTF_16), "$",
                        "the spec is UTF-16 (big-endian) text; save it as UTF-8"),
                Arguments.of("UTF-16 little-endian without a mark", GOOD.getBytes(StandardCharsets.UTF_16LE), "$",
                        "the spec is UTF-16 (little-endian) text; save it as UTF-8"),
                Arguments.of("Latin-1", GOOD.replace("\"b\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1),
                        "$", "the spec is not UTF-8 text (line 1 holds bytes that are not"),
                Arguments.of("5000 nested arrays", utf8(GOOD.replace("\"budget\"", "\"space\": " + "[".repeat(5000)
                        + "]".repeat(5000) + ", \"budget\"")), "$",
                        "not valid JSON: arrays and objects are nested more than 100 deep (line 2, column"),
                Arguments.of("NaN", utf8(GOOD.replace("\"seed\": 1", "\"seed\": NaN")), "$",
                        "not valid JSON: NaN is not a number JSON can hold; write a number, or leave the field out"
                                + " (line 2, column 66)"),
                Arguments.of("unterminated string", utf8(GOOD.replace("\"branin\"}", "\"branin}")), "$",
                        "not valid JSON: a string that runs past the end of its line; close it with \", or write a"
                                + " line break as \\n (line 1, column 58)"),
                Arguments.of("unterminated string that pairs with the next", utf8(GOOD.replace("\"random\"}",
                        "\"random}")), "$", "not valid JSON: this string seems to lack its closing \" (it reads"
                                + " \"random}, \") (line 2, column 22)"),
                Arguments.of("string never closed", utf8("{\"name\": \"b"), "$",
                        "not valid JSON: a string that is never closed (its closing \" is missing) (line 1,"
                                + " column 10)"),
                Arguments.of("object never closed", utf8("{\"name\": "), "$",
                        "not valid JSON: the { here is never closed; the document ends before its } (line 1,"
                                + " column 1)"),
                Arguments.of("trailing comma", utf8(GOOD.replace("\"seed\": 1}", "\"seed\": 1,}")), "$",
                        "not valid JSON: a comma before } (a trailing comma); remove it (line 2, column 67)"),
                Arguments.of("trailing comma in an array", utf8(GOOD.replace("\"seed\": 1", "\"seed\": 1,"
                        + " \"space\": [{\"name\": \"x1\", \"type\": \"float\", \"low\": 0, \"high\": 1},]")), "$",
                        "not valid JSON: a comma before ] (a trailing comma); remove it"),
                Arguments.of("comment", utf8(GOOD.replace("\"seed\": 1", "\"seed\": 1 // lucky")), "$",
                        "not valid JSON: a comment, which JSON does not allow; remove it (line 2, column 68)"),
                Arguments.of("single quotes", utf8(GOOD.replace("\"random\"", "'random'")), "$",
                        "not valid JSON: text and field names need double quotes (\"), not single quotes"),
                Arguments.of("a Windows path", utf8(GOOD.replace("\"b\"", "\"C:\\data\"")), "$",
                        "not valid JSON: \\d is not an escape JSON knows; write a backslash as \\\\"),
                Arguments.of("a bare word", utf8(GOOD.replace("1}", "yes}")), "$",
                        "not valid JSON: yes is not a JSON value; text needs double quotes, as in \"yes\""),
                Arguments.of("Python's True", utf8(GOOD.replace("\"random\"}", "\"grid\", \"shuffle\": True}")), "$",
                        "not valid JSON: JSON writes true in lower case, not True"),
                Arguments.of("a missing comma", utf8(GOOD.replace(", \"seed\"", " \"seed\"")), "$",
                        "not valid JSON: expected a comma or } after the value of \"budget\", got '\"'"),
                Arguments.of("two documents", utf8(GOOD + GOOD), "$",
                        "not valid JSON: more after the end of the document, starting with '{'"),
                Arguments.of("duplicate field", utf8(GOOD.replace("\"seed\": 1", "\"seed\": 1, \"seed\": 2")), "$",
                        "Duplicate field \"seed\": a field may appear only once in an object"),
                Arguments.of("empty file", new byte[0], "$", "the spec is empty"),
                Arguments.of("only a byte-order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "$",
                        "the spec is empty"),
                Arguments.of("wrong type for a field", utf8(GOOD.replace("\"seed\": 1", "\"seed\": \"one\"")),
                        "$.seed", "expected a whole number, got the string \"one\""),
                Arguments.of("a number too large", utf8(GOOD.replace("\"budget\"", "\"space\": [{\"name\": \"x1\","
                        + " \"type\": \"float\", \"low\": 0, \"high\": 1e999}], \"budget\"")), "$.space[0].high",
                        "is too large a number"),
                Arguments.of("unknown field", utf8(GOOD.replace("\"seed\"", "\"sede\"")), "$.sede",
                        "unknown field; allowed here: budget, direction, max_resource, name, objective, sampler,"
                                + " scheduler, seed, space, workers"),
                Arguments.of("missing required field", utf8(GOOD.replace("\"budget\": {\"trials\": 3}, ", "")),
                        "$.budget", "is required"),
                Arguments.of("bad parameter range", utf8(GOOD.replace("\"budget\"", "\"space\": [{\"name\": \"x1\","
                        + " \"type\": \"float\", \"low\": 5, \"high\": 1}, {\"name\": \"x2\", \"type\": \"float\","
                        + " \"low\": 0, \"high\": 1}], \"budget\"")), "$.space[0]",
                        "parameter 'x1': low (5.0) must not be greater than high (1.0)"),
                Arguments.of("unknown sampler", utf8(GOOD.replace("\"random\"", "\"annealing\"")), "$.sampler.type",
                        "unknown sampler \"annealing\"; known: random, grid, sobol, tpe, bohb"),
                Arguments.of("a line break in a quoted name", utf8(GOOD.replace("\"random\"", "\"ran\\ndom\"")),
                        "$.sampler.type", "unknown sampler \"ran\\ndom\"; known:"),
                Arguments.of("a setting past the int range", utf8(GOOD.replace("\"random\"}",
                        "\"tpe\", \"n_startup_trials\": 2147483648}")), "$.sampler.n_startup_trials",
                        "must be between -2147483648 and 2147483647"),
                Arguments.of("a setting of the wrong type", utf8(GOOD.replace("\"random\"}",
                        "\"tpe\", \"multivariate\": \"yes\"}")), "$.sampler.multivariate", "expected true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSpecs")
    void aBrokenSpecGivesOneLineNamingTheFileThePathAndTheMistake(String label, byte[] bytes, String path,
            String mistake) throws IOException {
        Path file = write(bytes);
        Outcome r = rungs(file);
        assertEquals(2, r.status(), r.err());
        // The expected text is the whole message, or its start where the rest is a position.
        String expected = "rungs: bad spec: " + file + ": " + path + ": " + mistake;
        assertTrue(r.err().startsWith(expected), "expected: " + expected + "\n but was: " + r.err());
        assertOneLineInPlainWords(r);
    }

    @Test
    void aSpecPathThatIsAFolderSaysSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("specs"));
        Outcome r = rungs(folder);
        assertEquals(2, r.status(), r.err());
        assertEquals("rungs: bad spec: " + folder + ": $: is a folder, not a spec file", r.err().strip());
        assertOneLineInPlainWords(r);
    }

    @Test
    void aSpecWithAUtf8ByteOrderMarkRuns() throws IOException {
        Path file = write(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(GOOD)));
        Outcome r = rungs(file);
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("trials    3 (3 complete)"), r.out());
    }

    static void assertOneLineInPlainWords(Outcome r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out(), "nothing on standard output");
        for (String word : JARGON) {
            assertFalse(r.err().contains(word), "\"" + word + "\" in " + r.err());
        }
    }
}
