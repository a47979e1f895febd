package dev.rungs.spec;

import dev.rungs.objective.Objective;
import dev.rungs.objective.bench.BenchmarkProblem;
import dev.rungs.objective.bench.BenchmarkProblems;
import dev.rungs.objective.command.CommandObjective;
import dev.rungs.objective.ml.Dataset;
import dev.rungs.objective.ml.DatasetException;
import dev.rungs.objective.ml.DatasetLoader;
import dev.rungs.objective.ml.Metric;
import dev.rungs.objective.ml.MissingPolicy;
import dev.rungs.objective.ml.MlObjective;
import dev.rungs.objective.ml.ModelFamilies;
import dev.rungs.objective.ml.ModelFamily;
import dev.rungs.objective.ml.Task;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Direction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code objective} of a spec, for each type: {@code benchmark}, {@code dataset}
 * (a CSV file and a model family) and {@code command} (an external program), and builds the
 * objective from a checked spec. Paths in options are resolved against the spec file's folder
 * and stored absolute, so a stored spec reads back the same from anywhere.
 */
final class ObjectiveReader {
    static final List<String> TYPES = List.of("benchmark", "dataset", "command");

    private ObjectiveReader() {
    }

    /** What a spec takes from its objective when it does not say otherwise. */
    interface Defaults {
        /** Minimise or maximise. */
        Direction direction();

        /** The default search space; {@code null} if there is none and the spec must give one. */
        SearchSpace space();

        /** The default largest resource per trial. */
        long maxResource();

        /** Throws {@link IllegalArgumentException} if the objective cannot take {@code space}. */
        void checkSpace(SearchSpace space);
    }

    /** A read objective and its defaults. */
    record Read(ObjectiveSpec spec, Defaults defaults) {
    }

    static Read read(SpecNode n, Path base, SpecReader.Datasets datasets) {
        n.object("type", "name", "options");
        String type = n.get("type").asString();
        switch (type) {
            case "benchmark":
                return benchmark(n);
            case "dataset":
                return dataset(n, base, datasets);
            case "command":
                return command(n, base);
            default:
                throw n.get("type").error("unknown objective type \"" + type + "\"; known: " + String.join(", ", TYPES));
        }
    }

    private static Read benchmark(SpecNode n) {
        Map<String, Object> options = n.has("options") ? n.get("options").scalarMap() : Map.of();
        ObjectiveSpec spec = new ObjectiveSpec("benchmark", n.get("name").asString(), options);
        BenchmarkProblem problem;
        try {
            problem = BenchmarkProblems.byName(spec.name(), spec.options());
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("unknown benchmark") ? "name" : "options";
            throw new SpecException(n.path().field(field), e.getMessage());
        }
        return new Read(spec, new Defaults() {
            @Override
            public Direction direction() {
                return problem.direction();
            }

            @Override
            public SearchSpace space() {
                return problem.space();
            }

            @Override
            public long maxResource() {
                return problem.maxResource();
            }

            @Override
            public void checkSpace(SearchSpace space) {
                TreeSet<String> given = names(space);
                TreeSet<String> needed = names(problem.space());
                if (!given.equals(needed)) {
                    throw new IllegalArgumentException("the benchmark " + problem.name() + " takes the parameters "
                            + needed + ", got " + given);
                }
            }
        });
    }

    private static TreeSet<String> names(SearchSpace s) {
        TreeSet<String> names = new TreeSet<>();
        for (Param p : s.params()) {
            names.add(p.name());
        }
        return names;
    }

    private static Read dataset(SpecNode n, Path base, SpecReader.Datasets datasets) {
        SpecNode o = n.get("options").object("file", "target", "task", "missing", "header", "ignore", "validation",
                "metric", "model", "report_every");
        Map<String, Object> opts = new LinkedHashMap<>();
        Path file = base.resolve(o.get("file").asString()).toAbsolutePath().normalize();
        opts.put("file", file.toString());
        if (o.has("target")) {
            opts.put("target", o.get("target").asString());
        }
        if (o.has("task")) {
            String t = o.get("task").asString();
            if (Task.bySpecName(t) == null) {
                throw o.get("task").error("must be \"classification\" or \"regression\", got \"" + t + "\"");
            }
            opts.put("task", t);
        }
        String missing = o.string("missing", "impute");
        if (MissingPolicy.bySpecName(missing) == null) {
            throw o.get("missing").error("must be \"impute\" or \"drop\", got \"" + missing + "\"");
        }
        opts.put("missing", missing);
        if (o.has("header")) {
            opts.put("header", o.bool("header", true));
        }
        if (o.has("ignore")) {
            List<String> ignore = new ArrayList<>();
            for (SpecNode c : o.get("ignore").array()) {
                ignore.add(c.asString());
            }
            opts.put("ignore", ignore);
        }
        String model = o.get("model").asString();
        ModelFamily family;
        try {
            family = ModelFamilies.byName(model);
        } catch (IllegalArgumentException | ModelFamilies.SmileMissingException e) {
            throw o.get("model").error(e.getMessage());
        }
        opts.put("model", model);
        opts.put("validation", validation(o));
        if (o.has("metric")) {
            String m = o.get("metric").asString();
            if (Metric.bySpecName(m) == null) {
                List<String> known = new ArrayList<>();
                for (Metric x : Metric.values()) {
                    known.add(x.specName());
                }
                throw o.get("metric").error("unknown metric \"" + m + "\"; known: " + String.join(", ", known));
            }
            opts.put("metric", m);
        }
        if (o.has("report_every")) {
            long every = o.get("report_every").asInteger();
            if (every < 1) {
                throw o.get("report_every").error("must be at least 1");
            }
            opts.put("report_every", every);
        }
        String name = n.has("name") ? n.get("name").asString() : model;
        ObjectiveSpec spec = new ObjectiveSpec("dataset", name, opts);

        // Load and check now, so that a bad file or a misfit stops the spec before anything runs.
        Dataset data;
        try {
            data = loadDataset(spec, datasets);
        } catch (DatasetException e) {
            throw o.get("file").error(e.getMessage());
        }
        DatasetOptions typed = DatasetOptions.of(spec);
        Metric metric = typed.metricFor(data.task());
        try {
            MlObjective.check(data, family, metric);
        } catch (IllegalArgumentException e) {
            throw (o.has("metric") ? o.get("metric") : o.get("model")).error(e.getMessage());
        }
        try {
            typed.validation().validation().splits(data);
        } catch (DatasetException e) {
            throw new SpecException(o.path().field("validation"), e.getMessage());
        }
        return new Read(spec, new Defaults() {
            @Override
            public Direction direction() {
                return metric.direction();
            }

            @Override
            public SearchSpace space() {
                return family.space();
            }

            @Override
            public long maxResource() {
                return family.defaultMaxResource();
            }

            @Override
            public void checkSpace(SearchSpace space) {
                TreeSet<String> known = names(family.space());
                known.addAll(family.defaults().values().keySet());
                TreeSet<String> unknown = names(space);
                unknown.removeAll(known);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("the model " + family.name() + " takes the parameters " + known
                            + "; unknown: " + unknown);
                }
            }
        });
    }

    private static Map<String, Object> validation(SpecNode o) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (!o.has("validation")) {
            v.put("kind", "kfold");
            v.put("folds", 5L);
            v.put("seed", 0L);
            return v;
        }
        SpecNode n = o.get("validation").object("kind", "folds", "test_fraction", "seed");
        String kind = n.get("kind").asString();
        v.put("kind", kind);
        switch (kind) {
            case "kfold": {
                if (n.has("test_fraction")) {
                    throw n.get("test_fraction").error("applies to holdout validation, not kfold");
                }
                long folds = n.integer("folds", 5);
                if (folds < 2 || folds > 100) {
                    throw n.get("folds").error("must be between 2 and 100");
                }
                v.put("folds", folds);
                break;
            }
            case "holdout": {
                if (n.has("folds")) {
                    throw n.get("folds").error("applies to kfold validation, not holdout");
                }
                double f = n.number("test_fraction", 0.2);
                if (!(f > 0 && f < 1)) {
                    throw n.get("test_fraction").error("must be between 0 and 1 (exclusive)");
                }
                v.put("test_fraction", f);
                break;
            }
            default:
                throw n.get("kind").error("must be \"kfold\" or \"holdout\", got \"" + kind + "\"");
        }
        v.put("seed", n.integer("seed", 0));
        return v;
    }

    static Dataset loadDataset(ObjectiveSpec spec, SpecReader.Datasets datasets) {
        DatasetOptions o = DatasetOptions.of(spec);
        return datasets.load(o.path(), o.loaderOptions());
    }

    private static Read command(SpecNode n, Path base) {
        SpecNode o = n.get("options").object("command", "workdir", "timeout_seconds", "params_as", "grace_seconds",
                "checkpoint_dir");
        Map<String, Object> opts = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (SpecNode c : o.get("command").array()) {
            command.add(c.asString());
        }
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw o.get("command").error("must name a program, as in [\"python3\", \"train.py\"]");
        }
        Path workdir = base.resolve(o.string("workdir", ".")).toAbsolutePath().normalize();
        if (!Files.isDirectory(workdir)) {
            throw o.get("workdir").error("the folder " + workdir + " does not exist");
        }
        // A relative program path ("./train.sh") means the one in the working folder.
        String program = command.get(0);
        if ((program.contains("/") || program.contains("\\")) && !Path.of(program).isAbsolute()) {
            command.set(0, workdir.resolve(program).normalize().toString());
        }
        opts.put("command", command);
        opts.put("workdir", workdir.toString());
        double timeout = o.number("timeout_seconds", 0);
        if (timeout < 0 || !Double.isFinite(timeout)) {
            throw o.get("timeout_seconds").error("must be a positive number of seconds (0 for no limit)");
        }
        opts.put("timeout_seconds", timeout);
        double grace = o.number("grace_seconds", 5);
        if (grace < 0 || !Double.isFinite(grace)) {
            throw o.get("grace_seconds").error("must be a positive number of seconds");
        }
        opts.put("grace_seconds", grace);
        List<String> as = new ArrayList<>();
        if (o.has("params_as")) {
            for (SpecNode a : o.get("params_as").array()) {
                String s = a.asString();
                if (CommandObjective.ParamsAs.bySpecName(s) == null) {
                    throw a.error("must be \"args\", \"env\" or \"json\", got \"" + s + "\"");
                }
                as.add(s);
            }
        } else {
            as.addAll(List.of("args", "env", "json"));
        }
        opts.put("params_as", as);
        if (o.has("checkpoint_dir")) {
            opts.put("checkpoint_dir", base.resolve(o.get("checkpoint_dir").asString()).toAbsolutePath().normalize()
                    .toString());
        }
        String name = n.has("name") ? n.get("name").asString() : Path.of(program).getFileName().toString();
        return new Read(new ObjectiveSpec("command", name, opts), new Defaults() {
            @Override
            public Direction direction() {
                return Direction.MINIMIZE;
            }

            @Override
            public SearchSpace space() {
                return null;
            }

            @Override
            public long maxResource() {
                return 1;
            }

            @Override
            public void checkSpace(SearchSpace space) {
                // a command takes whatever parameters it is given
            }
        });
    }

    /** The objective a checked spec describes. */
    static Objective create(StudySpec s) {
        ObjectiveSpec o = s.objective();
        switch (o.type()) {
            case "dataset": {
                DatasetOptions options = DatasetOptions.of(o);
                Dataset data = DatasetLoader.load(options.path(), options.loaderOptions());
                ModelFamily family = ModelFamilies.byName(options.model());
                long reportEvery = options.reportEvery() != null ? options.reportEvery()
                        : family.reportEvery(s.maxResource());
                return new MlObjective(data, family, options.metricFor(data.task()), options.validation().validation(),
                        reportEvery);
            }
            case "command":
                return command(CommandOptions.of(o));
            default:
                return BenchmarkProblems.byName(o.name(), o.options());
        }
    }

    private static CommandObjective command(CommandOptions o) {
        Set<CommandObjective.ParamsAs> as = EnumSet.noneOf(CommandObjective.ParamsAs.class);
        o.paramsAs().forEach(a -> as.add(CommandObjective.ParamsAs.bySpecName(a)));
        // Without a checkpoint_dir each run of a trial makes a temporary folder and removes it.
        Path checkpoints = null;
        if (o.checkpointDir() != null) {
            try {
                checkpoints = Files.createDirectories(Path.of(o.checkpointDir()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the checkpoint folder: " + e.getMessage(), e);
            }
        }
        return new CommandObjective(new CommandObjective.Settings(o.command(), Path.of(o.workdir()),
                o.timeoutSeconds() > 0 ? Duration.ofMillis(Math.round(o.timeoutSeconds() * 1000)) : null, as,
                Duration.ofMillis(Math.round(o.graceSeconds() * 1000)), checkpoints));
    }
}
