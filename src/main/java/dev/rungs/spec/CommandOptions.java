package dev.rungs.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The options of a command objective, typed: bound by Jackson from the options the reader
 * checked ({@link ObjectiveSpec#options}).
 *
 * @param command the program and its arguments, the program's path resolved
 * @param workdir the working folder, absolute
 * @param timeoutSeconds the time limit of one trial; 0 for none
 * @param paramsAs how parameters are passed: "args", "env", "json"
 * @param graceSeconds how long a stopped command may take to exit
 * @param checkpointDir where checkpoints go; null for a temporary folder
 */
public record CommandOptions(List<String> command, String workdir,
        @JsonProperty("timeout_seconds") double timeoutSeconds,
        @JsonProperty("params_as") List<String> paramsAs,
        @JsonProperty("grace_seconds") double graceSeconds,
        @JsonProperty("checkpoint_dir") String checkpointDir) {

    static CommandOptions of(ObjectiveSpec spec) {
        return from(spec.options());
    }

    /** The options of a checked spec's command objective ({@link ObjectiveSpec#options}), typed. */
    public static CommandOptions from(java.util.Map<String, Object> checked) {
        return SpecReader.bind(checked, CommandOptions.class);
    }
}
