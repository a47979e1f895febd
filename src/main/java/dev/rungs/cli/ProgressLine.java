package dev.rungs.cli;

import dev.rungs.engine.TrialEvent;
import dev.rungs.study.Direction;
import dev.rungs.study.StudySummary;
import dev.rungs.study.Trial;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The live progress line: the study's trials as {@link StudySummary} counts them, the best
 * value, elapsed time. On a terminal it redraws in place at most ten times a second; into a file
 * or pipe it writes a line every few seconds.
 */
final class ProgressLine implements Consumer<TrialEvent> {
    private final PrintStream out;
    private final int totalTrials;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final long intervalNanos;
    private final StudySummary.Tally tally;
    private long lastDraw;

    /**
     * @param totalTrials the study's trial budget (0: none)
     * @param earlier the study's trials before this run (a resumed study's): the counts and the
     *     best start from them, so the line reads as the study's progress
     */
    ProgressLine(PrintStream out, int totalTrials, Direction direction, boolean terminal, List<Trial> earlier) {
        this.out = out;
        this.totalTrials = totalTrials;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 100_000_000L : 5_000_000_000L;
        this.tally = new StudySummary.Tally(direction);
        earlier.forEach(tally::put);
    }

    @Override
    public void accept(TrialEvent e) {
        if (e instanceof TrialEvent.Finished) {
            draw(true);
            return;
        }
        Trial t = e.trial();
        if (t != null) {
            tally.put(t);
            draw(false);
        }
    }

    private void draw(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = now;
        String line = text(now);
        if (terminal) {
            // Blanks after the line wipe what a longer line before left behind.
            out.print("\r" + line + "   " + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String text(long now) {
        StudySummary s = tally.summary();
        return s.progress(totalTrials) + " | best "
                + (s.best().isEmpty() ? "-" : String.format(Locale.ROOT, "%.6g (#%d)", s.best().getAsDouble(),
                        s.bestTrial().getAsInt()))
                + String.format(Locale.ROOT, " | %.1f s", (now - startNanos) / 1e9);
    }
}
