package dev.rungs.sampler;

import dev.rungs.space.CategoricalParam;
import dev.rungs.space.Config;
import dev.rungs.space.FloatParam;
import dev.rungs.space.IntParam;
import dev.rungs.space.Param;
import dev.rungs.space.SearchSpace;
import dev.rungs.study.Trial;
import dev.rungs.study.TrialHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Grid search: the Cartesian product of a few values per parameter, each point proposed once.
 *
 * <p>Values per parameter:
 * <ul>
 *   <li>categorical: every choice;</li>
 *   <li>integer (and stepped float): every allowed value when there are at most
 *       {@code pointsPerParam} of them, otherwise {@code pointsPerParam} allowed values evenly
 *       spaced over the range, both ends included (a log-scale integer is spaced evenly in log
 *       space and rounded; values that round together are kept once, so such a parameter may
 *       get fewer than {@code pointsPerParam} values);</li>
 *   <li>continuous float: {@code pointsPerParam} evenly spaced values, both ends included
 *       (evenly in log space for log-scale parameters); a float with {@code low == high} has
 *       its one value.</li>
 * </ul>
 *
 * <p>In a conditional space only the distinct active configurations are enumerated: a child's
 * values multiply only those partial configurations in which it is active, so
 * {@code model ∈ {svm, tree}} with a three-valued {@code C} under {@code svm} gives four points,
 * not six.
 *
 * <p>The sampler keeps no progress of its own: the next point is the first grid point, in a
 * fixed order, that no trial of the history (in any state, so running and failed ones count)
 * already has. A resumed study therefore continues where it stopped, and a trial enqueued by
 * hand on a grid point is not repeated. The fixed order varies the last parameter fastest;
 * with a shuffle seed it is instead a permutation drawn from that seed, which is useful when
 * the study's trial budget covers only part of the grid.
 *
 * <p>Grids larger than {@link #MAX_POINTS} are rejected, because every point is held in memory
 * and such a grid could never be run to the end anyway.
 */
public final class GridSampler implements Sampler, StudySeeded {
    /** Values per numeric parameter unless configured otherwise. */
    public static final int DEFAULT_POINTS_PER_PARAM = 5;
    /** The largest grid this sampler accepts. */
    public static final int MAX_POINTS = 1_000_000;

    private static final int INACTIVE = -1;
    private static final int OFF_GRID = -2;

    private final int pointsPerParam;
    private final boolean shuffle;
    private final long seed;
    /** Whether a shuffled grid waits for the study's seed. */
    private final boolean needsSeed;

    /**
     * The enumerated grid of the last space seen. It is derived only from the space and the
     * constructor arguments, so caching it does not make the sampler stateful.
     */
    private Grid cache;

    /** A grid with {@link #DEFAULT_POINTS_PER_PARAM} values per numeric parameter, in fixed order. */
    public GridSampler() {
        this(DEFAULT_POINTS_PER_PARAM);
    }

    /**
     * A grid in fixed order.
     *
     * @param pointsPerParam values per numeric parameter with more allowed values; at least 2,
     *     since both ends of each range are always included
     */
    public GridSampler(int pointsPerParam) {
        this(pointsPerParam, false, 0, false);
    }

    /**
     * A grid proposed in a shuffled order.
     *
     * @param pointsPerParam values per numeric parameter with more allowed values; at least 2
     * @param shuffleSeed seed of the permutation; the same seed always gives the same order
     */
    public GridSampler(int pointsPerParam, long shuffleSeed) {
        this(pointsPerParam, true, shuffleSeed, false);
    }

    /**
     * A grid proposed in an order shuffled by the seed of the study it is given to.
     *
     * @param pointsPerParam values per numeric parameter with more allowed values; at least 2
     */
    public static GridSampler shuffled(int pointsPerParam) {
        return new GridSampler(pointsPerParam, true, 0, true);
    }

    private GridSampler(int pointsPerParam, boolean shuffle, long seed, boolean needsSeed) {
        if (pointsPerParam < 2) {
            throw new IllegalArgumentException("pointsPerParam must be at least 2 (both ends of a range are "
                    + "grid points), got " + pointsPerParam);
        }
        this.pointsPerParam = pointsPerParam;
        this.shuffle = shuffle;
        this.seed = seed;
        this.needsSeed = needsSeed;
    }

    @Override
    public boolean needsSeed() {
        return needsSeed;
    }

    @Override
    public Sampler withSeed(long studySeed) {
        return new GridSampler(pointsPerParam, studySeed);
    }

    /** Values per numeric parameter with more allowed values. */
    public int pointsPerParam() {
        return pointsPerParam;
    }

    /** Whether the points are proposed in a seeded random order. */
    public boolean isShuffled() {
        return shuffle;
    }

    @Override
    public Proposal propose(TrialHistory history, SearchSpace space, RandomGenerator rng) {
        Grid grid = grid(space);
        int next = firstFree(grid, history);
        if (next < 0) {
            throw new IllegalStateException("all " + grid.points.length
                    + " grid points already have a trial; ask isExhausted before proposing");
        }
        return Proposal.of(grid.config(next));
    }

    @Override
    public boolean isExhausted(TrialHistory history, SearchSpace space) {
        return firstFree(grid(space), history) < 0;
    }

    /** All grid points of {@code space}, in the order they are proposed. */
    public List<Config> points(SearchSpace space) {
        Grid grid = grid(space);
        List<Config> out = new ArrayList<>(grid.points.length);
        for (int i = 0; i < grid.points.length; i++) {
            out.add(grid.config(i));
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of grid points of {@code space}. */
    public int size(SearchSpace space) {
        return grid(space).points.length;
    }

    /** The grid values of one parameter, in increasing order (choices in their declared order). */
    public List<Object> valuesOf(Param p) {
        if (p instanceof CategoricalParam c) {
            return c.choices();
        }
        if (p instanceof IntParam ip) {
            return intValues(ip);
        }
        return floatValues((FloatParam) p);
    }

    private List<Object> intValues(IntParam p) {
        long n = p.count();
        Set<Object> out = new LinkedHashSet<>();
        if (n <= pointsPerParam) {
            for (long i = 0; i < n; i++) {
                out.add(p.low() + i * p.step());
            }
        } else if (p.log()) {
            double lo = Math.log(p.low());
            double hi = Math.log(p.high());
            for (int k = 0; k < pointsPerParam; k++) {
                long v = Math.round(Math.exp(lo + (hi - lo) * k / (pointsPerParam - 1)));
                out.add(Math.max(p.low(), Math.min(p.high(), v)));
            }
            // Pin the ends: exp(log(x)) need not round back to x for huge values.
            return endsPinned(out, p.low(), p.high());
        } else {
            for (int k = 0; k < pointsPerParam; k++) {
                long i = Math.round((double) (n - 1) * k / (pointsPerParam - 1));
                out.add(p.low() + i * p.step());
            }
        }
        return List.copyOf(out);
    }

    private static List<Object> endsPinned(Set<Object> values, Object low, Object high) {
        List<Object> list = new ArrayList<>(values);
        list.set(0, low);
        list.set(list.size() - 1, high);
        return List.copyOf(new LinkedHashSet<>(list));
    }

    private List<Object> floatValues(FloatParam p) {
        Set<Object> out = new LinkedHashSet<>();
        if (p.step() > 0) {
            long n = p.stepCount();
            int m = (int) Math.min(n, pointsPerParam);
            for (int k = 0; k < m; k++) {
                long i = n <= pointsPerParam ? k : Math.round((double) (n - 1) * k / (pointsPerParam - 1));
                // Same arithmetic as FloatParam.fromUnit, so a random trial on this value matches.
                out.add(Math.min(p.low() + i * p.step(), p.high()));
            }
            return List.copyOf(out);
        }
        if (p.low() == p.high()) {
            return List.of(p.low());
        }
        if (p.log()) {
            double lo = Math.log(p.low());
            double hi = Math.log(p.high());
            for (int k = 0; k < pointsPerParam; k++) {
                double v = Math.exp(lo + (hi - lo) * k / (pointsPerParam - 1));
                out.add(Math.max(p.low(), Math.min(p.high(), v)));
            }
        } else {
            for (int k = 0; k < pointsPerParam; k++) {
                out.add(p.low() + (p.high() - p.low()) * k / (pointsPerParam - 1));
            }
        }
        // The formulas can miss the ends by an ulp; a grid that promises its ends must hit them.
        return endsPinned(out, p.low(), p.high());
    }

    private static int firstFree(Grid grid, TrialHistory history) {
        Set<IndexKey> taken = new HashSet<>();
        for (Trial t : history.trials()) {
            taken.add(new IndexKey(grid.indicesOf(t.config())));
        }
        for (int i = 0; i < grid.points.length; i++) {
            if (!taken.contains(new IndexKey(grid.points[i]))) {
                return i;
            }
        }
        return -1;
    }

    private Grid grid(SearchSpace space) {
        Grid g = cache;
        if (g != null && (g.space == space || g.space.equals(space))) {
            return g;
        }
        g = enumerate(space);
        cache = g;
        return g;
    }

    private Grid enumerate(SearchSpace space) {
        List<Param> params = space.params();
        int d = params.size();
        List<List<Object>> values = new ArrayList<>(d);
        List<Map<Object, Integer>> index = new ArrayList<>(d);
        for (Param p : params) {
            List<Object> vs = valuesOf(p);
            values.add(vs);
            Map<Object, Integer> byKey = new HashMap<>();
            for (int i = 0; i < vs.size(); i++) {
                byKey.put(valueKey(p, vs.get(i)), i);
            }
            index.add(byKey);
        }

        // Expand parameter by parameter; a partial point only branches on parameters that are
        // active in it, which is what keeps conditional grids free of duplicates.
        List<int[]> partial = new ArrayList<>();
        int[] root = new int[d];
        Arrays.fill(root, INACTIVE);
        partial.add(root);
        for (int j = 0; j < d; j++) {
            Param p = params.get(j);
            int k = values.get(j).size();
            // A parent precedes its child, so its grid index is already fixed in every partial
            // point; precomputing which of its values activate the child makes the test an
            // array lookup (the same rule as SearchSpace.isActive).
            int parent = p.when().map(c -> space.indexOf(c.parent())).orElse(-1);
            boolean[] activating = parent < 0 ? null : activatingValues(p, values.get(parent));
            List<int[]> next = new ArrayList<>();
            for (int[] point : partial) {
                boolean active = parent < 0 || (point[parent] != INACTIVE && activating[point[parent]]);
                if (!active) {
                    next.add(point);
                    continue;
                }
                if ((long) next.size() + k > MAX_POINTS) {
                    throw new IllegalArgumentException("the grid has more than " + MAX_POINTS
                            + " points; lower pointsPerParam (now " + pointsPerParam
                            + ") or use a random or quasi-random sampler");
                }
                for (int v = 0; v < k; v++) {
                    int[] child = point.clone();
                    child[j] = v;
                    next.add(child);
                }
            }
            partial = next;
        }
        int[][] points = partial.toArray(new int[0][]);
        if (shuffle) {
            if (needsSeed) {
                throw new IllegalStateException("this shuffled GridSampler has no seed: give it one"
                        + " (new GridSampler(points, seed)) or give it to a Tuner, whose seed it then takes");
            }
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = points.length - 1; i > 0; i--) {
                int s = r.nextInt(i + 1);
                int[] tmp = points[i];
                points[i] = points[s];
                points[s] = tmp;
            }
        }
        return new Grid(space, params, values, index, points);
    }

    private static boolean[] activatingValues(Param child, List<Object> parentValues) {
        boolean[] out = new boolean[parentValues.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = child.when().orElseThrow().accepts(parentValues.get(i));
        }
        return out;
    }

    /** The values of the first {@code upTo} parameters of a point, as a condition needs them. */
    private static Map<String, Object> valuesMap(List<Param> params, List<List<Object>> values, int[] point,
            int upTo) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < upTo; j++) {
            if (point[j] != INACTIVE) {
                m.put(params.get(j).name(), values.get(j).get(point[j]));
            }
        }
        return m;
    }

    /**
     * A key under which equal values compare equal whatever their boxed type: a stored trial
     * may hold an {@code Integer} where the grid holds a {@code Long}, or {@code -0.0} for 0.
     * A value that cannot be on the grid gets a key equal to nothing.
     */
    private static Object valueKey(Param p, Object v) {
        if (p instanceof CategoricalParam c) {
            int i = c.indexOf(v);
            return i >= 0 ? (Object) i : new Object();
        }
        if (!(v instanceof Number n)) {
            return new Object();
        }
        double d = n.doubleValue();
        if (p instanceof IntParam) {
            return d == Math.rint(d) ? (Object) n.longValue() : new Object();
        }
        return d + 0.0; // folds -0.0 into 0.0
    }

    /** One enumerated grid: per point, the index of each parameter's value or {@code INACTIVE}. */
    private static final class Grid {
        final SearchSpace space;
        final List<Param> params;
        final List<List<Object>> values;
        final List<Map<Object, Integer>> index;
        final int[][] points;

        Grid(SearchSpace space, List<Param> params, List<List<Object>> values, List<Map<Object, Integer>> index,
                int[][] points) {
            this.space = space;
            this.params = params;
            this.values = values;
            this.index = index;
            this.points = points;
        }

        Config config(int i) {
            return new Config(valuesMap(params, values, points[i], params.size()));
        }

        int[] indicesOf(Config config) {
            int[] out = new int[params.size()];
            for (int j = 0; j < out.length; j++) {
                Param p = params.get(j);
                if (!config.has(p.name())) {
                    out[j] = INACTIVE;
                } else {
                    Integer i = index.get(j).get(valueKey(p, config.get(p.name())));
                    out[j] = i == null ? OFF_GRID : i;
                }
            }
            return out;
        }
    }

    /** An index array with value equality, for hashing. */
    private record IndexKey(int[] indices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IndexKey k && Arrays.equals(indices, k.indices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(indices);
        }

        @Override
        public String toString() {
            return Arrays.toString(indices);
        }
    }

    @Override
    public String toString() {
        return "GridSampler(pointsPerParam=" + pointsPerParam + (shuffle ? ", shuffled, seed=" + (needsSeed ? "the study's" : Long.toString(seed)) : "") + ")";
    }
}
