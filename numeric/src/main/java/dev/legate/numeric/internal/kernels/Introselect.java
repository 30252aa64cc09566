package dev.legate.numeric.internal.kernels;

/**
 * Deterministic introselect over signed-ordered keys with a parallel index array: quickselect
 * with a median-of-three pivot and three-way partitioning, falling back to a full (radix) sort
 * of the remaining range when the depth passes {@code 2 log2 n}, so the worst case stays
 * {@code O(n log n)}.
 */
final class Introselect {
    private static final int SMALL = 16;

    private Introselect() {}

    /**
     * Rearranges {@code keys[lo .. hi)} (and {@code idx} alongside) so that position {@code k}
     * holds the element of its sorted rank, with no larger key before it and no smaller after.
     */
    static void select(long[] keys, int[] idx, int lo, int hi, int k) {
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo));
        while (hi - lo > SMALL) {
            if (budget-- == 0) {
                for (int i = lo; i < hi; i++) {
                    keys[i] ^= Long.MIN_VALUE;
                }
                Sorting.sortKeys(keys, idx, lo, hi);
                for (int i = lo; i < hi; i++) {
                    keys[i] ^= Long.MIN_VALUE;
                }
                return;
            }
            long pivot = medianOfThree(keys[lo], keys[(lo + hi) >>> 1], keys[hi - 1]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i < gt) {
                long v = keys[i];
                if (v < pivot) {
                    swap(keys, idx, i++, lt++);
                } else if (v > pivot) {
                    swap(keys, idx, i, --gt);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt;
            } else if (k >= gt) {
                lo = gt;
            } else {
                return;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long v = keys[i];
            int x = idx[i];
            int j = i - 1;
            while (j >= lo && keys[j] > v) {
                keys[j + 1] = keys[j];
                idx[j + 1] = idx[j];
                j--;
            }
            keys[j + 1] = v;
            idx[j + 1] = x;
        }
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] keys, int[] idx, int i, int j) {
        long k = keys[i];
        keys[i] = keys[j];
        keys[j] = k;
        int x = idx[i];
        idx[i] = idx[j];
        idx[j] = x;
    }
}
