package dev.rungs.objective.ml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model families a dataset study can tune, by spec name.
 *
 * <p>They are built on Smile, which Rungs declares optional: a project that uses Rungs as a
 * library has it only if it adds it. Without it every family is refused with
 * {@link SmileMissingException}, whose message says what to add, before any Smile class is
 * touched.
 */
public final class ModelFamilies {
    /** The Maven coordinates of the library the families need. */
    public static final String SMILE = "com.github.haifengl:smile-core:3.1.1";

    private ModelFamilies() {
    }

    /** Smile is not on the class path, so no model family can be made. */
    public static final class SmileMissingException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SmileMissingException() {
            super("dataset objectives need Smile, which is not on the class path: add " + SMILE
                    + " (and org.slf4j:slf4j-simple for its log lines) to the dependencies");
        }
    }

    /** Made on first use, so that nothing of Smile is loaded before it is known to be there. */
    private static final class Known {
        static final Map<String, ModelFamily> ALL = new LinkedHashMap<>();

        static {
            for (ModelFamily f : List.of(new RandomForestFamily(), new GradientBoostingFamily(), new MlpFamily(),
                    new SvmFamily(), new LogisticRegressionFamily(), new KnnFamily())) {
                ALL.put(f.name(), f);
            }
        }
    }

    /** Whether Smile can be loaded, so that the model families work. */
    public static boolean smileAvailable() {
        return loadable("smile.classification.RandomForest") && loadable("smile.math.MathEx");
    }

    static boolean loadable(String className) {
        try {
            Class.forName(className, false, ModelFamilies.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Every family, in display order.
     *
     * @throws SmileMissingException if Smile is not on the class path
     */
    public static List<ModelFamily> all() {
        requireSmile();
        return List.copyOf(Known.ALL.values());
    }

    /**
     * The family a spec names; {@link IllegalArgumentException} listing the known ones if none.
     *
     * @throws SmileMissingException if Smile is not on the class path
     */
    public static ModelFamily byName(String name) {
        requireSmile();
        ModelFamily f = Known.ALL.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown model \"" + name + "\"; known: "
                    + String.join(", ", Known.ALL.keySet()));
        }
        return f;
    }

    private static void requireSmile() {
        if (!smileAvailable()) {
            throw new SmileMissingException();
        }
    }
}
