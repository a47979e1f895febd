package dev.rungs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A study's method as a person reads it, and as its provenance records it. */
class MethodsDescribeTest {
    @Test
    void namesTheMethodsAndOnlyTheSettingsThatDifferFromTheirDefaults() {
        assertEquals("tpe (n_startup_trials 20, multivariate) + median (startup_trials 3)", Methods.describe(
                new ComponentSpec("tpe", Map.of("n_startup_trials", 20L, "multivariate", true, "n_ei_candidates", 24L)),
                new ComponentSpec("median", Map.of("startup_trials", 3L))));
        assertEquals("random", Methods.describe(new ComponentSpec("random", Map.of()), new ComponentSpec("none",
                Map.of())));
        assertEquals("tpe (prior_weight 0.5, consider_magic_clip false)", Methods.describe(
                new ComponentSpec("tpe", Map.of("prior_weight", 0.5, "consider_magic_clip", false)),
                new ComponentSpec("none", Map.of())));
        assertEquals("bohb (random_fraction 0.25) + hyperband (reduction_factor 2)", Methods.describe(
                new ComponentSpec("bohb", Map.of("random_fraction", 0.25, "bandwidth_factor", 3.0)),
                new ComponentSpec("hyperband", Map.of("reduction_factor", 2L))));
    }

    @Test
    void readsAStoredSpecWithoutItsObjective() {
        String json = """
                {"name": "s", "objective": {"type": "dataset", "options": {"file": "/gone/data.csv"}},
                 "sampler": {"type": "grid", "points_per_param": 7}, "scheduler": {"type": "asha", "pruner": true},
                 "budget": {"trials": 5}}""";
        assertEquals("grid (points_per_param 7) + asha (pruner)", Methods.describe(json));
        assertEquals("tpe", Methods.describe("{\"name\": \"s\"}"), "the default sampler, no scheduler");
    }

    @Test
    void everySamplerAndSchedulerHasAReadableNameAndText() {
        for (Method<?> m : Methods.samplers()) {
            readable(m.create(Map.of(), 1L));
        }
        for (Method<?> m : Methods.schedulers()) {
            readable(m.create(Map.of(), 1L));
        }
    }

    private static void readable(Object component) {
        String text = component.toString();
        String name = component.getClass().getSimpleName();
        assertFalse(name.isEmpty() || name.contains("$$Lambda"), "class name " + name);
        assertFalse(text.contains("@") || text.contains("$$Lambda") || text.contains("dev.rungs"), text);
    }
}
