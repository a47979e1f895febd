package dev.rungs.sampler.tpe;

import java.util.Arrays;

/**
 * Stable index sort of double keys (an argsort), without boxing.
 *
 * <p>The univariate bandwidth rule needs the observations in sorted order together with their
 * positions (each observation keeps its own recency weight), once per parameter per proposal,
 * for up to tens of thousands of observations. A least-significant-digit radix sort on
 * order-preserving bit patterns does this in a few linear passes and is stable, so tied values
 * keep trial order, which makes the bandwidths of tied observations deterministic.
 *
 * <p>To halve the passes, the keys are first sorted by their value rounded to float (rounding
 * is monotone, so this is already the right order between keys that differ as floats); runs
 * of keys that round to the same float (ties, or values closer than about 1e-7 relative) are
 * then put in exact order, by insertion when short and by a full 64-bit radix pass otherwise.
 */
final class IndexSort {
    private static final int SMALL = 48;

    private IndexSort() {
    }

    /** The positions 0 … n − 1 ordered by ascending {@code keys[i]}, ties by position. No NaN keys. */
    static int[] sort(double[] keys, int n) {
        if (n <= SMALL) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            insertion(keys, idx, 0, n);
            return idx;
        }
        int[] key = new int[n];
        int[] idx = byFloat(keys, n, key);
        int run = firstRun(key, idx);
        if (run >= 0) {
            fixRuns(keys, key, idx, run);
        }
        return idx;
    }

    /** Start of the first run of equal float keys in sorted order, or −1 when all differ (the usual case). */
    private static int firstRun(int[] key, int[] idx) {
        int prev = key[idx[0]];
        for (int p = 1; p < idx.length; p++) {
            int k = key[idx[p]];
            if (k == prev) {
                return p - 1;
            }
            prev = k;
        }
        return -1;
    }

    /**
     * Stable LSD radix sort by the keys rounded to float: four passes of 8 bits (counting arrays
     * stay small for small n; at 10,000 keys this beat three 11-bit passes), passes in which
     * every key has the same digit skipped. Fills {@code key} with the float keys.
     */
    private static int[] byFloat(double[] keys, int n, int[] key) {
        int[] c0 = new int[257];
        int[] c1 = new int[257];
        int[] c2 = new int[257];
        int[] c3 = new int[257];
        for (int i = 0; i < n; i++) {
            int b = Float.floatToIntBits((float) keys[i] + 0.0f); // + 0 turns −0 into +0
            // Flip so that unsigned order of the bit patterns is numeric order.
            int v = b < 0 ? ~b : b ^ Integer.MIN_VALUE;
            key[i] = v;
            c0[(v & 0xFF) + 1]++;
            c1[((v >>> 8) & 0xFF) + 1]++;
            c2[((v >>> 16) & 0xFF) + 1]++;
            c3[(v >>> 24) + 1]++;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        int[][] counts = {c0, c1, c2, c3};
        for (int p = 0; p < 4; p++) {
            int[] c = counts[p];
            if (trivial(c, n)) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                c[d + 1] += c[d];
            }
            int shift = 8 * p;
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                tmp[c[(key[j] >>> shift) & 0xFF]++] = j;
            }
            int[] swap = idx;
            idx = tmp;
            tmp = swap;
        }
        return idx;
    }

    /** Whether every key has the same digit (the pass would move nothing). */
    private static boolean trivial(int[] counts, int n) {
        for (int d = 1; d < counts.length; d++) {
            if (counts[d] != 0) {
                return counts[d] == n;
            }
        }
        return true;
    }

    /** Puts runs of keys that round to the same float into exact order, from position {@code from} on. */
    private static void fixRuns(double[] keys, int[] key, int[] idx, int from) {
        int n = idx.length;
        int start = from;
        int runKey = key[idx[from]];
        for (int p = from + 1; p <= n; p++) {
            int k = p == n ? 0 : key[idx[p]];
            if (p == n || k != runKey) {
                int len = p - start;
                if (len > 1) {
                    if (len <= SMALL) {
                        insertion(keys, idx, start, p);
                    } else {
                        int[] run = Arrays.copyOfRange(idx, start, p);
                        Arrays.sort(run); // the radix sort below is stable: start in position order
                        System.arraycopy(exact(keys, run), 0, idx, start, len);
                    }
                }
                start = p;
                runKey = k;
            }
        }
    }

    /** Stable 64-bit radix sort of the given positions by their exact keys. */
    private static int[] exact(double[] keys, int[] positions) {
        int m = positions.length;
        long[] bits = new long[keys.length];
        for (int i : positions) {
            long b = Double.doubleToLongBits(keys[i] + 0.0);
            bits[i] = b < 0 ? ~b : b ^ Long.MIN_VALUE;
        }
        return radix(bits, positions.clone(), 11, 6);
    }

    /** LSD radix sort of {@code idx} by {@code bits[idx[i]]} over the lowest {@code passes} digits of {@code digit} bits. */
    private static int[] radix(long[] bits, int[] idx, int digit, int passes) {
        int n = idx.length;
        int buckets = 1 << digit;
        int mask = buckets - 1;
        int[][] counts = new int[passes][buckets + 1];
        for (int i : idx) {
            long b = bits[i];
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((b >>> (p * digit)) & mask) + 1]++;
            }
        }
        int[] tmp = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            boolean trivial = false;
            for (int d = 1; d <= buckets; d++) {
                if (c[d] != 0) {
                    trivial = c[d] == n; // every key has this digit: the pass would move nothing
                    break;
                }
            }
            if (trivial) {
                continue;
            }
            for (int d = 0; d < buckets; d++) {
                c[d + 1] += c[d];
            }
            int shift = p * digit;
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                tmp[c[(int) ((bits[j] >>> shift) & mask)]++] = j;
            }
            int[] swap = idx;
            idx = tmp;
            tmp = swap;
        }
        return idx;
    }

    /** Stable insertion sort of idx[from, to) by key. */
    private static void insertion(double[] keys, int[] idx, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            double k = keys[v];
            int j = i - 1;
            while (j >= from && keys[idx[j]] > k) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }
}
