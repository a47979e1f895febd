package dev.rungs.objective.command;

import java.nio.file.Files;
import java.nio.file.Path;

/** A command for stop tests: silent, deaf to SIGTERM, resumable; and what it tells of itself. */
public final class StopScript {
    /**
     * An {@code sh} script that reports step 1, then stays silent for a minute with a child, both
     * deaf to SIGTERM; resumed from its checkpoint, it reports step 2 and ends. Once it runs it
     * writes its pid (the id of its process group) and its checkpoint folder to
     * {@code started-TRIAL} in its working folder.
     */
    public static final String SILENT_UNTIL_RESUMED = """
            trap '' TERM
            state="$RUNGS_CHECKPOINT_DIR/state"
            if [ -f "$state" ]; then
                echo '{"step": 2, "value": 0.5}'
                exit 0
            fi
            echo 1 > "$state.tmp" && mv "$state.tmp" "$state"
            sleep 60 &
            echo "$$ $RUNGS_CHECKPOINT_DIR" > "started.tmp-$RUNGS_TRIAL" && mv "started.tmp-$RUNGS_TRIAL" "started-$RUNGS_TRIAL"
            echo '{"step": 1, "value": 1}'
            sleep 60
            """;

    private StopScript() {
    }

    /** The pid (= process group) and checkpoint folder a started script wrote. */
    public record Started(long pid, Path checkpoints) {
        /** Waits up to 5 s for trial {@code trial}'s script in {@code workdir} to start. */
        public static Started await(Path workdir, int trial) throws Exception {
            Path f = awaitFile(workdir, trial, 5);
            String[] s = Files.readString(f).trim().split(" ", 2);
            return new Started(Long.parseLong(s[0]), Path.of(s[1]));
        }

        /** Waits up to {@code seconds} for the file {@link #await} reads; returns it, there or not. */
        public static Path awaitFile(Path workdir, int trial, int seconds) throws InterruptedException {
            Path f = workdir.resolve("started-" + trial);
            for (long end = System.nanoTime() + seconds * 1_000_000_000L; !Files.exists(f)
                    && System.nanoTime() < end;) {
                Thread.sleep(25);
            }
            return f;
        }
    }
}
