package dev.rungs.spec;

import dev.rungs.sampler.GridSampler;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.SobolSampler;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.sampler.tpe.TpeSettings;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.median.MedianStoppingScheduler;
import dev.rungs.spec.Setting.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The samplers and schedulers a spec can name, with their settings and defaults. */
public final class Methods {
    /** The sampler used when a spec names none. */
    public static final String DEFAULT_SAMPLER = "tpe";

    private static final Map<String, Method<Sampler>> SAMPLERS = new LinkedHashMap<>();
    private static final Map<String, Method<Scheduler>> SCHEDULERS = new LinkedHashMap<>();

    static {
        sampler(new Method<>("random", "Random search: independent uniform draws", List.of(),
                (s, seed) -> new RandomSampler()));
        sampler(new Method<>("grid", "Grid search over the Cartesian product", List.of(
                new Setting("points_per_param", Kind.WHOLE_NUMBER, 5L,
                        "values per continuous parameter (and per large integer range)"),
                new Setting("shuffle", Kind.BOOLEAN, false, "visit the grid in a seeded random order")),
                (s, seed) -> (Boolean) s.get("shuffle")
                        ? new GridSampler(whole(s, "points_per_param"), seed)
                        : new GridSampler(whole(s, "points_per_param"))));
        sampler(new Method<>("sobol", "Scrambled Sobol quasi-random sequence", List.of(),
                (s, seed) -> new SobolSampler(seed)));
        sampler(new Method<>("tpe", "Tree-structured Parzen Estimator (Optuna's defaults)", List.of(
                new Setting("n_startup_trials", Kind.WHOLE_NUMBER, 10L, "random trials before the model is used"),
                new Setting("n_ei_candidates", Kind.WHOLE_NUMBER, 24L, "candidates drawn from l(x) per proposal"),
                new Setting("multivariate", Kind.BOOLEAN, false, "joint kernels over all parameters"),
                new Setting("group", Kind.BOOLEAN, false, "split conditional spaces into groups (needs multivariate)"),
                new Setting("constant_liar", Kind.BOOLEAN, false, "count running trials as bad (parallel workers)"),
                new Setting("prior_weight", Kind.NUMBER, 1.0, "weight of the prior component"),
                new Setting("consider_magic_clip", Kind.BOOLEAN, true, "clip bandwidths from below")),
                (s, seed) -> new TpeSampler(TpeSettings.defaults()
                        .withStartupTrials(whole(s, "n_startup_trials"))
                        .withEiCandidates(whole(s, "n_ei_candidates"))
                        .withMultivariate((Boolean) s.get("multivariate"))
                        .withGroup((Boolean) s.get("group"))
                        .withConstantLiar((Boolean) s.get("constant_liar"))
                        .withPriorWeight(((Number) s.get("prior_weight")).doubleValue())
                        .withMagicClip((Boolean) s.get("consider_magic_clip")))));

        scheduler(new Method<>("none", "No early stopping: every trial runs to its end", List.of(),
                (s, seed) -> Scheduler.none()));
        scheduler(new Method<>("median", "Median stopping rule", List.of(
                new Setting("startup_trials", Kind.WHOLE_NUMBER, 5L, "completed trials before any stopping"),
                new Setting("warmup_steps", Kind.WHOLE_NUMBER, 0L, "steps before a trial can be stopped"),
                new Setting("interval_steps", Kind.WHOLE_NUMBER, 1L, "check every this many steps")),
                (s, seed) -> new MedianStoppingScheduler(whole(s, "startup_trials"),
                        (Long) s.get("warmup_steps"), (Long) s.get("interval_steps"))));
    }

    private Methods() {
    }

    static void sampler(Method<Sampler> m) {
        SAMPLERS.put(m.type(), m);
    }

    private static void scheduler(Method<Scheduler> m) {
        SCHEDULERS.put(m.type(), m);
    }

    static int whole(Map<String, Object> s, String key) {
        return Math.toIntExact((Long) s.get(key));
    }

    /** The samplers by spec name, in display order. */
    public static List<Method<Sampler>> samplers() {
        return List.copyOf(SAMPLERS.values());
    }

    /** The schedulers by spec name, in display order. */
    public static List<Method<Scheduler>> schedulers() {
        return List.copyOf(SCHEDULERS.values());
    }

    /** Builds the sampler a spec names. */
    public static Sampler createSampler(ComponentSpec spec, long seed) {
        return known(SAMPLERS, spec.type(), "sampler").create(spec.settings(), seed);
    }

    /** Builds the scheduler a spec names. */
    public static Scheduler createScheduler(ComponentSpec spec, long seed) {
        return known(SCHEDULERS, spec.type(), "scheduler").create(spec.settings(), seed);
    }

    private static <T> Method<T> known(Map<String, Method<T>> methods, String type, String what) {
        Method<T> m = methods.get(type);
        if (m == null) {
            throw new IllegalArgumentException("unknown " + what + " \"" + type + "\"; known: "
                    + String.join(", ", methods.keySet()));
        }
        return m;
    }

    static ComponentSpec readSampler(SpecNode n) {
        return read(n, SAMPLERS, "sampler");
    }

    static ComponentSpec readScheduler(SpecNode n) {
        return read(n, SCHEDULERS, "scheduler");
    }

    private static <T> ComponentSpec read(SpecNode n, Map<String, Method<T>> known, String what) {
        String type = n.get("type").asString();
        Method<T> m;
        try {
            m = known(known, type, what);
        } catch (IllegalArgumentException e) {
            throw n.get("type").error(e.getMessage());
        }
        String[] allowed = new String[m.settings().size() + 1];
        allowed[0] = "type";
        for (int i = 0; i < m.settings().size(); i++) {
            allowed[i + 1] = m.settings().get(i).key();
        }
        n.object(allowed);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (Setting s : m.settings()) {
            if (n.has(s.key())) {
                settings.put(s.key(), s.read(n.get(s.key())));
            }
        }
        try {
            m.create(settings, 0L);
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        return new ComponentSpec(type, settings);
    }
}
