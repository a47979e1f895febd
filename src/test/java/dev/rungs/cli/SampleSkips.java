package dev.rungs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rungs.spec.Method;
import dev.rungs.spec.Methods;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Which sample projects cannot run here, and why: samples may name methods that arrive later
 * (Hyperband, BOHB, PBT), and the external-command sample needs its program on the PATH. Such a
 * sample is skipped with the reason shown in the test report, never failed or left out silently.
 */
final class SampleSkips {
    private SampleSkips() {
    }

    /** Skips the calling test if {@code spec} cannot run on this build or machine. */
    static void skipIfItCannotRunHere(Path spec) throws IOException {
        String why = whyNot(spec);
        if (why != null) {
            System.out.println("skipping sample " + spec.getParent().getFileName() + ": " + why);
        }
        Assumptions.assumeTrue(why == null, () -> "sample " + spec.getParent().getFileName() + ": " + why);
    }

    static String whyNot(Path spec) throws IOException {
        JsonNode json = new ObjectMapper().readTree(spec.toFile());
        String sampler = json.path("sampler").path("type").asText(Methods.DEFAULT_SAMPLER);
        String scheduler = json.path("scheduler").path("type").asText("none");
        if (!known(Methods.samplers(), sampler)) {
            return "the sampler \"" + sampler + "\" is not in this build yet";
        }
        if (!known(Methods.schedulers(), scheduler)) {
            return "the scheduler \"" + scheduler + "\" is not in this build yet";
        }
        JsonNode objective = json.path("objective");
        if ("command".equals(objective.path("type").asText())) {
            String program = objective.path("options").path("command").path(0).asText();
            if (!program.contains("/") && !onPath(program)) {
                return program + " is not on the PATH";
            }
        }
        return null;
    }

    private static boolean known(List<? extends Method<?>> methods, String type) {
        return methods.stream().anyMatch(m -> m.type().equals(type));
    }

    static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
