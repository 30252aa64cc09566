package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Sorting, stable argsort, partition and binary search over one run of elements, in NumPy's
 * order ({@link SortKey}: NaNs last, {@code -0.0 == 0.0}).
 *
 * <p><b>Results and determinism.</b> Everything here is a pure function of the input values;
 * no randomised pivots. {@link #sort} gives the output of a <em>stable</em> sort (elements
 * that compare equal but differ in bits, such as {@code -0.0}/{@code 0.0} or NaNs with
 * different payloads, keep their input order). {@link #argsort} is stable: it equals NumPy's
 * {@code kind='stable'}, and NumPy's default (unstable) quicksort wherever the keys are
 * distinct. {@link #partition} puts the {@code kth} element in its sorted place with no larger
 * element before it and no smaller after; the order within the two sides is this
 * implementation's (NumPy leaves it unspecified too).
 *
 * <p><b>Layout.</b> Runs are {@code count} elements of the given type from element
 * {@code offset} (with {@code stride} where taken), native byte order. Index outputs are int64
 * positions {@code 0 .. count-1} within the run, written contiguously from {@code outOffset}.
 * Runs hold at most {@code 2^31 - 1} elements.
 */
public final class Sorting {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final int SMALL = 32;

    private Sorting() {}

    /** Sorts a contiguous run in place. */
    public static void sort(SortKey type, MemorySegment s, long offset, int count) {
        switch (type) {
            case FLOAT64 -> sortDoubles(s, offset, count);
            case FLOAT32 -> sortFloats(s, offset, count);
            case INT64, UINT64 -> {
                long[] v = s.asSlice(offset * 8, count * 8L).toArray(ValueLayout.JAVA_LONG_UNALIGNED);
                long flip = type == SortKey.UINT64 ? Long.MIN_VALUE : 0;
                for (int i = 0; i < count; i++) {
                    v[i] ^= flip;
                }
                Arrays.sort(v);
                for (int i = 0; i < count; i++) {
                    v[i] ^= flip;
                }
                MemorySegment.copy(v, 0, s, ValueLayout.JAVA_LONG_UNALIGNED, offset * 8, count);
            }
            case INT32, UINT32 -> {
                int[] v = s.asSlice(offset * 4, count * 4L).toArray(ValueLayout.JAVA_INT_UNALIGNED);
                int flip = type == SortKey.UINT32 ? Integer.MIN_VALUE : 0;
                for (int i = 0; i < count; i++) {
                    v[i] ^= flip;
                }
                Arrays.sort(v);
                for (int i = 0; i < count; i++) {
                    v[i] ^= flip;
                }
                MemorySegment.copy(v, 0, s, ValueLayout.JAVA_INT_UNALIGNED, offset * 4, count);
            }
            default -> gatherInPlace(type, s, offset, count, argsortRun(type, s, offset, 1, count));
        }
    }

    /** Writes the stable sorting permutation of a run as int64 indices to {@code out}. */
    public static void argsort(SortKey type, MemorySegment s, long offset, long stride, int count, MemorySegment out,
            long outOffset) {
        int[] idx = argsortRun(type, s, offset, stride, count);
        for (int i = 0; i < count; i++) {
            out.setAtIndex(LONG, outOffset + i, idx[i]);
        }
    }

    /**
     * Partitions a contiguous run in place around each of the sorted positions in {@code kth}
     * (any order, each in {@code [0, count)}), as NumPy's {@code partition}.
     *
     * @throws IndexOutOfBoundsException naming a {@code kth} outside the run
     */
    public static void partition(SortKey type, MemorySegment s, long offset, int count, int... kth) {
        gatherInPlace(type, s, offset, count, selectRun(type, s, offset, 1, count, kth));
    }

    /** Writes the permutation of {@link #partition} as int64 indices, as NumPy's {@code argpartition}. */
    public static void argpartition(SortKey type, MemorySegment s, long offset, long stride, int count, int[] kth,
            MemorySegment out, long outOffset) {
        int[] idx = selectRun(type, s, offset, stride, count, kth);
        for (int i = 0; i < count; i++) {
            out.setAtIndex(LONG, outOffset + i, idx[i]);
        }
    }

    /**
     * For each of {@code vCount} values, writes to {@code out} (int64, contiguous) the index in a
     * sorted run where it would be inserted to keep the order: before equal elements when
     * {@code right} is false (NumPy's {@code side='left'}), after them when true. The run must be
     * sorted in NumPy's order; values are of the same type.
     */
    public static void searchsorted(SortKey type, MemorySegment sorted, long sOffset, long sStride, int sCount,
            MemorySegment values, long vOffset, long vStride, long vCount, boolean right, MemorySegment out,
            long outOffset) {
        for (long j = 0; j < vCount; j++) {
            long q = type.key(values, vOffset + j * vStride) ^ Long.MIN_VALUE;
            int lo = 0;
            int hi = sCount;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                long k = type.key(sorted, sOffset + mid * sStride) ^ Long.MIN_VALUE;
                if (right ? k <= q : k < q) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            out.setAtIndex(LONG, outOffset + j, lo);
        }
    }

    /** The stable sorting permutation of a run. */
    static int[] argsortRun(SortKey type, MemorySegment s, long offset, long stride, int count) {
        long[] keys = new long[count];
        type.keys(s, offset, stride, count, keys);
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        sortKeys(keys, idx, 0, count);
        return idx;
    }

    /**
     * Stably sorts {@code keys[lo .. hi)} (unsigned order) carrying {@code idx} along: insertion
     * sort for short ranges, else LSD radix sort on the bytes that vary, one histogram pass for
     * all of them.
     */
    static void sortKeys(long[] keys, int[] idx, int lo, int hi) {
        int n = hi - lo;
        if (n <= SMALL) {
            insertionSort(keys, idx, lo, hi);
            return;
        }
        long diff = 0;
        for (int i = lo; i < hi; i++) {
            diff |= keys[i] ^ keys[lo];
        }
        int[][] counts = new int[8][];
        for (int b = 0; b < 8; b++) {
            if (((diff >>> (8 * b)) & 0xFF) != 0) {
                counts[b] = new int[257];
            }
        }
        for (int i = lo; i < hi; i++) {
            long k = keys[i];
            for (int b = 0; b < 8; b++) {
                if (counts[b] != null) {
                    counts[b][(int) ((k >>> (8 * b)) & 0xFF) + 1]++;
                }
            }
        }
        long[] k1 = keys, k2 = new long[n];
        int[] i1 = idx, i2 = new int[n];
        int o1 = lo, o2 = 0;
        for (int b = 0; b < 8; b++) {
            int[] pos = counts[b];
            if (pos == null) {
                continue;
            }
            for (int d = 0; d < 256; d++) {
                pos[d + 1] += pos[d];
            }
            int shift = 8 * b;
            for (int i = 0; i < n; i++) {
                long k = k1[o1 + i];
                int at = pos[(int) ((k >>> shift) & 0xFF)]++;
                k2[o2 + at] = k;
                i2[o2 + at] = i1[o1 + i];
            }
            long[] tk = k1;
            k1 = k2;
            k2 = tk;
            int[] ti = i1;
            i1 = i2;
            i2 = ti;
            int to = o1;
            o1 = o2;
            o2 = to;
        }
        if (k1 != keys) {
            System.arraycopy(k1, o1, keys, lo, n);
            System.arraycopy(i1, o1, idx, lo, n);
        }
    }

    private static void insertionSort(long[] keys, int[] idx, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            long k = keys[i];
            int x = idx[i];
            int j = i - 1;
            while (j >= lo && Long.compareUnsigned(keys[j], k) > 0) {
                keys[j + 1] = keys[j];
                idx[j + 1] = idx[j];
                j--;
            }
            keys[j + 1] = k;
            idx[j + 1] = x;
        }
    }

    /** The permutation of {@link #partition}: introselect for each kth in increasing order. */
    static int[] selectRun(SortKey type, MemorySegment s, long offset, long stride, int count, int[] kth) {
        int[] ks = kth.clone();
        for (int k : ks) {
            if (k < 0 || k >= count) {
                throw new IndexOutOfBoundsException("kth " + k + " is out of bounds for a run of " + count);
            }
        }
        Arrays.sort(ks);
        long[] keys = new long[count];
        type.keys(s, offset, stride, count, keys);
        for (int i = 0; i < count; i++) {
            keys[i] ^= Long.MIN_VALUE;
        }
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        int lo = 0;
        for (int k : ks) {
            if (k >= lo) {
                Introselect.select(keys, idx, lo, count, k);
                lo = k + 1;
            }
        }
        return idx;
    }

    /** Reorders a contiguous run in place so that element {@code i} becomes old element {@code idx[i]}. */
    private static void gatherInPlace(SortKey type, MemorySegment s, long offset, int count, int[] idx) {
        int size = type.size();
        byte[] old = s.asSlice(offset * size, (long) count * size).toArray(ValueLayout.JAVA_BYTE);
        MemorySegment from = MemorySegment.ofArray(old);
        for (int i = 0; i < count; i++) {
            MemorySegment.copy(from, (long) idx[i] * size, s, (offset + i) * size, size);
        }
    }

    /**
     * Sorts doubles with the JDK's sort, then restores, within the block of zeros and the block
     * of NaNs, the input order of their bit patterns (the JDK puts -0.0 before 0.0), which makes
     * the result that of a stable sort.
     */
    private static void sortDoubles(MemorySegment s, long offset, int count) {
        double[] v = s.asSlice(offset * 8, count * 8L).toArray(ValueLayout.JAVA_DOUBLE_UNALIGNED);
        int zeros = 0;
        int nans = 0;
        for (double x : v) {
            zeros += x == 0 ? 1 : 0;
            nans += x != x ? 1 : 0;
        }
        long[] special = new long[zeros + nans];
        int z = 0;
        int q = zeros;
        for (double x : v) {
            if (x == 0) {
                special[z++] = Double.doubleToRawLongBits(x);
            } else if (x != x) {
                special[q++] = Double.doubleToRawLongBits(x);
            }
        }
        Arrays.sort(v);
        MemorySegment.copy(v, 0, s, ValueLayout.JAVA_DOUBLE_UNALIGNED, offset * 8, count);
        int firstZero = firstNotBelow(v, count - nans);
        for (int i = 0; i < zeros; i++) {
            s.setAtIndex(LONG, offset + firstZero + i, special[i]);
        }
        for (int i = 0; i < nans; i++) {
            s.setAtIndex(LONG, offset + count - nans + i, special[zeros + i]);
        }
    }

    /** The float form of {@link #sortDoubles}. */
    private static void sortFloats(MemorySegment s, long offset, int count) {
        float[] v = s.asSlice(offset * 4, count * 4L).toArray(ValueLayout.JAVA_FLOAT_UNALIGNED);
        int zeros = 0;
        int nans = 0;
        for (float x : v) {
            zeros += x == 0 ? 1 : 0;
            nans += x != x ? 1 : 0;
        }
        int[] special = new int[zeros + nans];
        int z = 0;
        int q = zeros;
        for (float x : v) {
            if (x == 0) {
                special[z++] = Float.floatToRawIntBits(x);
            } else if (x != x) {
                special[q++] = Float.floatToRawIntBits(x);
            }
        }
        Arrays.sort(v);
        MemorySegment.copy(v, 0, s, ValueLayout.JAVA_FLOAT_UNALIGNED, offset * 4, count);
        int lo = 0;
        int hi = count - nans;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = 0; i < zeros; i++) {
            s.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, offset + lo + i, special[i]);
        }
        for (int i = 0; i < nans; i++) {
            s.setAtIndex(ValueLayout.JAVA_INT_UNALIGNED, offset + count - nans + i, special[zeros + i]);
        }
    }

    /** The first index below {@code hi} of sorted {@code v} whose value is not negative. */
    private static int firstNotBelow(double[] v, int hi) {
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
