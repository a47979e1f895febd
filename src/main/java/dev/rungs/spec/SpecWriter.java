package dev.rungs.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rungs.engine.Budget;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link StudySpec} as the JSON {@link SpecReader} reads. The stored copy of a study's
 * spec is written by this, with every default and override filled in, so that resuming the
 * study rebuilds exactly what ran.
 */
final class SpecWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecWriter() {
    }

    static String toJson(StudySpec s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", s.name());
        ObjectNode objective = root.putObject("objective");
        objective.put("type", s.objective().type());
        objective.put("name", s.objective().name());
        if (!s.objective().options().isEmpty()) {
            putAll(objective.putObject("options"), s.objective().options());
        }
        root.put("direction", s.direction().name().toLowerCase(Locale.ROOT));
        ArrayNode space = root.putArray("space");
        for (Param p : s.space().params()) {
            param(space.addObject(), p);
        }
        component(root.putObject("sampler"), s.sampler());
        component(root.putObject("scheduler"), s.scheduler());
        budget(root.putObject("budget"), s.budget());
        root.put("max_resource", s.maxResource());
        root.put("workers", s.workers());
        root.put("seed", s.seed());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec could not be written as JSON", e);
        }
    }

    private static void param(ObjectNode n, Param p) {
        n.put("name", p.name());
        if (p instanceof FloatParam f) {
            n.put("type", "float");
            n.put("low", f.low());
            n.put("high", f.high());
            if (f.log()) {
                n.put("log", true);
            }
            if (f.step() > 0) {
                n.put("step", f.step());
            }
        } else if (p instanceof IntParam i) {
            n.put("type", "int");
            n.put("low", i.low());
            n.put("high", i.high());
            if (i.log()) {
                n.put("log", true);
            }
            if (i.step() != 1) {
                n.put("step", i.step());
            }
        } else if (p instanceof CategoricalParam c) {
            n.put("type", "categorical");
            ArrayNode choices = n.putArray("choices");
            c.choices().forEach(v -> choices.add(JSON.valueToTree(v)));
        }
        p.when().ifPresent(c -> {
            ObjectNode w = n.putObject("when");
            w.put("parent", c.parent());
            ArrayNode values = w.putArray("values");
            c.values().forEach(v -> values.add(JSON.valueToTree(v)));
        });
    }

    private static void component(ObjectNode n, ComponentSpec c) {
        n.put("type", c.type());
        putAll(n, c.settings());
    }

    private static void budget(ObjectNode n, Budget b) {
        if (b.maxTrials() > 0) {
            n.put("trials", b.maxTrials());
        }
        if (b.maxTime() != null) {
            n.put("seconds", b.maxTime().toMillis() / 1000.0);
        }
        if (b.maxResource() > 0) {
            n.put("resource", b.maxResource());
        }
    }

    private static void putAll(ObjectNode n, Map<String, Object> values) {
        values.forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
    }
}
