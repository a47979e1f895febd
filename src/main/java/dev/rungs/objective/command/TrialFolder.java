package dev.rungs.objective.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one run of a trial keeps its files: its checkpoint folder ({@code RUNGS_CHECKPOINT_DIR})
 * and its parameters file. Under the spec's {@code checkpoint_dir} the checkpoint folder stays
 * when the run ends; otherwise both live in a temporary folder of the run's own, removed when the
 * run ends. Nothing is lost by that: the folder's content is in the store, packed at every
 * report, and unpacked into a fresh folder when the trial resumes.
 */
final class TrialFolder implements AutoCloseable {
    private final Path temporaryRoot;
    private final Path checkpoints;
    private final Path paramsFile;

    private TrialFolder(Path temporaryRoot, Path base, int trial) {
        this.temporaryRoot = temporaryRoot;
        this.checkpoints = base.resolve("trial-" + trial);
        this.paramsFile = base.resolve("trial-" + trial + "-params.json");
    }

    /** The folder of trial {@code trial} under {@code root}, or in a new temporary folder if it is {@code null}. */
    static TrialFolder open(Path root, int trial) throws IOException {
        if (root != null) {
            return new TrialFolder(null, root, trial);
        }
        Path tmp = Files.createTempDirectory("rungs-trial-" + trial + "-");
        return new TrialFolder(tmp, tmp, trial);
    }

    /** The trial's checkpoint folder. */
    Path checkpoints() {
        return checkpoints;
    }

    /** Where the parameters are written as JSON. */
    Path paramsFile() {
        return paramsFile;
    }

    /** The temporary folder to remove if Rungs dies before {@link #close}; {@code null} if there is none. */
    Path temporaryRoot() {
        return temporaryRoot;
    }

    /** Removes the parameters file, and the temporary folder with everything in it. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(paramsFile);
            if (temporaryRoot != null) {
                CheckpointFolder.clear(temporaryRoot);
                Files.deleteIfExists(temporaryRoot);
            }
        } catch (IOException e) {
            // A file a leftover process still writes; the trial's result does not depend on it.
            System.getLogger(TrialFolder.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remove " + (temporaryRoot != null ? temporaryRoot : paramsFile) + ": " + e.getMessage());
        }
    }
}
