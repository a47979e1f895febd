package dev.rungs.objective.ml;

import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import smile.base.mlp.Layer;
import smile.base.mlp.MultilayerPerceptron;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;
import smile.math.matrix.Matrix;

/**
 * Multilayer perceptron (Smile): one ReLU hidden layer, softmax (or sigmoid for two classes)
 * output, mini-batch SGD with momentum and L2 weight decay, on standardised features;
 * classification only. The resource is epochs.
 *
 * <p>Training is deterministic for a seed: the initial weights come from Smile's per-thread
 * generator seeded first, and each epoch's row order from the seed and the epoch number. A
 * checkpoint holds the network, the momentum buffers and the epoch, so that training continued
 * from it gives exactly the weights of uninterrupted training. Learning rate, momentum and
 * weight decay may change between epochs ({@link FoldModel#reconfigure}); the hidden layer's
 * size comes from the checkpoint.
 */
public final class MlpFamily implements ModelFamily {
    private static final SearchSpace SPACE = SearchSpace.builder()
            .intParam("hidden_units", 50, 200)
            .logFloatParam("l2", 1e-5, 1e-1)
            .logFloatParam("learning_rate", 1e-4, 1e-1)
            .categorical("batch_size", 32L, 64L, 128L)
            .build();
    private static final Config DEFAULTS = new Config(Map.of("hidden_units", 100L, "l2", 1e-4, "learning_rate", 0.01,
            "batch_size", 32L, "momentum", 0.9));

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "Multilayer perceptron, one hidden layer (classification); resource: epochs";
    }

    @Override
    public SearchSpace space() {
        return SPACE;
    }

    /** The space's parameters, plus {@code momentum} 0.9, which a space may add (0 to 0.99). */
    @Override
    public Config defaults() {
        return DEFAULTS;
    }

    @Override
    public Optional<String> resource() {
        return Optional.of("epochs");
    }

    @Override
    public long defaultMaxResource() {
        return 50;
    }

    @Override
    public boolean incremental() {
        return true;
    }

    /** Every epoch: epochs are few and costly, and PBT exploits between them. */
    @Override
    public long reportEvery(long maxResource) {
        return 1;
    }

    @Override
    public boolean checkpoints() {
        return true;
    }

    @Override
    public boolean supports(Task task) {
        return task == Task.CLASSIFICATION;
    }

    @Override
    public boolean givesProbabilities() {
        return true;
    }

    @Override
    public boolean standardizes() {
        return true;
    }

    @Override
    public FoldModel create(Config c, Fold fold, long seed) {
        MathEx.setSeed(seed);
        int k = fold.classes();
        MLP net = new MLP(Layer.input(fold.features()), Layer.rectifier(c.getInt("hidden_units")),
                k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX));
        Net n = new Net(net, fold, seed, 0);
        n.reconfigure(c);
        return n;
    }

    @Override
    public FoldModel restore(byte[] state, Config c, Fold fold) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(state))) {
            long seed = in.readLong();
            int epochs = in.readInt();
            MLP net = (MLP) in.readObject();
            Net n = new Net(net, fold, seed, epochs);
            // The momentum buffers live in per-thread slots, which serialisation leaves out.
            for (Layer layer : layers(net)) {
                Matrix weightUpdate = (Matrix) in.readObject();
                double[] biasUpdate = (double[]) in.readObject();
                if (weightUpdate != null) {
                    threadLocal(layer, "weightUpdate").set(weightUpdate);
                    threadLocal(layer, "biasUpdate").set(biasUpdate);
                }
            }
            n.reconfigure(c);
            return n;
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("the MLP checkpoint cannot be read: " + e.getMessage(), e);
        }
    }

    /** The network's layers, hidden first, output last. */
    static List<Layer> layers(MultilayerPerceptron net) {
        try {
            Field netField = MultilayerPerceptron.class.getDeclaredField("net");
            Field outField = MultilayerPerceptron.class.getDeclaredField("output");
            netField.setAccessible(true);
            outField.setAccessible(true);
            List<Layer> all = new ArrayList<>(Arrays.asList((Layer[]) netField.get(net)));
            Layer out = (Layer) outField.get(net);
            if (!all.contains(out)) {
                all.add(out);
            }
            return all;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Smile version's MLP layout is not the expected one", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> ThreadLocal<T> threadLocal(Layer layer, String name) {
        try {
            Field f = Layer.class.getDeclaredField(name);
            f.setAccessible(true);
            return (ThreadLocal<T>) f.get(layer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Smile version's MLP layout is not the expected one", e);
        }
    }

    /** One fold's network and where its training stands. */
    static final class Net implements FoldModel {
        private final MLP net;
        private final Fold fold;
        private final long seed;
        private final int[] labels;
        private int epochs;
        private int batch;

        Net(MLP net, Fold fold, long seed, int epochs) {
            this.net = net;
            this.fold = fold;
            this.seed = seed;
            this.epochs = epochs;
            this.labels = fold.labels();
        }

        @Override
        public void reconfigure(Config c) {
            net.setLearningRate(TimeFunction.constant(c.getDouble("learning_rate")));
            net.setMomentum(TimeFunction.constant(c.has("momentum") ? c.getDouble("momentum") : 0.9));
            net.setWeightDecay(c.getDouble("l2"));
            batch = c.getInt("batch_size");
        }

        @Override
        public void trainTo(long step) {
            double[][] x = fold.xTrain();
            int n = x.length;
            while (epochs < step) {
                epochs++;
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                SplittableRandom rng = new SplittableRandom(seed ^ (epochs * 0x9E3779B97F4A7C15L));
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += batch) {
                    int m = Math.min(batch, n - start);
                    double[][] bx = new double[m][];
                    int[] by = new int[m];
                    for (int i = 0; i < m; i++) {
                        bx[i] = x[order[start + i]];
                        by[i] = labels[order[start + i]];
                    }
                    net.update(bx, by);
                }
            }
        }

        @Override
        public Predictions predict() {
            double[][] test = fold.xTest();
            int[] out = new int[test.length];
            double[][] prob = new double[test.length][fold.classes()];
            for (int i = 0; i < test.length; i++) {
                out[i] = net.predict(test[i], prob[i]);
            }
            return Predictions.classes(out, prob);
        }

        @Override
        public byte[] save() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeLong(seed);
                out.writeInt(epochs);
                out.writeObject(net);
                for (Layer layer : layers(net)) {
                    // The input layer has no weights and so no momentum buffers.
                    ThreadLocal<Matrix> w = threadLocal(layer, "weightUpdate");
                    ThreadLocal<double[]> b = threadLocal(layer, "biasUpdate");
                    out.writeObject(w == null ? null : w.get());
                    out.writeObject(b == null ? null : b.get());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the MLP could not be saved", e);
            }
            return bytes.toByteArray();
        }

        /** Every weight and bias, flattened in layer order (for comparing two networks). */
        double[] weights() {
            List<Double> all = new ArrayList<>();
            for (Layer layer : layers(net)) {
                try {
                    Field w = Layer.class.getDeclaredField("weight");
                    Field b = Layer.class.getDeclaredField("bias");
                    w.setAccessible(true);
                    b.setAccessible(true);
                    Matrix m = (Matrix) w.get(layer);
                    if (m == null) {
                        continue;
                    }
                    for (int i = 0; i < m.nrow(); i++) {
                        for (int j = 0; j < m.ncol(); j++) {
                            all.add(m.get(i, j));
                        }
                    }
                    for (double v : (double[]) b.get(layer)) {
                        all.add(v);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return all.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** Epochs trained so far. */
        int epochs() {
            return epochs;
        }
    }
}
