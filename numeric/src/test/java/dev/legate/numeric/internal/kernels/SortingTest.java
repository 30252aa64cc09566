package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortingTest {
    private static long[] argsort(SortKey type, MemorySegment s, int n) {
        long[] out = new long[n];
        Sorting.argsort(type, s, 0, 1, n, MemorySegment.ofArray(out), 0);
        return out;
    }

    /** The reference: a stable comparison sort of indices by unsigned key. */
    private static long[] referenceArgsort(SortKey type, MemorySegment s, int n) {
        return IntStream.range(0, n).boxed()
                .sorted(Comparator.comparing((Integer i) -> type.key(s, i), Long::compareUnsigned))
                .mapToLong(Integer::longValue).toArray();
    }

    @Test
    void doublesSortAndArgsortAsNumPy() {
        double[] d = Golden.doubles("sort_f64.txt");
        double[] sorted = d.clone();
        Sorting.sort(SortKey.FLOAT64, MemorySegment.ofArray(sorted), 0, d.length);
        double[] want = Golden.doubles("sort_f64_sorted.txt");
        for (int i = 0; i < d.length; i++) {
            assertEquals(want[i], sorted[i], 0.0, "sorted element " + i);
        }
        assertArrayEquals(Golden.longs("sort_f64_argsort.txt"), argsort(SortKey.FLOAT64, MemorySegment.ofArray(d),
                d.length));
    }

    @Test
    void sortIsStableForZerosAndNaNs() {
        long nan1 = 0x7FF8_0000_0000_0001L, nan2 = 0xFFF8_0000_0000_0002L;
        double[] d = {0.0, Double.longBitsToDouble(nan2), -0.0, 1, -1, 0.0, Double.longBitsToDouble(nan1), -0.0};
        Sorting.sort(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, d.length);
        long[] bits = Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
        assertArrayEquals(new long[] {Double.doubleToRawLongBits(-1.0), 0, Long.MIN_VALUE, 0, Long.MIN_VALUE,
            Double.doubleToRawLongBits(1.0), nan2, nan1}, bits);
        float[] f = {-0.0f, Float.NaN, 0.0f, -2f};
        Sorting.sort(SortKey.FLOAT32, MemorySegment.ofArray(f), 0, f.length);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(f[1]));
        assertEquals(Float.floatToRawIntBits(0.0f), Float.floatToRawIntBits(f[2]));
        assertTrue(Float.isNaN(f[3]));
    }

    @Test
    void integersSortAsNumPyStableAndQuicksortOnDistinctKeys() {
        long[] i = Golden.longs("sort_i64.txt");
        assertArrayEquals(Golden.longs("sort_i64_argsort.txt"), argsort(SortKey.INT64, MemorySegment.ofArray(i),
                i.length));
        long[] distinct = Golden.longs("sort_i64_distinct.txt");
        assertArrayEquals(Golden.longs("sort_i64_distinct_quicksort.txt"),
                argsort(SortKey.INT64, MemorySegment.ofArray(distinct), distinct.length));
    }

    @Property(tries = 30)
    void everyTypeSortsLikeAStableComparisonSort(@ForAll @IntRange(max = 3000) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (SortKey type : SortKey.values()) {
            byte[] raw = new byte[n * type.size()];
            rnd.nextBytes(raw);
            if (rnd.nextBoolean()) {
                for (int i = 0; i < raw.length; i++) {
                    raw[i] &= (byte) 0x81;
                }
            }
            MemorySegment s = MemorySegment.ofArray(raw);
            long[] want = referenceArgsort(type, s, n);
            assertArrayEquals(want, argsort(type, s, n), type + " argsort");
            byte[] sorted = raw.clone();
            Sorting.sort(type, MemorySegment.ofArray(sorted), 0, n);
            byte[] expected = new byte[raw.length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(raw, (int) want[i] * type.size(), expected, i * type.size(), type.size());
            }
            assertArrayEquals(expected, sorted, type + " sort");
        }
    }

    @Property(tries = 30)
    void partitionPutsKthInPlace(@ForAll @IntRange(min = 1, max = 2000) int n, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextInt(n / 3 + 1);
        }
        int[] kth = {rnd.nextInt(n), rnd.nextInt(n), n - 1};
        double[] p = d.clone();
        Sorting.partition(SortKey.FLOAT64, MemorySegment.ofArray(p), 0, n, kth);
        double[] s = d.clone();
        Arrays.sort(s);
        MemorySegment ps = MemorySegment.ofArray(p);
        for (int k : kth) {
            assertEquals(s[k], p[k], 0.0, "kth " + k);
            for (int i = 0; i < n; i++) {
                int c = Long.compareUnsigned(SortKey.FLOAT64.key(ps, i), SortKey.FLOAT64.key(ps, k));
                assertTrue(i < k ? c <= 0 : i > k ? c >= 0 : c == 0, "element " + i + " on the wrong side of " + k);
            }
        }
        assertThrows(IndexOutOfBoundsException.class,
                () -> Sorting.partition(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, n, n));
    }

    @Test
    void adversarialPartitionStaysCorrect() {
        int n = 100_000;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i % 2 == 0) ? i : n - i;
        }
        long[] idx = new long[n];
        Sorting.argpartition(SortKey.INT64, MemorySegment.ofArray(v), 0, 1, n, new int[] {n / 2},
                MemorySegment.ofArray(idx), 0);
        long[] s = v.clone();
        Arrays.sort(s);
        assertEquals(s[n / 2], v[(int) idx[n / 2]]);
    }

    @Test
    void searchsortedMatchesNumPy() {
        double[] d = Golden.doubles("sort_f64.txt");
        Sorting.sort(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, d.length);
        double[] q = Golden.doubles("sort_f64_queries.txt");
        for (boolean right : new boolean[] {false, true}) {
            long[] out = new long[q.length];
            Sorting.searchsorted(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, 1, d.length, MemorySegment.ofArray(q),
                    0, 1, q.length, right, MemorySegment.ofArray(out), 0);
            assertArrayEquals(Golden.longs(right ? "sort_f64_right.txt" : "sort_f64_left.txt"), out,
                    right ? "right" : "left");
        }
    }

    @Test
    void uniqueMatchesNumPy() {
        double[] d = Golden.doubles("sort_f64.txt");
        SortedRuns.Unique u = SortedRuns.unique(SortKey.FLOAT64, MemorySegment.ofArray(d), 0, 1, d.length);
        assertArrayEquals(Golden.longs("unique_f64_index.txt"), u.first());
        assertArrayEquals(Golden.longs("unique_f64_inverse.txt"), u.inverse());
        assertArrayEquals(Golden.longs("unique_f64_counts.txt"), u.counts());
    }

    @Property(tries = 30)
    void mergingSortedTilesIsTheGlobalStableSort(@ForAll @IntRange(max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 9) int tiles, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextInt(8) == 0 ? Float.NaN : rnd.nextInt(50) - 25 + (rnd.nextBoolean() ? 0 : -0.0f);
        }
        MemorySegment all = MemorySegment.ofArray(v);
        float[] values = new float[n];
        long[] globalIdx = new long[n];
        List<SortedRuns.Run> runs = new ArrayList<>();
        List<SortedRuns.Run> payloads = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            int lo = (int) ((long) n * t / tiles), hi = (int) ((long) n * (t + 1) / tiles);
            long[] local = new long[hi - lo];
            Sorting.argsort(SortKey.FLOAT32, all, lo, 1, hi - lo, MemorySegment.ofArray(local), 0);
            for (int i = 0; i < local.length; i++) {
                values[lo + i] = v[lo + (int) local[i]];
                globalIdx[lo + i] = lo + local[i];
            }
            runs.add(new SortedRuns.Run(MemorySegment.ofArray(values), lo, hi - lo));
            payloads.add(new SortedRuns.Run(MemorySegment.ofArray(globalIdx), lo, hi - lo));
        }
        float[] merged = new float[n];
        long[] mergedIdx = new long[n];
        SortedRuns.merge(SortKey.FLOAT32, runs, payloads, MemorySegment.ofArray(merged), 0,
                MemorySegment.ofArray(mergedIdx), 0);
        assertArrayEquals(argsort(SortKey.FLOAT32, all, n), mergedIdx);
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(v[(int) mergedIdx[i]]), Float.floatToRawIntBits(merged[i]));
        }
        float[] valuesOnly = new float[n];
        SortedRuns.merge(SortKey.FLOAT32, runs, MemorySegment.ofArray(valuesOnly), 0);
        assertArrayEquals(merged, valuesOnly);
    }
}
