package dev.rungs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in this process and checks what it printed. */
final class CliRun {
    private CliRun() {
    }

    /** What one command printed and returned. */
    record Outcome(int status, String out, String err) {
        /**
         * Asserts a failure the user can fix or understand: {@code status}, one line on standard
         * error naming each of {@code mentions}, and no stack trace anywhere.
         */
        Outcome failsWith(int expected, String... mentions) {
            assertEquals(expected, status, "exit status; err: " + err + " out: " + out);
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "one line: " + err);
            assertTrue(lines.get(0).startsWith("rungs: "), lines.get(0));
            for (String m : mentions) {
                assertTrue(lines.get(0).contains(m), "'" + m + "' in: " + lines.get(0));
            }
            noStackTrace();
            return this;
        }

        /** Asserts that neither stream holds a stack trace or a Java exception's name. */
        Outcome noStackTrace() {
            for (String text : List.of(out, err)) {
                assertFalse(text.contains("\tat ") || text.contains("Exception"), "a stack trace: " + text);
            }
            return this;
        }
    }

    static Outcome rungs(String... args) {
        return rungs(RungsCli.commandLine(), args);
    }

    static Outcome rungs(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
