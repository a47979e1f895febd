package dev.rungs.objective.bench;

import dev.rungs.objective.TrialContext;
import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Config;
import dev.rungs.space.SearchSpace;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The counting-ones problem of the BOHB paper (Falkner et al., 2018): {@code nCat} binary
 * categorical parameters {@code cat1 …} with choices {0, 1} and {@code nCont} continuous
 * parameters {@code cont1 …} in [0, 1]. At budget {@code b} each continuous {@code x_j} is
 * estimated by the mean of {@code b} Bernoulli(x_j) draws from {@link TrialContext#random()}:
 *
 * <pre>f(x) = −(Σ x_cat + Σ_j mean of b draws of Bernoulli(x_j))</pre>
 *
 * <p>The value is an unbiased estimate at every budget, with variance
 * {@code Σ_j x_j (1 − x_j) / b}: a larger budget buys less noise, not less bias. The optimum
 * {@code −(nCat + nCont)} is reached, without noise, at all ones. It mixes categorical and
 * continuous dimensions, which is what it was made to test.
 *
 * <p>Defaults: 8 + 8 = 16 dimensions and budgets 9 … 729 (η = 3 gives 9, 27, 81, 243, 729),
 * as in the paper. Any budget of at least 1 is accepted.
 */
public final class CountingOnes implements BenchmarkProblem {
    /** Default number of binary categorical parameters. */
    public static final int DEFAULT_N_CAT = 8;
    /** Default number of continuous parameters. */
    public static final int DEFAULT_N_CONT = 8;
    /** The smallest budget of the paper's setup. */
    public static final long MIN_BUDGET = 9;
    /** The largest budget of the paper's setup. */
    public static final long MAX_BUDGET = 729;

    private final int nCat;
    private final int nCont;
    private final SearchSpace space;

    /** The 16-dimensional default problem (8 categorical, 8 continuous). */
    public CountingOnes() {
        this(DEFAULT_N_CAT, DEFAULT_N_CONT);
    }

    /**
     * A problem with the given numbers of parameters.
     *
     * @param nCat binary categorical parameters, not negative
     * @param nCont continuous parameters, not negative
     * @throws IllegalArgumentException when a count is negative or both are 0
     */
    public CountingOnes(int nCat, int nCont) {
        if (nCat < 0 || nCont < 0 || nCat + nCont == 0) {
            throw new IllegalArgumentException("counting ones needs n_cat >= 0, n_cont >= 0 and at least one "
                    + "parameter, got n_cat=" + nCat + ", n_cont=" + nCont);
        }
        this.nCat = nCat;
        this.nCont = nCont;
        SearchSpace.Builder b = SearchSpace.builder();
        for (int i = 1; i <= nCat; i++) {
            // Long choices: the canonical type of whole numbers elsewhere in a configuration.
            b.add(new CategoricalParam("cat" + i, List.of(0L, 1L)));
        }
        for (int j = 1; j <= nCont; j++) {
            b.floatParam("cont" + j, 0, 1);
        }
        this.space = b.build();
    }

    /** Number of binary categorical parameters. */
    public int nCat() {
        return nCat;
    }

    /** Number of continuous parameters. */
    public int nCont() {
        return nCont;
    }

    /** The smallest budget of the standard setup (9). */
    public long minResource() {
        return MIN_BUDGET;
    }

    /**
     * The cost of an evaluation at budget {@code b} relative to the largest budget: the number
     * of Bernoulli draws made, {@code b / 729}.
     */
    public double cost(long b) {
        checkBudget(b);
        return (double) b / MAX_BUDGET;
    }

    /**
     * The value for categorical values {@code cat} (each 0 or 1) and continuous values
     * {@code cont} (each in [0, 1]) at budget {@code b}, drawing from {@code rng}.
     */
    public double value(int[] cat, double[] cont, long b, RandomGenerator rng) {
        if (cat.length != nCat || cont.length != nCont) {
            throw new IllegalArgumentException("expected " + nCat + " categorical and " + nCont
                    + " continuous values, got " + cat.length + " and " + cont.length);
        }
        checkBudget(b);
        double sum = 0;
        for (int c : cat) {
            if (c != 0 && c != 1) {
                throw new IllegalArgumentException("categorical values of counting ones are 0 or 1, got " + c);
            }
            sum += c;
        }
        for (double p : cont) {
            long ones = 0;
            for (long k = 0; k < b; k++) {
                // nextDouble() < 1 always holds and < 0 never does, so the ends are exact.
                if (rng.nextDouble() < p) {
                    ones++;
                }
            }
            sum += (double) ones / b;
        }
        return -sum;
    }

    private static void checkBudget(long b) {
        if (b < 1) {
            throw new IllegalArgumentException("counting ones needs a budget of at least 1 draw, got " + b);
        }
    }

    @Override
    public String name() {
        return "counting-ones";
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public double optimum() {
        return -(nCat + nCont);
    }

    @Override
    public long maxResource() {
        return MAX_BUDGET;
    }

    @Override
    public double evaluate(Config config, TrialContext ctx) {
        int[] cat = new int[nCat];
        for (int i = 0; i < nCat; i++) {
            cat[i] = config.getInt("cat" + (i + 1));
        }
        double[] cont = new double[nCont];
        for (int j = 0; j < nCont; j++) {
            cont[j] = config.getDouble("cont" + (j + 1));
        }
        return value(cat, cont, ctx.budget(), ctx.random());
    }

    @Override
    public String toString() {
        return name() + "(n_cat " + nCat + ", n_cont " + nCont + ")";
    }
}
