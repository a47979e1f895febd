package dev.rungs.cli;

import dev.rungs.engine.TrialEvent;
import dev.rungs.study.Direction;
import dev.rungs.study.Trial;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The live progress line: trials done, best value, elapsed time. On a terminal it redraws in
 * place at most ten times a second; into a file or pipe it writes a line every few seconds.
 */
final class ProgressLine implements Consumer<TrialEvent> {
    private final PrintStream out;
    private final int totalTrials;
    private final Direction direction;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final long intervalNanos;
    private long lastDraw;
    private int done;
    private int failed;
    private int pruned;
    private Trial best;

    /**
     * @param totalTrials the study's trial budget (0: none)
     * @param earlier the study's trials before this run (a resumed study's): the count starts
     *     from its finished ones and the best from its best, so it reads as the study's progress
     */
    ProgressLine(PrintStream out, int totalTrials, Direction direction, boolean terminal, List<Trial> earlier) {
        this.out = out;
        this.totalTrials = totalTrials;
        this.direction = direction;
        this.terminal = terminal;
        this.intervalNanos = terminal ? 100_000_000L : 5_000_000_000L;
        for (Trial t : earlier) {
            switch (t.state()) {
                case COMPLETE -> completed(t);
                case FAIL -> failed++;
                case PRUNED -> pruned++;
                default -> {
                    continue; // running, paused or waiting: counted when they end
                }
            }
            done++;
        }
    }

    private void completed(Trial t) {
        if (best == null || direction.isBetter(t.value().getAsDouble(), best.value().getAsDouble())) {
            best = t;
        }
    }

    @Override
    public void accept(TrialEvent e) {
        if (e instanceof TrialEvent.Completed c) {
            done++;
            completed(c.trial());
        } else if (e instanceof TrialEvent.Failed) {
            done++;
            failed++;
        } else if (e instanceof TrialEvent.Pruned) {
            done++;
            pruned++;
        } else if (e instanceof TrialEvent.Finished) {
            draw(true);
            return;
        } else {
            return;
        }
        draw(false);
    }

    private void draw(boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastDraw < intervalNanos) {
            return;
        }
        lastDraw = now;
        String line = text(now);
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    String text(long now) {
        StringBuilder sb = new StringBuilder();
        sb.append("trials ").append(done);
        if (totalTrials > 0) {
            sb.append('/').append(totalTrials);
        }
        if (pruned > 0) {
            sb.append(" (").append(pruned).append(" pruned)");
        }
        if (failed > 0) {
            sb.append(" (").append(failed).append(" failed)");
        }
        sb.append(" | best ");
        sb.append(best == null ? "-" : String.format(Locale.ROOT, "%.6g (#%d)", best.value().getAsDouble(),
                best.number()));
        sb.append(String.format(Locale.ROOT, " | %.1f s", (now - startNanos) / 1e9));
        return sb.toString();
    }
}
