package dev.rungs.app.newstudy;

/** The kinds of objective the New study form can describe, each with its own part of the form. */
public enum ObjectiveKind {
    /** An analytic benchmark problem with a known optimum. */
    BENCHMARK("benchmark", "Benchmark function"),
    /** A model family trained on a CSV file and scored by validation. */
    DATASET("dataset", "Dataset and model"),
    /** An external program run once per trial. */
    COMMAND("command", "External command");

    private final String specType;
    private final String label;

    ObjectiveKind(String specType, String label) {
        this.specType = specType;
        this.label = label;
    }

    /** The objective's {@code type} in a spec. */
    public String specType() {
        return specType;
    }

    /** The name the form shows. */
    public String label() {
        return label;
    }

    /** The kind a spec's objective type names; a benchmark for any type the form does not know. */
    public static ObjectiveKind bySpecType(String type) {
        for (ObjectiveKind k : values()) {
            if (k.specType.equals(type)) {
                return k;
            }
        }
        return BENCHMARK;
    }
}
