package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.regression.RegressionTree;

/**
 * Random forest (Smile), grown one tree at a time so that every few trees can be reported and
 * pruned. Trees are averaged with equal weight (soft voting for classification).
 *
 * <p>Each tree's seed follows from the trial's seed and the tree's number, and each tree's
 * predictions are added to the test rows' running sums at once, so a checkpoint needs only the
 * seed, the number of trees and those sums: a forest continued from it grows exactly the trees
 * an uninterrupted one would.
 *
 * <p>Smile's trees have a minimum leaf size but no separate minimum split size. A node can only
 * split into two leaves of at least {@code min_leaf} rows, so {@code min_split} is honoured by
 * raising the leaf size to at least {@code ceil(min_split / 2)}.
 */
public final class RandomForestFamily implements ModelFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .intParam("trees", 10, 200)
            .intParam("max_depth", 2, 32)
            .intParam("min_split", 2, 20)
            .intParam("min_leaf", 1, 10)
            .build();
    private static final Config DEFAULTS = new Config(Map.of("trees", 100L, "max_depth", 20L, "min_split", 2L,
            "min_leaf", 1L));

    @Override
    public String name() {
        return "random_forest";
    }

    @Override
    public String description() {
        return "Random forest; resource: trees";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<String> resource() {
        return Optional.of("trees");
    }

    @Override
    public long defaultMaxResource() {
        return 200;
    }

    @Override
    public boolean incremental() {
        return true;
    }

    @Override
    public boolean checkpoints() {
        return true;
    }

    @Override
    public boolean supports(Task task) {
        return true;
    }

    @Override
    public boolean givesProbabilities() {
        return true;
    }

    @Override
    public boolean standardizes() {
        return false;
    }

    @Override
    public FoldModel create(Config c, Fold fold, long seed) {
        return new Forest(c, fold, seed);
    }

    @Override
    public FoldModel restore(byte[] state, Config c, Fold fold) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(state))) {
            Forest f = new Forest(c, fold, in.readLong());
            f.trees = in.readInt();
            int rows = in.readInt();
            int width = in.readInt();
            if (rows != f.sums.length || width != f.sums[0].length) {
                throw new IllegalStateException("the forest checkpoint is for " + rows + " test rows of width " + width
                        + ", this fold has " + f.sums.length + " of width " + f.sums[0].length);
            }
            for (double[] row : f.sums) {
                for (int k = 0; k < width; k++) {
                    row[k] = in.readDouble();
                }
            }
            return f;
        } catch (IOException e) {
            throw new IllegalStateException("the forest checkpoint cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Forest implements FoldModel {
        private final Fold fold;
        private final DataFrame train;
        private final DataFrame test;
        private final int maxDepth;
        private final int nodeSize;
        private final int mtry;
        private final long seed;
        /** Sum over trees of each test row's class posterior (or predicted value). */
        private final double[][] sums;
        private int trees;

        Forest(Config c, Fold fold, long seed) {
            this.fold = fold;
            this.train = SmileFrames.frame(fold.xTrain(), fold.yTrain(), fold.task());
            this.test = SmileFrames.testFrame(fold.xTest(), fold.task());
            this.maxDepth = c.getInt("max_depth");
            this.nodeSize = Math.max(c.getInt("min_leaf"), (c.getInt("min_split") + 1) / 2);
            int p = fold.features();
            // The usual feature sampling: sqrt(p) for classification, p/3 for regression.
            this.mtry = fold.task() == Task.CLASSIFICATION ? Math.max(1, (int) Math.floor(Math.sqrt(p)))
                    : Math.max(1, p / 3);
            this.seed = seed;
            this.sums = new double[fold.xTest().length][fold.task() == Task.CLASSIFICATION ? fold.classes() : 1];
        }

        @Override
        public void trainTo(long step) {
            int n = fold.xTrain().length;
            while (trees < step) {
                // Smile seeds a tree only for a positive seed and otherwise draws from whatever state
                // its thread's generator is in, which would make the forest irreproducible.
                long treeSeed = new SplittableRandom(seed + trees * 0x9E3779B97F4A7C15L).nextLong(1, Long.MAX_VALUE);
                if (fold.task() == Task.CLASSIFICATION) {
                    DecisionTree tree = RandomForest.fit(SmileFrames.FORMULA, train, 1, mtry, SplitRule.GINI, maxDepth,
                            n, nodeSize, 1.0, null, LongStream.of(treeSeed)).models()[0].tree;
                    double[] posterior = new double[fold.classes()];
                    for (int i = 0; i < sums.length; i++) {
                        tree.predict(test.get(i), posterior);
                        for (int k = 0; k < posterior.length; k++) {
                            sums[i][k] += posterior[k];
                        }
                    }
                } else {
                    RegressionTree tree = smile.regression.RandomForest.fit(SmileFrames.FORMULA, train, 1, mtry,
                            maxDepth, n, nodeSize, 1.0, LongStream.of(treeSeed)).models()[0].tree;
                    for (int i = 0; i < sums.length; i++) {
                        sums[i][0] += tree.predict(test.get(i));
                    }
                }
                trees++;
            }
        }

        @Override
        public byte[] save() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(seed);
                out.writeInt(trees);
                out.writeInt(sums.length);
                out.writeInt(sums[0].length);
                for (double[] row : sums) {
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        @Override
        public Predictions predict() {
            if (fold.task() == Task.REGRESSION) {
                double[] v = new double[sums.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = sums[i][0] / trees;
                }
                return Predictions.regression(v);
            }
            int[] labels = new int[sums.length];
            double[][] prob = new double[sums.length][];
            for (int i = 0; i < sums.length; i++) {
                prob[i] = sums[i].clone();
                for (int k = 0; k < prob[i].length; k++) {
                    prob[i][k] /= trees;
                }
                labels[i] = argmax(prob[i]);
            }
            return Predictions.classes(labels, prob);
        }
    }

    static int argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}
