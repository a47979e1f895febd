package dev.rungs.cli;

import dev.rungs.engine.StudyResult;
import dev.rungs.space.SearchSpace;
import dev.rungs.spec.Methods;
import dev.rungs.spec.StudySpec;
import dev.rungs.store.TrialsCsv;
import dev.rungs.study.FailureReasons;
import dev.rungs.study.Trial;
import dev.rungs.study.StudySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** How the commands print studies and write files. */
final class Output {
    private Output() {
    }

    static void writeCsv(OutputFile file, SearchSpace space, List<Trial> trials, PrintWriter out) throws IOException {
        if (file == null) {
            return;
        }
        file.write(w -> TrialsCsv.write(w, space, trials));
        out.printf(Locale.ROOT, "csv       %s (%d trials)%n", file.file(), trials.size());
        out.flush();
    }

    static void summary(PrintWriter out, StudySpec spec, StudyResult r) {
        out.printf(Locale.ROOT, "study     %s (%s, %s)%n", spec.name(), Methods.describe(spec.sampler(),
                spec.scheduler()), spec.direction().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "stopped   %s after %.2f s%n", r.stopReason(), r.elapsed().toNanos() / 1e9);
        trials(out, StudySummary.of(r.trials(), spec.direction()));
        failures(out, r.trials());
        best(out, r.best().orElse(null));
        out.flush();
    }

    /** How many distinct failure reasons are listed; the rest are counted in one line. */
    private static final int REASONS_SHOWN = 5;

    /**
     * The distinct reasons of the failed trials, with counts and an example trial each. Trials an
     * interruption ended are left out: they did not fail by themselves, and the trials line
     * counts them apart ({@link StudySummary#notCounted()}).
     */
    static void failures(PrintWriter out, List<Trial> trials) {
        List<FailureReasons.Reason> reasons = FailureReasons.of(trials.stream().filter(t -> !t.isInterrupted())
                .toList()).reasons();
        for (int i = 0; i < Math.min(REASONS_SHOWN, reasons.size()); i++) {
            FailureReasons.Reason r = reasons.get(i);
            out.printf(Locale.ROOT, "%-9s %d× %s (e.g. trial %d)%n", i == 0 ? "failed" : "", r.count(),
                    r.oneLine(200), r.exampleTrial());
        }
        if (reasons.size() > REASONS_SHOWN) {
            int rest = reasons.subList(REASONS_SHOWN, reasons.size()).stream()
                    .mapToInt(FailureReasons.Reason::count).sum();
            out.printf(Locale.ROOT, "%-9s %d more reasons (%d trials)%n", "", reasons.size() - REASONS_SHOWN, rest);
        }
    }

    static void best(PrintWriter out, Trial b) {
        if (b != null) {
            out.printf(Locale.ROOT, "best      %.10g (trial %d)%n", b.value().getAsDouble(), b.number());
            out.printf(Locale.ROOT, "params    %s%n", b.config());
        } else {
            out.println("best      none (no trial completed)");
        }
    }

    /**
     * The {@code trials} line of {@code run}, {@code resume} and {@code show}: the counted trials by
     * state, and those not counted ({@link StudySummary}, the same numbers the workbench shows).
     */
    static void trials(PrintWriter out, StudySummary s) {
        out.printf(Locale.ROOT, "trials    %s%n", s.counts());
    }
}
