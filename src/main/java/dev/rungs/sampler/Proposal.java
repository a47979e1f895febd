package dev.rungs.sampler;

import dev.rungs.space.Config;
import java.util.Map;

/**
 * A sampler's answer: the configuration, plus attributes stored on the trial (for example
 * whether a model or the random fallback chose it).
 *
 * @param config the proposed configuration
 * @param attrs attributes to record on the new trial
 */
public record Proposal(Config config, Map<String, String> attrs) {
    public Proposal {
        attrs = Map.copyOf(attrs);
    }

    /** A proposal without attributes. */
    public static Proposal of(Config config) {
        return new Proposal(config, Map.of());
    }
}
