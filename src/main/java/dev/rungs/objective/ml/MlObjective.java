package dev.rungs.objective.ml;

import dev.rungs.objective.Objective;
import dev.rungs.objective.TrialContext;
import dev.rungs.scheduler.Decision;
import dev.rungs.space.Config;
import dev.rungs.study.Direction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

/**
 * Trains a model family on a dataset and scores it by validation: the objective of a dataset
 * study.
 *
 * <p>Families with a resource report their validation score every {@code reportEvery} steps and
 * at their last step, so that schedulers can prune them; the MLP also saves a checkpoint at every
 * report, so that it can be paused, resumed and cloned (PBT). A configuration may leave
 * parameters out of the family's space; they take the family's defaults.
 *
 * <p>One trial trains on one thread: Smile's tree code uses parallel streams, which here run in
 * a private one-thread pool instead of the shared one, so a study with N workers keeps N cores
 * busy, not more.
 */
public final class MlObjective implements Objective {
    private static final int CHECKPOINT_VERSION = 1;

    private final Dataset data;
    private final ModelFamily family;
    private final Metric metric;
    private final Validation validation;
    private final long reportEvery;
    private final List<Fold> folds = new ArrayList<>();

    /**
     * @param reportEvery steps between reports (families with a resource)
     * @throws IllegalArgumentException if the family or the metric does not fit the task
     * @throws DatasetException if the data is too small for the validation
     */
    public MlObjective(Dataset data, ModelFamily family, Metric metric, Validation validation, long reportEvery) {
        check(data, family, metric);
        if (reportEvery < 1) {
            throw new IllegalArgumentException("reportEvery must be at least 1, got " + reportEvery);
        }
        this.data = data;
        this.family = family;
        this.metric = metric;
        this.validation = validation;
        this.reportEvery = reportEvery;
        for (Validation.Split s : validation.splits(data)) {
            folds.add(Fold.of(data, s, family.standardizes()));
        }
    }

    /** Throws {@link IllegalArgumentException} if {@code family} or {@code metric} cannot be used on {@code data}. */
    public static void check(Dataset data, ModelFamily family, Metric metric) {
        if (!family.supports(data.task())) {
            throw new IllegalArgumentException("the model " + family.name() + " cannot do " + data.task().specName()
                    + " (the target '" + data.target() + "' of " + data.name() + ")");
        }
        if (metric.task() != data.task()) {
            throw new IllegalArgumentException("the metric " + metric.specName() + " scores "
                    + metric.task().specName() + ", but the task is " + data.task().specName());
        }
        if (metric.needsProbabilities() && !family.givesProbabilities()) {
            throw new IllegalArgumentException("the metric " + metric.specName()
                    + " needs class probabilities, which the model " + family.name() + " does not give");
        }
        if (metric == Metric.ROC_AUC && data.classes().size() != 2) {
            throw new IllegalArgumentException("roc_auc needs two classes, but the target '" + data.target()
                    + "' has " + data.classes().size());
        }
    }

    /** Whether the metric is maximised or minimised. */
    public Direction direction() {
        return metric.direction();
    }

    /** The dataset. */
    public Dataset data() {
        return data;
    }

    /** The model family. */
    public ModelFamily family() {
        return family;
    }

    /** The validation scheme. */
    public Validation validation() {
        return validation;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            Future<Double> f = pool.submit(() -> run(config, ctx));
            try {
                return f.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception ex) {
                    throw ex;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            } catch (InterruptedException e) {
                f.cancel(true);
                throw e;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code config} with the family's defaults for every parameter it leaves out. */
    Config complete(Config config) {
        Map<String, Object> all = new HashMap<>(family.defaults().values());
        all.putAll(config.values());
        return new Config(all);
    }

    /** The last step this run trains to: the configuration's resource, capped by the budget. */
    long target(Config config, long budget) {
        Optional<String> r = family.resource();
        if (r.isEmpty()) {
            return 1;
        }
        return config.has(r.get()) ? Math.max(1, Math.min(config.getLong(r.get()), budget)) : budget;
    }

    private double run(Config config, TrialContext ctx) {
        Config c = complete(config);
        long target = target(config, ctx.budget());
        List<FoldModel> models = new ArrayList<>();
        long step = 0;
        Optional<byte[]> saved = family.checkpoints() ? ctx.restoreCheckpoint() : Optional.empty();
        if (saved.isPresent()) {
            step = restore(saved.get(), c, models);
        } else {
            long seed = ctx.random().nextLong();
            for (int i = 0; i < folds.size(); i++) {
                models.add(family.create(c, folds.get(i), seed + i * 0x9E3779B97F4A7C15L));
            }
        }
        if (!family.incremental()) {
            for (FoldModel m : models) {
                m.trainTo(target);
            }
            double value = score(models);
            if (family.resource().isPresent()) {
                ctx.report(target, value);
            }
            return value;
        }
        double value = Double.NaN;
        while (step < target) {
            long next = Math.min(target, (step / reportEvery + 1) * reportEvery);
            for (FoldModel m : models) {
                m.trainTo(next);
            }
            step = next;
            value = score(models);
            if (family.checkpoints()) {
                ctx.saveCheckpoint(save(step, models));
            }
            Decision d = ctx.report(step, value);
            if (d instanceof Decision.Exploit && family.checkpoints()) {
                // PBT: carry on from the donor's weights with the perturbed hyperparameters.
                c = complete(ctx.config());
                Optional<byte[]> donor = ctx.restoreCheckpoint();
                if (donor.isPresent()) {
                    models.clear();
                    step = restore(donor.get(), c, models);
                }
                target = Math.max(step, target(ctx.config(), ctx.budget()));
                continue;
            }
            if (!d.shouldContinue()) {
                return value;
            }
        }
        return Double.isNaN(value) ? score(models) : value;
    }

    /** The metric's mean over the folds. */
    double score(List<FoldModel> models) {
        double sum = 0;
        for (int i = 0; i < models.size(); i++) {
            Fold f = folds.get(i);
            sum += metric.score(f.yTest(), models.get(i).predict(), f.classes());
        }
        return sum / models.size();
    }

    private static byte[] save(long step, List<FoldModel> models) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(CHECKPOINT_VERSION);
            out.writeLong(step);
            out.writeInt(models.size());
            for (FoldModel m : models) {
                byte[] b = m.save();
                out.writeInt(b.length);
                out.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The fold models a checkpoint holds (for tests that compare two of them). */
    List<FoldModel> restoreModels(byte[] state, Config config) {
        List<FoldModel> models = new ArrayList<>();
        restore(state, complete(config), models);
        return models;
    }

    private long restore(byte[] state, Config c, List<FoldModel> models) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            int version = in.readInt();
            if (version != CHECKPOINT_VERSION) {
                throw new IllegalStateException("checkpoint version " + version + " is not " + CHECKPOINT_VERSION);
            }
            long step = in.readLong();
            int n = in.readInt();
            if (n != folds.size()) {
                throw new IllegalStateException("the checkpoint holds " + n + " folds, the validation has "
                        + folds.size());
            }
            for (int i = 0; i < n; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                models.add(family.restore(b, c, folds.get(i)));
            }
            return step;
        } catch (IOException e) {
            throw new IllegalStateException("the checkpoint cannot be read: " + e.getMessage(), e);
        }
    }
}
