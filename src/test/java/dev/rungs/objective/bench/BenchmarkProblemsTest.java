package dev.rungs.objective.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkProblemsTest {

    @Test
    void namesAreTheKnownProblemsInAFixedOrder() {
        assertEquals(List.of("branin", "hartmann3", "hartmann6", "rosenbrock", "mf-hartmann6", "counting-ones"),
                BenchmarkProblems.names());
    }

    @Test
    void everyNameGivesTheProblemOfThatName() {
        for (String name : BenchmarkProblems.names()) {
            BenchmarkProblem p = BenchmarkProblems.byName(name, Map.of());
            assertEquals(name, p.name());
            assertTrue(p.space().size() > 0);
        }
        assertInstanceOf(Branin.class, BenchmarkProblems.byName("branin", Map.of()));
        assertEquals(3, BenchmarkProblems.byName("hartmann3", Map.of()).space().size());
        assertEquals(6, BenchmarkProblems.byName("hartmann6", null).space().size());
        assertEquals(BenchmarkProblems.DEFAULT_ROSENBROCK_DIMS,
                BenchmarkProblems.byName("rosenbrock").space().size());
        assertEquals(81, BenchmarkProblems.byName("mf-hartmann6").maxResource());
        assertEquals(16, BenchmarkProblems.byName("counting-ones").space().size());
        assertEquals("branin", BenchmarkProblems.byName(" Branin ").name(), "names ignore case and spaces");
    }

    @Test
    void optionsConfigureTheProblems() {
        assertEquals(5, BenchmarkProblems.byName("rosenbrock", Map.of("dims", 5)).space().size());
        assertEquals(3, BenchmarkProblems.byName("rosenbrock", Map.of("dims", "3")).space().size(),
                "numbers given as strings, as a spec file may hold them");
        assertEquals(4, BenchmarkProblems.byName("rosenbrock", Map.of("dims", 4.0)).space().size());

        BenchmarkProblem co = BenchmarkProblems.byName("counting-ones", Map.of("n_cat", 2, "n_cont", 3L));
        assertEquals(5, co.space().size());
        assertEquals(-5.0, co.optimum());

        MultiFidelityHartmann mf = (MultiFidelityHartmann) BenchmarkProblems.byName("mf-hartmann6",
                Map.of("z_min", 3, "z_max", 27, "bias", 0.2, "noise", 0));
        assertEquals(27, mf.maxResource());
        assertEquals(3, mf.minResource());
        assertEquals(0.2, mf.bias());
        assertEquals(0.0, mf.noise());
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkProblems.byName("ackley", Map.of()));
        assertTrue(e.getMessage().contains("ackley"), e.getMessage());
        for (String name : BenchmarkProblems.names()) {
            assertTrue(e.getMessage().contains(name), "message should list " + name + ": " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> BenchmarkProblems.byName(null, Map.of()));
    }

    @Test
    void badOptionsAreRejectedWithTheirName() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkProblems.byName("rosenbrock", Map.of("dim", 5)));
        assertTrue(unknown.getMessage().contains("dim") && unknown.getMessage().contains("dims"),
                unknown.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkProblems.byName("branin", Map.of("dims", 2)));
        assertTrue(none.getMessage().contains("no options"), none.getMessage());
        IllegalArgumentException fractional = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkProblems.byName("rosenbrock", Map.of("dims", 2.5)));
        assertTrue(fractional.getMessage().contains("dims"), fractional.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkProblems.byName("counting-ones", Map.of("n_cat", "many")));
        assertTrue(text.getMessage().contains("n_cat"), text.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkProblems.byName("rosenbrock", Map.of("dims", 1)));
    }
}
