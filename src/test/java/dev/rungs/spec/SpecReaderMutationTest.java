package dev.rungs.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Good specs broken at random (a value swapped for an odd one, a character dropped, a stray
 * token put in): whatever the text, the reader returns a spec or throws a SpecException whose
 * message is one line in plain words; nothing else escapes to print a stack trace.
 */
class SpecReaderMutationTest {
    static final List<String> GOOD = List.of(SpecReaderTest.GOOD, """
            {"name": "b", "objective": {"type": "benchmark", "name": "mf-hartmann6"}, "budget": {"resource": 5000},
             "sampler": {"type": "bohb", "num_samples": 32, "random_fraction": 0.25},
             "scheduler": {"type": "hyperband", "min_resource": 1, "reduction_factor": 3}, "max_resource": 27}""", """
            {"name": "c", "objective": {"type": "benchmark", "name": "counting-ones", "options": {"n_cat": 1, "n_cont": 1}},
             "budget": {"trials": 3},
             "space": [{"name": "cat1", "type": "categorical", "choices": [0, 1]},
                       {"name": "cont1", "type": "float", "low": 0, "high": 1, "when": {"parent": "cat1", "values": [1]}}]}""",
            """
            {"name": "g", "objective": {"type": "benchmark", "name": "hartmann3"}, "budget": {"trials": 3},
             "sampler": {"type": "grid", "points_per_param": 3, "shuffle": true},
             "scheduler": {"type": "asha", "pruner": true, "min_early_stopping_rate": 1},
             "space": [{"name": "x1", "type": "int", "low": 1, "high": 100, "log": true, "step": 1},
                       {"name": "x2", "type": "float", "low": 0, "high": 1}, {"name": "x3", "type": "float", "low": 0, "high": 1}]}""");

    static final String[] ODD = {"0", "-1", "1e999", "1.5", "\"x\"", "\"\"", "null", "true", "[]", "{}", "[1]",
        "99999999999999999999", "2147483648", "9223372036854775807", "1e308", "1e-400", "NaN", ",", "}", "]", "\"",
        "{\"a\":1}", "'a'", "//", "\\", "\u00a0"};

    /** What a person should never read in a spec error. */
    static final List<String> JARGON = List.of("Exception", "Jackson", "Feature", "`", "(code ", "token", "\n");

    @Test
    void anyTextGivesASpecOrOneLineSayingWhatIsWrong() {
        Random random = new Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            String text = mutated(GOOD.get(random.nextInt(GOOD.size())), random);
            try {
                SpecReader.parse(text);
            } catch (SpecException e) {
                for (String word : JARGON) {
                    assertFalse(e.getMessage().contains(word), () -> e.getMessage() + "\n for " + text);
                }
                assertFalse(e.getMessage().matches("\\$: not valid JSON( \\(.*\\))?"),
                        () -> "no plain reason for " + text);
            } catch (RuntimeException e) {
                fail(e + " for " + text, e);
            }
        }
    }

    static String mutated(String good, Random random) {
        StringBuilder s = new StringBuilder(good);
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> {
                    // Swap the value around `at` for an odd one.
                    int end = at;
                    while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                        end++;
                    }
                    int start = at;
                    while (start > 0 && ":[,".indexOf(s.charAt(start - 1)) < 0) {
                        start--;
                    }
                    s.replace(start, end, ODD[random.nextInt(ODD.length)]);
                }
                case 1 -> s.deleteCharAt(at);
                default -> s.insert(at, ODD[random.nextInt(ODD.length)]);
            }
        }
        return s.toString();
    }
}
