package dev.rungs.bench;

import dev.rungs.sampler.Sampler;
import java.util.Map;
import java.util.function.Supplier;

/** The model-based samplers the engine suite measures besides random search. */
final class BenchSamplers {
    private BenchSamplers() {
    }

    static void addModelSamplers(Map<String, Supplier<Sampler>> samplers) {
    }
}
