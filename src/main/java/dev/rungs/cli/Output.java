package dev.rungs.cli;

import dev.rungs.engine.StudyResult;
import dev.rungs.space.SearchSpace;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How the commands print studies and write files. */
final class Output {
    private Output() {
    }

    /** Fails early, before any work, when {@code file}'s folder does not exist. */
    static void checkWritable(Path file) {
        if (file != null && file.toAbsolutePath().getParent() != null
                && !Files.isDirectory(file.toAbsolutePath().getParent())) {
            throw new CliException("cannot write " + file + ": folder " + file.toAbsolutePath().getParent()
                    + " does not exist");
        }
    }

    static void writeCsv(Path file, SearchSpace space, List<Trial> trials, PrintWriter out) throws IOException {
        if (file == null) {
            return;
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            TrialsCsv.write(w, space, trials);
        }
        out.printf(Locale.ROOT, "csv       %s (%d trials)%n", file, trials.size());
        out.flush();
    }

    static void summary(PrintWriter out, StudySpec spec, StudyResult r) {
        out.printf(Locale.ROOT, "study     %s (%s, %s)%n", spec.name(), spec.sampler().type(),
                spec.direction().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "stopped   %s after %.2f s%n", r.stopReason(), r.elapsed().toNanos() / 1e9);
        out.printf(Locale.ROOT, "trials    %d (%s)%n", r.trials().size(), stateCounts(r.trials()));
        best(out, r.best().orElse(null));
        out.flush();
    }

    static void best(PrintWriter out, Trial b) {
        if (b != null) {
            out.printf(Locale.ROOT, "best      %.10g (trial %d)%n", b.value().getAsDouble(), b.number());
            out.printf(Locale.ROOT, "params    %s%n", b.config());
        } else {
            out.println("best      none (no trial completed)");
        }
    }

    static String stateCounts(List<Trial> trials) {
        StringBuilder counts = new StringBuilder();
        for (TrialState s : TrialState.values()) {
            long n = trials.stream().filter(t -> t.state() == s).count();
            if (n > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ')
                        .append(s.name().toLowerCase(Locale.ROOT));
            }
        }
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
