package dev.rungs.engine;

import dev.rungs.space.Config;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a run ended.
 *
 * @param studyName the study
 * @param trials every trial of the study at the end, by number
 * @param best the best completed trial, if any
 * @param stopReason why the run stopped (budget reached, stop requested, sampler exhausted)
 * @param elapsed wall-clock time of the run
 * @param resourceUsed resource consumed by the run
 * @param failure why the run failed as a whole although the engine and the store worked (its
 *     first trials all failed with the same reason); empty when it ended as it should
 * @param progress the study's best value as its trials finished, against trials, wall time and
 *     resource ({@link ProgressPoint#of}): what a regret plot needs, without an event listener
 */
public record StudyResult(String studyName, List<Trial> trials, Optional<Trial> best, String stopReason,
        Duration elapsed, long resourceUsed, Optional<String> failure, List<ProgressPoint> progress) {
    /** The stop reason of a run that was asked to stop before its budget; it can be resumed. */
    public static final String STOP_REQUESTED = "stop requested";

    public StudyResult {
        trials = List.copyOf(trials);
        progress = List.copyOf(progress);
    }

    /** The value of the best completed trial; empty if no trial completed. */
    public OptionalDouble bestValue() {
        return best.map(t -> t.value()).orElse(OptionalDouble.empty());
    }

    /** The configuration of the best completed trial; empty if no trial completed. */
    public Optional<Config> bestConfig() {
        return best.map(Trial::config);
    }

    /** Whether the run ended because it was asked to stop, not because its budget was reached. */
    public boolean wasStopped() {
        return STOP_REQUESTED.equals(stopReason);
    }

    /** Whether the run failed as a whole ({@link #failure}). */
    public boolean failed() {
        return failure.isPresent();
    }

    /** How many trials are in {@code state}. */
    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }
}
