package dev.rungs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.study.Direction;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
    static final String GOOD = """
            {
              "name": "branin-tpe",
              "objective": {"type": "benchmark", "name": "branin"},
              "sampler": {"type": "tpe", "n_startup_trials": 5},
              "scheduler": {"type": "median", "startup_trials": 3},
              "budget": {"trials": 40, "seconds": 30},
              "workers": 2,
              "seed": 7
            }""";

    @Test
    void readsACompleteSpec() {
        StudySpec s = SpecReader.parse(GOOD);
        assertEquals("branin-tpe", s.name());
        assertEquals(Direction.MINIMIZE, s.direction());
        assertEquals(2, s.space().size(), "the benchmark's own space");
        assertEquals("tpe", s.sampler().type());
        assertEquals(5L, s.sampler().settings().get("n_startup_trials"));
        assertEquals("median", s.scheduler().type());
        assertEquals(40, s.budget().maxTrials());
        assertEquals(Duration.ofSeconds(30), s.budget().maxTime());
        assertEquals(2, s.workers());
        assertEquals(7, s.seed());
    }

    @Test
    void multiFidelityMethodsAreReadWithTheirSettings() {
        StudySpec bohb = SpecReader.parse("""
                {"name": "b", "objective": {"type": "benchmark", "name": "mf-hartmann6"}, "budget": {"resource": 5000},
                 "sampler": {"type": "bohb", "num_samples": 32, "random_fraction": 0.25},
                 "scheduler": {"type": "hyperband", "min_resource": 1, "reduction_factor": 3}}""");
        assertEquals("bohb", bohb.sampler().type());
        assertEquals(32L, bohb.sampler().settings().get("num_samples"));
        assertEquals(0.25, bohb.sampler().settings().get("random_fraction"));
        assertEquals("hyperband", bohb.scheduler().type());
        assertEquals(81, bohb.maxResource(), "the benchmark's largest budget");
        assertEquals(5000, bohb.budget().maxResource());
        for (String scheduler : new String[] {"successive_halving", "hyperband", "asha"}) {
            StudySpec s = SpecReader.parse("""
                    {"name": "s", "objective": {"type": "benchmark", "name": "counting-ones"}, "budget": {"resource": 1},
                     "sampler": {"type": "bohb"}, "scheduler": {"type": "%s", "min_resource": 9}}""".formatted(scheduler));
            assertEquals(scheduler, s.scheduler().type());
            assertEquals(9L, s.scheduler().settings().get("min_resource"));
        }
        StudySpec asha = SpecReader.parse("""
                {"name": "a", "objective": {"type": "benchmark", "name": "mf-hartmann6"}, "budget": {"resource": 1},
                 "scheduler": {"type": "asha", "pruner": true, "min_early_stopping_rate": 1}}""");
        assertEquals(true, asha.scheduler().settings().get("pruner"));
        assertEquals(asha.scheduler(), SpecReader.parse(asha.toJson()).scheduler(), "written and read back");
    }

    @Test
    void everyMethodHasHelpForEachSetting() {
        for (var m : Methods.samplers()) {
            m.settings().forEach(st -> assertTrue(!st.help().isBlank(), m.type() + "." + st.key()));
        }
        var names = Methods.schedulers().stream().map(Method::type).toList();
        assertTrue(names.containsAll(java.util.List.of("successive_halving", "hyperband", "asha")), names.toString());
        assertTrue(Methods.samplers().stream().anyMatch(m -> m.type().equals("bohb")));
    }

    @Test
    void defaultsAreTpeNoSchedulerOneWorker() {
        StudySpec s = SpecReader.parse("""
                {"name": "d", "objective": {"type": "benchmark", "name": "hartmann6"}, "budget": {"trials": 3}}""");
        assertEquals("tpe", s.sampler().type());
        assertEquals("none", s.scheduler().type());
        assertEquals(1, s.workers());
        assertEquals(1, s.maxResource());
        assertNull(s.budget().maxTime());
    }

    @Test
    void aCustomSpaceNarrowsTheBenchmarkSpace() {
        StudySpec s = SpecReader.parse("""
                {"name": "n", "objective": {"type": "benchmark", "name": "branin"}, "budget": {"trials": 3},
                 "space": [{"name": "x1", "type": "float", "low": 0, "high": 5, "step": 0.5},
                           {"name": "x2", "type": "float", "low": 1, "high": 10, "log": true}]}""");
        assertEquals(new FloatParam("x1", 0, 5, false, 0.5, null), s.space().params().get(0));
        assertTrue(((FloatParam) s.space().params().get(1)).log());
    }

    @Test
    void problemOptionsAndMaxResourceAreRead() {
        StudySpec s = SpecReader.parse("""
                {"name": "c", "objective": {"type": "benchmark", "name": "counting-ones",
                   "options": {"n_cat": 1, "n_cont": 1}},
                 "budget": {"trials": 3}, "max_resource": 27}""");
        assertEquals(27, s.maxResource());
        assertEquals(java.util.List.of("cat1", "cont1"), s.space().params().stream().map(p -> p.name()).toList());
    }

    @Test
    void conditionalParametersAreRead() {
        StudySpec s = SpecReader.parse("""
                {"name": "c", "objective": {"type": "benchmark", "name": "counting-ones",
                   "options": {"n_cat": 1, "n_cont": 1}},
                 "budget": {"trials": 3},
                 "space": [{"name": "cat1", "type": "categorical", "choices": [0, 1]},
                           {"name": "cont1", "type": "float", "low": 0, "high": 1,
                            "when": {"parent": "cat1", "values": [1]}}]}""");
        var when = s.space().params().get(1).when().orElseThrow();
        assertEquals("cat1", when.parent());
        assertTrue(when.accepts(1L));
        assertTrue(!when.accepts(0L));
    }

    /** Each bad spec names the path of its mistake and why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not json                 | {"name": | $ | not valid JSON
            empty                    | '' | $ | empty
            top-level array          | [] | $ | expected an object
            unknown field            | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"trails":3} | $.trails | unknown field
            missing objective        | {"name":"a","budget":{"trials":1}} | $.objective | is required
            missing name             | {"objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1}} | $.name | is required
            name not a string        | {"name":3,"objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1}} | $.name | expected a string
            unknown problem          | {"name":"a","objective":{"type":"benchmark","name":"branon"},"budget":{"trials":1}} | $.objective.name | known problems
            unknown objective type   | {"name":"a","objective":{"type":"magic","name":"x"},"budget":{"trials":1}} | $.objective.type | unknown objective type
            bad problem option       | {"name":"a","objective":{"type":"benchmark","name":"rosenbrock","options":{"dimz":3}},"budget":{"trials":1}} | $.objective.options | dimz
            no budget                | {"name":"a","objective":{"type":"benchmark","name":"branin"}} | $.budget | is required
            empty budget             | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{}} | $.budget | at least one limit
            negative trials          | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":-2}} | $.budget.trials | positive
            trials wrong type        | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":"ten"}} | $.budget.trials | whole number
            bad direction            | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"direction":"down"} | $.direction | minimize
            unknown sampler          | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"sampler":{"type":"tpee"}} | $.sampler.type | known: random
            unknown sampler setting  | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"sampler":{"type":"tpe","gamma":3}} | $.sampler.gamma | unknown field
            sampler setting type     | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"sampler":{"type":"tpe","multivariate":"yes"}} | $.sampler.multivariate | true or false
            unknown scheduler        | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"scheduler":{"type":"hyper"}} | $.scheduler.type | known: none
            zero workers             | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"workers":0} | $.workers | between 1 and 256
            low above high           | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":5,"high":1},{"name":"x2","type":"float","low":0,"high":1}]} | $.space[0] | 'parameter ''x1'': low (5.0) must not be greater than high (1.0)'
            log with low 0           | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":-5,"high":10},{"name":"x2","type":"float","low":0,"high":15,"log":true}]} | $.space[1] | 'parameter ''x2'': a log-scale parameter needs low > 0'
            empty choices            | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"categorical","choices":[]}]} | $.space[0] | at least one choice
            unknown parent           | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":0,"high":1,"when":{"parent":"k","values":["a"]}}]} | $.space[0] | unknown parent 'k'
            unknown param type       | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"double","low":0,"high":1}]} | $.space[0].type | unknown parameter type
            missing high             | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":0}]} | $.space[0].high | is required
            space misses a param     | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":0,"high":1}]} | $.space | takes the parameters [x1, x2]
            choices on a float       | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":0,"high":1,"choices":[1]}]} | $.space[0].choices | does not apply
            bohb without hyperband   | {"name":"a","objective":{"type":"benchmark","name":"mf-hartmann6"},"budget":{"resource":100},"sampler":{"type":"bohb"}} | $.scheduler | 'sampler "bohb" needs a Hyperband-family scheduler'
            bohb with median         | {"name":"a","objective":{"type":"benchmark","name":"mf-hartmann6"},"budget":{"resource":100},"sampler":{"type":"bohb"},"scheduler":{"type":"median"}} | $.scheduler | 'got "median"'
            bad random fraction      | {"name":"a","objective":{"type":"benchmark","name":"mf-hartmann6"},"budget":{"resource":100},"sampler":{"type":"bohb","random_fraction":1.5},"scheduler":{"type":"hyperband"}} | $.sampler | random_fraction must be between 0 and 1
            eta of 1                 | {"name":"a","objective":{"type":"benchmark","name":"mf-hartmann6"},"budget":{"resource":100},"scheduler":{"type":"hyperband","reduction_factor":1}} | $.scheduler | reduction_factor must be at least 2
            min resource above max   | {"name":"a","objective":{"type":"benchmark","name":"mf-hartmann6"},"budget":{"resource":100},"scheduler":{"type":"asha","min_resource":100}} | $.scheduler.min_resource | largest resource per trial (81)
            setting past int         | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"sampler":{"type":"tpe","n_startup_trials":2147483648}} | $.sampler.n_startup_trials | must be between
            whole number of 1e999    | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"seed":1e999} | $.seed | too large
            float of 1e999           | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"space":[{"name":"x1","type":"float","low":0,"high":1e999},{"name":"x2","type":"float","low":0,"high":1}]} | $.space[0].high | too large
            odd field name           | {"name":"a","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1},"my field":3} | $["my field"] | unknown field
            duplicate key            | {"name":"a","name":"b","objective":{"type":"benchmark","name":"branin"},"budget":{"trials":1}} | $ | Duplicate field
            """)
    void aBadSpecIsRejectedWithItsPathAndReason(String label, String json, String path, String why) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(json));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.getMessage().contains(why), "message \"" + e.getMessage() + "\" should mention \"" + why + "\"");
    }
}
