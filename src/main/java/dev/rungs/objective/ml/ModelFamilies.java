package dev.rungs.objective.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model families a dataset study can tune, by spec name. */
public final class ModelFamilies {
    private static final Map<String, ModelFamily> ALL = new LinkedHashMap<>();

    static {
        for (ModelFamily f : List.of(new RandomForestFamily(), new GradientBoostingFamily(), new MlpFamily(),
                new SvmFamily(), new LogisticRegressionFamily(), new KnnFamily())) {
            ALL.put(f.name(), f);
        }
    }

    private ModelFamilies() {
    }

    /** Every family, in display order. */
    public static List<ModelFamily> all() {
        return List.copyOf(ALL.values());
    }

    /** The family a spec names; {@link IllegalArgumentException} listing the known ones if none. */
    public static ModelFamily byName(String name) {
        ModelFamily f = ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model \"" + name + "\"; known: " + String.join(", ", ALL.keySet()));
        }
        return f;
    }
}
