package dev.rungs.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import dev.rungs.study.MutableTrialHistory;
import dev.rungs.study.Trial;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spaces and history helpers shared by the sampler tests. */
final class SamplerFixtures {
    private SamplerFixtures() {
    }

    /**
     * A space with three levels of nesting: model → kernel → degree → coef0, and
     * model → layers → dropout, plus an always-active parameter at the end.
     */
    static SearchSpace nestedSpace() {
        return SearchSpace.builder()
                .categorical("model", "svm", "tree", "net")
                .categorical("kernel", "rbf", "linear", "poly").when("model", "svm")
                .logFloatParam("gamma", 1e-3, 1).when("kernel", "rbf")
                .intParam("degree", 2, 5).when("kernel", "poly")
                .floatParam("coef0", 0, 1).when("degree", 3, 4)
                .intParam("depth", 1, 10).when("model", "tree")
                .intParam("layers", 1, 3).when("model", "net")
                .logIntParam("width", 8, 256).when("model", "net")
                .floatParam("dropout", 0, 0.5).when("layers", 2, 3)
                .logFloatParam("lr", 1e-4, 1e-1)
                .build();
    }

    /** Parameter names of {@link #nestedSpace()}. */
    static final List<String> NESTED_NAMES = List.of(
            "model", "kernel", "gamma", "degree", "coef0", "depth", "layers", "width", "dropout", "lr");

    /**
     * Asserts that a configuration of {@link #nestedSpace()} holds exactly the parameters its
     * conditions make active. The rules are written out here independently of
     * {@code SearchSpace.isActive}, so the test does not check the core against itself.
     */
    static void assertNestedPresence(Config c) {
        Map<String, Object> v = c.values();
        Set<String> expected = new LinkedHashSet<>(List.of("model", "lr"));
        Object model = v.get("model");
        if ("svm".equals(model)) {
            expected.add("kernel");
            Object kernel = v.get("kernel");
            if ("rbf".equals(kernel)) {
                expected.add("gamma");
            }
            if ("poly".equals(kernel)) {
                expected.add("degree");
                Object degree = v.get("degree");
                if (degree != null && (((Number) degree).longValue() == 3 || ((Number) degree).longValue() == 4)) {
                    expected.add("coef0");
                }
            }
        } else if ("tree".equals(model)) {
            expected.add("depth");
        } else if ("net".equals(model)) {
            expected.add("layers");
            expected.add("width");
            long layers = ((Number) v.get("layers")).longValue();
            if (layers == 2 || layers == 3) {
                expected.add("dropout");
            }
        }
        assertEquals(expected, v.keySet().stream().collect(java.util.stream.Collectors.toSet()),
                "parameters present in " + c);
        // Every value is valid for its parameter and the configuration is what the space accepts.
        assertEquals(c, nestedSpace().validate(v));
        assertTrue(List.of("svm", "tree", "net").contains(model));
    }

    /**
     * Asserts that the configurations reach every branch: each conditional parameter is both
     * present somewhere and absent somewhere, so a presence check over them is not vacuous.
     */
    static void assertAllBranchesReached(List<Config> configs) {
        for (String name : NESTED_NAMES) {
            boolean always = name.equals("model") || name.equals("lr");
            long present = configs.stream().filter(c -> c.has(name)).count();
            assertTrue(present > 0, name + " never present in " + configs.size() + " configurations");
            if (!always) {
                assertTrue(present < configs.size(), name + " present in every configuration");
            }
        }
        // The deepest levels: coef0 under a degree of 3 or 4 and absent under 2 or 5.
        assertTrue(configs.stream().anyMatch(c -> c.has("degree") && !c.has("coef0")));
        assertTrue(configs.stream().anyMatch(c -> c.has("layers") && !c.has("dropout")));
    }

    /** A history holding one running trial per configuration. */
    static MutableTrialHistory historyOf(List<Config> configs) {
        MutableTrialHistory h = new MutableTrialHistory(Direction.MINIMIZE);
        for (Config c : configs) {
            add(h, c);
        }
        return h;
    }

    /** Appends a running trial with {@code config}. */
    static void add(MutableTrialHistory h, Config config) {
        h.put(Trial.running(h.nextNumber(), config, Map.of(), Instant.EPOCH));
    }
}
