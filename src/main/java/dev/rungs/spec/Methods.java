package dev.rungs.spec;

import dev.rungs.sampler.ExplainsDensities;
import dev.rungs.sampler.GridSampler;
import dev.rungs.sampler.RandomSampler;
import dev.rungs.sampler.Sampler;
import dev.rungs.sampler.SobolSampler;
import dev.rungs.sampler.bohb.BohbSampler;
import dev.rungs.sampler.bohb.BohbSettings;
import dev.rungs.sampler.tpe.TpeSampler;
import dev.rungs.sampler.tpe.TpeSettings;
import dev.rungs.scheduler.DescribesRungs;
import dev.rungs.scheduler.RungPlan;
import dev.rungs.scheduler.Scheduler;
import dev.rungs.scheduler.hyperband.AshaScheduler;
import dev.rungs.scheduler.hyperband.HyperbandScheduler;
import dev.rungs.scheduler.hyperband.SuccessiveHalvingScheduler;
import dev.rungs.scheduler.median.MedianStoppingScheduler;
import dev.rungs.spec.Setting.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The samplers and schedulers a spec can name, with their settings and defaults.
 *
 * <p>Multi-fidelity methods are a sampler and a scheduler together: Hyperband with random
 * search is sampler {@code random} + scheduler {@code hyperband}; BOHB is sampler {@code bohb} +
 * scheduler {@code hyperband}; TPE with Hyperband (as in Optuna) is sampler {@code tpe} +
 * scheduler {@code hyperband}. The {@code bohb} sampler learns from the budgets a
 * Hyperband-family scheduler writes, so a spec that names it with any other scheduler is rejected.
 */
public final class Methods {
    /** The sampler used when a spec names none. */
    public static final String DEFAULT_SAMPLER = "tpe";
    /** Schedulers that run trials at the budgets of a ladder of rungs, which the bohb sampler needs. */
    public static final Set<String> HYPERBAND_FAMILY = Set.of("successive_halving", "hyperband", "asha");

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

        sampler(new Method<>("bohb", "BOHB's model: one KDE per budget (HpBandSter's defaults); needs a Hyperband-family "
                + "scheduler", List.of(
                new Setting("min_points_in_model", Kind.WHOLE_NUMBER, 0L,
                        "observations a budget needs for a model; 0 = number of parameters + 1 (never fewer)"),
                new Setting("top_n_percent", Kind.WHOLE_NUMBER, 15L, "percentage of observations in the good set"),
                new Setting("num_samples", Kind.WHOLE_NUMBER, 64L, "candidates drawn from the good density"),
                new Setting("random_fraction", Kind.NUMBER, 1.0 / 3, "share of proposals drawn uniformly at random"),
                new Setting("bandwidth_factor", Kind.NUMBER, 3.0, "widens the bandwidths when drawing candidates"),
                new Setting("min_bandwidth", Kind.NUMBER, 1e-3, "smallest bandwidth of any dimension")),
                (s, seed) -> new BohbSampler(new BohbSettings(whole(s, "min_points_in_model"),
                        whole(s, "top_n_percent"), whole(s, "num_samples"), number(s, "random_fraction"),
                        number(s, "bandwidth_factor"), number(s, "min_bandwidth")))));

        scheduler(new Method<>("none", "No early stopping: every trial runs to its end", List.of(),
                (s, seed) -> Scheduler.none()));
        scheduler(new Method<>("median", "Median stopping rule", List.of(
                new Setting("startup_trials", Kind.WHOLE_NUMBER, 5L, "completed trials before any stopping"),
                new Setting("warmup_steps", Kind.WHOLE_NUMBER, 0L, "steps before a trial can be stopped"),
                new Setting("interval_steps", Kind.WHOLE_NUMBER, 1L, "check every this many steps")),
                (s, seed) -> new MedianStoppingScheduler(whole(s, "startup_trials"),
                        (Long) s.get("warmup_steps"), (Long) s.get("interval_steps"))));
        scheduler(new Method<>("successive_halving", "Synchronous Successive Halving: one bracket, repeated",
                rungSettings(HyperbandScheduler.DEFAULT_ETA), (s, seed) -> new SuccessiveHalvingScheduler((Long) s.get("min_resource"),
                        (Long) s.get("max_resource"), whole(s, "reduction_factor"))));
        scheduler(new Method<>("hyperband", "Hyperband: Successive Halving over every bracket s = s_max ... 0",
                rungSettings(HyperbandScheduler.DEFAULT_ETA), (s, seed) -> new HyperbandScheduler(
                        (Long) s.get("min_resource"), (Long) s.get("max_resource"), whole(s, "reduction_factor"))));
        List<Setting> asha = new java.util.ArrayList<>(rungSettings(AshaScheduler.DEFAULT_ETA));
        asha.set(0, new Setting("min_resource", Kind.WHOLE_NUMBER, AshaScheduler.AUTO_MIN_RESOURCE,
                "r: the smallest resource a trial runs with; 0 = max(1, R / 100); raise it when rankings at r "
                        + "say little about the final ones"));
        asha.add(new Setting("min_early_stopping_rate", Kind.WHOLE_NUMBER, 0L,
                "s: the first rung is at min_resource * reduction_factor^s"));
        asha.add(new Setting("brackets", Kind.WHOLE_NUMBER, 1L,
                "asynchronous Hyperband: brackets side by side, bracket b's first rung at min_resource * "
                        + "reduction_factor^(s + b); new trials take them in turn (1 = ASHA)"));
        asha.add(new Setting("pruner", Kind.BOOLEAN, false,
                "stop trials that run to the end at rung boundaries instead of pausing and promoting them"));
        scheduler(new Method<>("asha", "Asynchronous Successive Halving: promotions without waiting", asha,
                (s, seed) -> new AshaScheduler((Long) s.get("min_resource"), (Long) s.get("max_resource"),
                        whole(s, "reduction_factor"), whole(s, "min_early_stopping_rate"), whole(s, "brackets"),
                        (Boolean) s.get("pruner"))));
    }

    private static List<Setting> rungSettings(int eta) {
        return List.of(
                new Setting("min_resource", Kind.WHOLE_NUMBER, 1L, "r: the smallest resource a trial runs with"),
                new Setting("max_resource", Kind.WHOLE_NUMBER, 0L,
                        "R: the largest resource; 0 = the study's max_resource"),
                new Setting("reduction_factor", Kind.WHOLE_NUMBER, (long) eta,
                        "eta: keep the best 1/eta at each rung, with eta times the resource"));
    }

    private static double number(Map<String, Object> s, String key) {
        return ((Number) s.get(key)).doubleValue();
    }

    /**
     * Checks that a sampler and scheduler fit together and with the study's largest resource;
     * throws a {@link SpecException} at {@code path} (the spec's root) otherwise.
     */
    /**
     * The scheduler {@code sampler} must run with, when {@code scheduler} will not do; empty when
     * the pair is fine. BOHB needs a Hyperband-family scheduler and takes Hyperband by default.
     */
    public static java.util.Optional<String> schedulerNeededBy(String sampler, String scheduler) {
        return "bohb".equals(sampler) && !HYPERBAND_FAMILY.contains(scheduler)
                ? java.util.Optional.of("hyperband") : java.util.Optional.empty();
    }

    static void checkCombination(ComponentSpec sampler, ComponentSpec scheduler, long maxResource, String path) {
        if (schedulerNeededBy(sampler.type(), scheduler.type()).isPresent()) {
            throw new SpecException(path + ".scheduler", "sampler \"bohb\" needs a Hyperband-family scheduler ("
                    + String.join(", ", HYPERBAND_FAMILY.stream().sorted().toList()) + "), got \""
                    + scheduler.type() + "\"; BOHB is sampler bohb + scheduler hyperband");
        }
        if (HYPERBAND_FAMILY.contains(scheduler.type())) {
            Map<String, Object> given = scheduler.settings();
            long min = ((Number) given.getOrDefault("min_resource", 1L)).longValue();
            long max = ((Number) given.getOrDefault("max_resource", 0L)).longValue();
            long effective = max == 0 ? maxResource : max;
            if (min > effective) {
                throw new SpecException(path + ".scheduler.min_resource", "min_resource (" + min
                        + ") must not be greater than the largest resource per trial (" + effective + ")");
            }
        }
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

    /**
     * The rung plan of a study's scheduler, or empty if it does not work in rungs (or the spec
     * names no known scheduler): how the form and the rungs view show brackets.
     */
    public static Optional<RungPlan> rungPlan(StudySpec study) {
        return rungPlan(study.scheduler(), study.maxResource());
    }

    /** The rung plan of a scheduler for trials of up to {@code maxResource}, or empty (see {@link #rungPlan(StudySpec)}). */
    public static Optional<RungPlan> rungPlan(ComponentSpec scheduler, long maxResource) {
        try {
            return createScheduler(scheduler, 0) instanceof DescribesRungs d
                    ? Optional.of(d.rungPlan(maxResource)) : Optional.empty();
        } catch (RuntimeException unknown) {
            return Optional.empty();
        }
    }


    /** Builds the scheduler a spec names. */
    public static Scheduler createScheduler(ComponentSpec spec, long seed) {
        return known(SCHEDULERS, spec.type(), "scheduler").create(spec.settings(), seed);
    }

    /**
     * The study's sampler as one that can show its densities (TPE, BOHB), or empty when it
     * cannot or the spec names a sampler this version does not know. The one place the
     * workbench asks; it never tests for concrete sampler classes.
     */
    public static java.util.Optional<ExplainsDensities> densityExplainer(StudySpec spec) {
        Method<Sampler> m = SAMPLERS.get(spec.sampler().type());
        if (m == null) {
            return java.util.Optional.empty();
        }
        return m.create(spec.sampler().settings(), spec.seed()) instanceof ExplainsDensities e
                ? java.util.Optional.of(e) : java.util.Optional.empty();
    }

    private static <T> Method<T> known(Map<String, Method<T>> methods, String type, String what) {
        Method<T> m = methods.get(type);
        if (m == null) {
            throw new IllegalArgumentException("unknown " + what + " \"" + type + "\"; known: "
                    + String.join(", ", methods.keySet()));
        }
        return m;
    }

    /**
     * The method of a study as a person reads it, such as
     * {@code tpe (n_startup_trials 20, multivariate) + median (startup_trials 3)}: each
     * component with the settings that differ from its defaults (a true switch by its name
     * alone); the scheduler is left out when it is {@code none}.
     */
    public static String describe(ComponentSpec sampler, ComponentSpec scheduler) {
        String text = describe(SAMPLERS.get(sampler.type()), sampler);
        return "none".equals(scheduler.type()) ? text
                : text + " + " + describe(SCHEDULERS.get(scheduler.type()), scheduler);
    }

    /**
     * {@link #describe(ComponentSpec, ComponentSpec)} of a stored spec's JSON, reading only its
     * sampler and scheduler (so a dataset objective's file is not loaded, and need not exist).
     *
     * @throws SpecException when the JSON or those two parts cannot be read
     */
    public static String describe(String specJson) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(specJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SpecException("$", "not valid JSON: " + e.getOriginalMessage());
        }
        SpecNode spec = SpecNode.root(root);
        return describe(spec.has("sampler") ? readSampler(spec.get("sampler")) : new ComponentSpec(DEFAULT_SAMPLER,
                Map.of()), spec.has("scheduler") ? readScheduler(spec.get("scheduler")) : new ComponentSpec("none",
                Map.of()));
    }

    private static String describe(Method<?> method, ComponentSpec c) {
        if (method == null) {
            return c.type(); // a stored spec naming a method this version no longer has
        }
        List<String> changed = new java.util.ArrayList<>();
        for (Setting s : method.settings()) {
            Object v = c.settings().get(s.key());
            if (v != null && !sameValue(v, s.defaultValue())) {
                changed.add(Boolean.TRUE.equals(v) ? s.key() : s.key() + " " + settingText(v));
            }
        }
        return changed.isEmpty() ? c.type() : c.type() + " (" + String.join(", ", changed) + ")";
    }

    private static boolean sameValue(Object a, Object b) {
        return a instanceof Number x && b instanceof Number y ? x.doubleValue() == y.doubleValue() : a.equals(b);
    }

    private static String settingText(Object v) {
        return v instanceof Double d && Double.isFinite(d)
                ? new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
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
