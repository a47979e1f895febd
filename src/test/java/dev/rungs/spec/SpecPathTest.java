package dev.rungs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Where a spec is wrong, as a value: written, read back and asked which part of the spec it is in. */
class SpecPathTest {
    static final SpecPath LOW = SpecPath.root().field("space").index(1).field("low");

    @Test
    void isWrittenAsAJsonPath() {
        assertEquals("$", SpecPath.root().toString());
        assertEquals("$.space[1].low", LOW.toString());
        assertEquals("$.options[\"my \\\"odd\\\" key\"]", SpecPath.root().field("options").field("my \"odd\" key")
                .toString(), "a name that is not a plain word is quoted");
        assertEquals(List.of(new SpecPath.Field("space"), new SpecPath.Index(1), new SpecPath.Field("low")),
                LOW.steps());
    }

    @Test
    void readsBackWhatItWrites() {
        assertEquals(LOW, SpecPath.parse("$.space[1].low"));
        assertEquals(SpecPath.root(), SpecPath.parse("$"));
        assertEquals(SpecPath.root().field("scheduler").field("min_resource"), SpecPath.parse("$.scheduler.min_resource"));
        assertThrows(IllegalArgumentException.class, () -> SpecPath.parse("space[1]"));
        assertThrows(IllegalArgumentException.class, () -> SpecPath.parse("$.space[x]"));
        assertThrows(IllegalArgumentException.class, () -> SpecPath.parse("$..a"));
    }

    @Test
    void saysWhichPartOfTheSpecItIsIn() {
        assertEquals(OptionalInt.of(1), LOW.indexUnder("space"));
        assertEquals(OptionalInt.empty(), SpecPath.root().field("space").indexUnder("space"), "the space as a whole");
        assertEquals(OptionalInt.empty(), LOW.indexUnder("sampler"));
        assertEquals(Optional.of("n_startup_trials"),
                SpecPath.root().field("sampler").field("n_startup_trials").fieldOf("sampler"));
        assertEquals(Optional.of("metric"),
                SpecPath.root().field("objective").field("options").field("metric").fieldOf("objective", "options"));
        assertEquals(Optional.empty(), SpecPath.root().field("sampler").fieldOf("sampler"));
        assertEquals(Optional.empty(), LOW.fieldOf("space"), "an index, not a field, is right below space");
        assertTrue(LOW.isUnder("space"));
        assertTrue(LOW.isUnder());
        assertFalse(SpecPath.root().field("samplers").isUnder("sampler"), "a whole name, not a prefix of one");
        assertFalse(SpecPath.root().field("budget").isUnder("budget", "seconds"));
    }

    @Test
    void aProblemReadsAsPathAndReason() {
        SpecException e = new SpecException(LOW, "must not be greater than high (5 > 1)");
        assertEquals(new SpecProblem(LOW, "must not be greater than high (5 > 1)"), e.problem());
        assertEquals("$.space[1].low: must not be greater than high (5 > 1)", e.getMessage());
        assertEquals("$.space[1].low", e.path());
        assertEquals(Optional.empty(), e.file());
        SpecException inFile = e.inFile(java.nio.file.Path.of("specs", "b.json"));
        assertEquals(java.nio.file.Path.of("specs", "b.json") + ": $.space[1].low: must not be greater than high (5 > 1)",
                inFile.getMessage());
        assertEquals(e.problem(), inFile.problem());
    }
}
