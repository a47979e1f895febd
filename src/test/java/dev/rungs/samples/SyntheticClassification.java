package dev.rungs.samples;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the synthetic classification set of the sample projects: 10,000 rows, 20 features, two
 * classes, after the recipe of scikit-learn's {@code make_classification}. Five informative
 * features are Gaussian around the class's corner of a hypercube (side 2), five redundant ones
 * are fixed random mixtures of the informative ones, ten are pure noise, and 1% of the labels
 * are flipped. Seeded, so the file is the same on every run:
 *
 * <pre>
 * mvn -q test-compile
 * java -cp target/test-classes dev.rungs.samples.SyntheticClassification FILE
 * </pre>
 */
public final class SyntheticClassification {
    static final int ROWS = 10_000;
    static final int INFORMATIVE = 5;
    static final int REDUNDANT = 5;
    static final int NOISE = 10;
    static final long SEED = 20_240_611L;

    private SyntheticClassification() {
    }

    /** Writes the set to {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]));
    }

    static void write(Path file) throws IOException {
        SplittableRandom rng = new SplittableRandom(SEED);
        // One corner of the informative hypercube per class, and the fixed mixing for the redundant features.
        double[][] corners = new double[2][INFORMATIVE];
        for (double[] c : corners) {
            for (int j = 0; j < INFORMATIVE; j++) {
                c[j] = rng.nextBoolean() ? 1 : -1;
            }
        }
        if (java.util.Arrays.equals(corners[0], corners[1])) {
            corners[1][0] = -corners[1][0];
        }
        double[][] mix = new double[REDUNDANT][INFORMATIVE];
        for (double[] m : mix) {
            for (int j = 0; j < INFORMATIVE; j++) {
                m[j] = rng.nextDouble(-1, 1);
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < INFORMATIVE + REDUNDANT + NOISE; j++) {
                header.append("x").append(j + 1).append(',');
            }
            w.write(header.append("label\n").toString());
            for (int i = 0; i < ROWS; i++) {
                int label = i % 2;
                double[] x = new double[INFORMATIVE + REDUNDANT + NOISE];
                for (int j = 0; j < INFORMATIVE; j++) {
                    x[j] = corners[label][j] + gaussian(rng);
                }
                for (int r = 0; r < REDUNDANT; r++) {
                    double v = 0;
                    for (int j = 0; j < INFORMATIVE; j++) {
                        v += mix[r][j] * x[j];
                    }
                    x[INFORMATIVE + r] = v;
                }
                for (int n = 0; n < NOISE; n++) {
                    x[INFORMATIVE + REDUNDANT + n] = gaussian(rng);
                }
                int shown = rng.nextDouble() < 0.01 ? 1 - label : label;
                StringBuilder row = new StringBuilder();
                for (double v : x) {
                    row.append(String.format(Locale.ROOT, "%.4f", v)).append(',');
                }
                w.write(row.append(shown).append('\n').toString());
            }
        }
    }

    /** A standard normal draw (Box-Muller), so the file does not depend on a JDK's Gaussian. */
    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
