package dev.rungs.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rungs.engine.Budget;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Condition;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Reads and checks a study spec (JSON). Every mistake gives one {@link SpecException} naming
 * the JSON path and the reason; a spec that reads without one is complete and consistent.
 *
 * <pre>{@code
 * {
 *   "name": "branin-tpe",
 *   "objective": {"type": "benchmark", "name": "branin"},
 *   "sampler": {"type": "tpe", "n_startup_trials": 10},
 *   "budget": {"trials": 100},
 *   "seed": 42
 * }
 * }</pre>
 */
public final class SpecReader {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonSyntax.MAX_DEPTH)
                    .maxNumberLength(JsonSyntax.MAX_NUMBER_LENGTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SpecReader() {
    }

    /**
     * Reads a spec file; a mistake in it gives a {@link SpecException} whose message names the file
     * (as {@code file} names it) as well as the path.
     *
     * @throws IOException if the file does not exist or cannot be read
     */
    public static StudySpec read(Path file) throws IOException {
        String text = SpecFile.read(file);
        try {
            return parse(text, file.toAbsolutePath().getParent());
        } catch (SpecException e) {
            throw e.inFile(file);
        }
    }

    /** Reads a spec from its JSON text; paths in it are relative to the working folder. */
    public static StudySpec parse(String json) {
        return parse(json, Path.of("").toAbsolutePath());
    }

    /** Reads a spec from its JSON text; paths in it (data files, commands) are relative to {@code base}. */
    public static StudySpec parse(String json, Path base) {
        return parse(json, base, DatasetLoader::load);
    }

    /**
     * Where a dataset objective's data come from while its spec is checked: the file, or a
     * copy already in memory.
     */
    @FunctionalInterface
    public interface Datasets {
        /** The dataset {@link DatasetLoader#load} would read from {@code file} with {@code options}. */
        Dataset load(Path file, DatasetLoader.Options options);
    }

    /**
     * Reads a spec as {@link #parse(String, Path)} does, taking a dataset objective's data from
     * {@code datasets}: a form that has the file in memory already checks its spec on every
     * change without reading the file again.
     */
    public static StudySpec parse(String json, Path base, Datasets datasets) {
        // Editors on Windows start UTF-8 files with a byte-order mark; it is no part of the JSON.
        String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SpecException(SpecPath.root(), JsonSyntax.explain(text, e));
        }
        if (root == null || root.isMissingNode()) {
            throw new SpecException(SpecPath.root(), "the spec is empty");
        }
        SpecNode spec = SpecNode.root(root).object("name", "objective", "direction", "space", "sampler",
                "scheduler", "budget", "max_resource", "workers", "seed");

        String name = spec.get("name").asString();
        if (name.isBlank()) {
            throw spec.get("name").error("must not be blank");
        }
        ObjectiveReader.Read read = ObjectiveReader.read(spec.get("objective"), base, datasets);
        ObjectiveSpec objective = read.spec();
        ObjectiveReader.Defaults problem = read.defaults();
        Direction direction = spec.has("direction") ? direction(spec.get("direction")) : problem.direction();
        if (!spec.has("space") && problem.space() == null) {
            throw new SpecException(SpecPath.root().field("space"), "is required: a " + objective.type()
                    + " objective has no default space");
        }
        SearchSpace space = spec.has("space") ? space(spec.get("space"), problem) : problem.space();
        ComponentSpec sampler = spec.has("sampler") ? Methods.readSampler(spec.get("sampler"))
                : new ComponentSpec(Methods.DEFAULT_SAMPLER, Map.of());
        ComponentSpec scheduler = spec.has("scheduler") ? Methods.readScheduler(spec.get("scheduler"))
                : new ComponentSpec("none", Map.of());
        Budget budget = budget(spec.get("budget"));
        long maxResource = spec.integer("max_resource", problem.maxResource());
        if (maxResource < 1) {
            throw spec.get("max_resource").error("must be at least 1");
        }
        Methods.checkCombination(sampler, scheduler, maxResource, "$");
        long workers = spec.integer("workers", 1);
        if (workers < 1 || workers > StudySpec.MAX_WORKERS) {
            throw spec.get("workers").error("must be between 1 and " + StudySpec.MAX_WORKERS);
        }
        long seed = spec.has("seed") ? spec.get("seed").asInteger() : new SplittableRandom().nextLong();
        return new StudySpec(name, objective, direction, space, sampler, scheduler, budget, maxResource,
                (int) workers, seed);
    }

    /** A section of a spec the reader checked, as its record (keys as in the spec, snake_case). */
    static <T> T bind(Map<String, Object> checked, Class<T> type) {
        return JSON.convertValue(checked, type);
    }

    private static Direction direction(SpecNode n) {
        String d = n.asString();
        return switch (d) {
            case "minimize", "minimise" -> Direction.MINIMIZE;
            case "maximize", "maximise" -> Direction.MAXIMIZE;
            default -> throw n.error("must be \"minimize\" or \"maximize\", got \"" + d + "\"");
        };
    }

    private static SearchSpace space(SpecNode n, ObjectiveReader.Defaults problem) {
        List<Param> params = new ArrayList<>();
        List<SpecNode> items = n.array();
        if (items.isEmpty()) {
            throw n.error("a search space needs at least one parameter");
        }
        for (SpecNode item : items) {
            Param p = param(item);
            try {
                params.add(p);
                new SearchSpace(params);
            } catch (IllegalArgumentException e) {
                throw item.error(e.getMessage());
            }
        }
        SearchSpace space = new SearchSpace(params);
        try {
            problem.checkSpace(space);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        return space;
    }

    private static Param param(SpecNode n) {
        n.object("name", "type", "low", "high", "log", "step", "choices", "when");
        String name = n.get("name").asString();
        String type = n.get("type").asString();
        Condition when = n.has("when") ? condition(n.get("when")) : null;
        try {
            return switch (type) {
                case "float" -> {
                    forbid(n, type, "choices");
                    yield new FloatParam(name, n.get("low").asNumber(), n.get("high").asNumber(),
                            n.bool("log", false), n.number("step", 0), when);
                }
                case "int" -> {
                    forbid(n, type, "choices");
                    yield new IntParam(name, n.get("low").asInteger(), n.get("high").asInteger(),
                            n.bool("log", false), n.integer("step", 1), when);
                }
                case "categorical" -> {
                    forbid(n, type, "low", "high", "log", "step");
                    List<Object> choices = new ArrayList<>();
                    for (SpecNode c : n.get("choices").array()) {
                        choices.add(c.scalar());
                    }
                    yield new CategoricalParam(name, choices, when);
                }
                default -> throw n.get("type").error("unknown parameter type \"" + type
                        + "\"; known: float, int, categorical");
            };
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    private static void forbid(SpecNode n, String type, String... fields) {
        for (String f : fields) {
            if (n.has(f)) {
                throw n.get(f).error("does not apply to a " + type + " parameter");
            }
        }
    }

    private static Condition condition(SpecNode n) {
        n.object("parent", "values");
        List<Object> values = new ArrayList<>();
        for (SpecNode v : n.get("values").array()) {
            values.add(v.scalar());
        }
        if (values.isEmpty()) {
            throw n.get("values").error("must list at least one value of the parent");
        }
        return new Condition(n.get("parent").asString(), values);
    }

    private static Budget budget(SpecNode n) {
        n.object("trials", "seconds", "resource");
        long trials = n.integer("trials", 0);
        double seconds = n.number("seconds", 0);
        long resource = n.integer("resource", 0);
        if (trials < 0 || trials > Integer.MAX_VALUE) {
            throw n.get("trials").error("must be a positive number of trials");
        }
        if (seconds < 0 || !Double.isFinite(seconds)) {
            throw n.get("seconds").error("must be a positive number of seconds");
        }
        if (resource < 0) {
            throw n.get("resource").error("must be a positive amount of resource");
        }
        if (trials == 0 && seconds == 0 && resource == 0) {
            throw n.error("needs at least one limit: trials, seconds or resource");
        }
        return new Budget((int) trials, seconds > 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : null, resource);
    }
}
