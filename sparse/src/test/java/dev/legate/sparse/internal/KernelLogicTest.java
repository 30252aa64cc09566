package dev.legate.sparse.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index arithmetic of the GPU kernels in {@code src/main/cuda/sparse.cu}, ported line by
 * line to Java and checked against the CPU variants on machines without a GPU: the pairwise tree
 * of the final sum, the four-accumulator block sums, the bitonic network that sorts transposed
 * columns, and the SpMV row-block plan. (The kernels themselves run in the GPU self-check.)
 */
class KernelLogicTest {
    /** CPU reference: ReduceKernels' pairwise sum. */
    private static double pairwise(double[] v, int a, int b) {
        if (b - a <= 8) {
            double s = 0;
            for (int i = a; i < b; i++) {
                s += v[i];
            }
            return s;
        }
        int m = a + (b - a) / 2;
        return pairwise(v, a, m) + pairwise(v, m, b);
    }

    /** sparse.cu's pairwise_node: {a, b, leaf}. */
    private static long[] node(long lo, long hi, long node, int level) {
        long a = lo;
        long b = hi;
        for (int d = 0; d < level; d++) {
            if (b - a <= 8) {
                return new long[] {a, b, d};
            }
            long m = a + (b - a) / 2;
            if (((node >> (level - 1 - d)) & 1) != 0) {
                a = m;
            } else {
                b = m;
            }
        }
        return new long[] {a, b, b - a <= 8 ? level : -1};
    }

    /** sparse.cu's sparse_finish_sum, the block's loops run one thread after another. */
    private static double finishKernel(double[] v) {
        int depth = GpuVariants.pairwiseDepth(v.length);
        double[] tmp = new double[1 << depth];
        Arrays.fill(tmp, Double.NaN);
        for (long t = 0; t < (1L << depth); t++) {
            long[] n = node(0, v.length, t, depth);
            int leaf = (int) n[2];
            if (leaf >= 0 && (t & ((1L << (depth - leaf)) - 1)) == 0) {
                double s = 0;
                for (long i = n[0]; i < n[1]; i++) {
                    s += v[(int) i];
                }
                tmp[(int) t] = s;
            }
        }
        for (int d = depth - 1; d >= 0; d--) {
            for (long i = 0; i < (1L << d); i++) {
                if (node(0, v.length, i, d)[2] < 0) {
                    int at = (int) (i << (depth - d));
                    tmp[at] = tmp[at] + tmp[at + (1 << (depth - d - 1))];
                }
            }
        }
        return tmp[0];
    }

    @Test
    void finishSumTreeIsTheCpuPairwiseSum() {
        Random r = new Random(7);
        for (int n = 0; n < 3000; n += n < 70 ? 1 : 37) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(12) - 6);
            }
            assertEquals(Double.doubleToRawLongBits(pairwise(v, 0, n)), Double.doubleToRawLongBits(finishKernel(v)),
                    "n = " + n);
        }
        assertEquals(0, GpuVariants.pairwiseDepth(8));
        assertEquals(1, GpuVariants.pairwiseDepth(9));
        assertEquals(11, GpuVariants.pairwiseDepth(9766));
    }

    /** CPU reference: ReduceKernels.blocks for SUMSQ over [lo, hi). */
    private static void cpuBlocks(double[] x, long lo, long hi, long bs, double[] out) {
        long i = lo;
        while (i < hi) {
            long b = i / bs;
            long end = Math.min(hi, (b + 1) * bs);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            long k = i;
            for (; k + 3 < end; k += 4) {
                s0 += x[(int) k] * x[(int) k];
                s1 += x[(int) k + 1] * x[(int) k + 1];
                s2 += x[(int) k + 2] * x[(int) k + 2];
                s3 += x[(int) k + 3] * x[(int) k + 3];
            }
            for (; k < end; k++) {
                s0 += x[(int) k] * x[(int) k];
            }
            out[(int) b] += (s0 + s1) + (s2 + s3);
            i = end;
        }
    }

    /** sparse.cu's block_sums: four threads per block, thread 0 adds the tail and the four sums. */
    private static void kernelBlocks(double[] x, long lo, long hi, long bs, double[] out) {
        long b0 = lo / bs;
        long nb = (hi - 1) / bs - b0 + 1;
        for (long g = 0; g < nb; g++) {
            double[] s = new double[4];
            long b = b0 + g;
            long i = Math.max(lo, b * bs);
            long end = Math.min(hi, (b + 1) * bs);
            for (int j = 0; j < 4; j++) {
                long k;
                for (k = i + j; k + 3 - j < end; k += 4) {
                    s[j] += x[(int) k] * x[(int) k];
                }
                if (j == 0) {
                    for (; k < end; k++) {
                        s[j] += x[(int) k] * x[(int) k];
                    }
                }
            }
            out[(int) b] = out[(int) b] + ((s[0] + s[1]) + (s[2] + s[3]));
        }
    }

    @Test
    void blockSumsFollowTheCpuAccumulators() {
        Random r = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(5000);
            long bs = 1 + r.nextInt(trial % 3 == 0 ? 7 : 1500);
            long lo = r.nextInt(n);
            long hi = lo + 1 + r.nextInt((int) (n - lo));
            double[] x = r.doubles(n, -1, 1).toArray();
            double[] want = new double[(int) ((n + bs - 1) / bs)];
            double[] got = want.clone();
            cpuBlocks(x, lo, hi, bs, want);
            kernelBlocks(x, lo, hi, bs, got);
            assertArrayEquals(want, got, "n " + n + " bs " + bs + " [" + lo + ", " + hi + ")");
        }
    }

    /** sparse.cu's sort_segments for segments over 32: the bitonic network with pairs past the end skipped. */
    private static void bitonic(int[] key, double[] val) {
        int n = key.length;
        for (long k = 2; k < 2L * n; k <<= 1) {
            for (long j = k >> 1; j > 0; j >>= 1) {
                for (long i = 0; i < n; i++) {
                    long l = j == (k >> 1) ? (i ^ (k - 1)) : (i ^ j);
                    if (l > i && l < n && key[(int) i] > key[(int) l]) {
                        int tk = key[(int) i];
                        key[(int) i] = key[(int) l];
                        key[(int) l] = tk;
                        double tv = val[(int) i];
                        val[(int) i] = val[(int) l];
                        val[(int) l] = tv;
                    }
                }
            }
        }
    }

    @Test
    void bitonicNetworkSortsSegmentsOfAnyLength() {
        Random r = new Random(3);
        for (int n = 33; n < 1200; n += 1 + r.nextInt(40)) {
            int[] key = r.ints(0, 1 << 30).distinct().limit(n).toArray();
            double[] val = new double[n];
            for (int i = 0; i < n; i++) {
                val[i] = key[i] * 0.5;
            }
            bitonic(key, val);
            for (int i = 0; i < n; i++) {
                assertTrue(i == 0 || key[i - 1] < key[i], "n = " + n + ": not sorted at " + i);
                assertEquals(key[i] * 0.5, val[i], "n = " + n + ": value moved apart from its key at " + i);
            }
        }
    }

    @Test
    void spmvPlanFitsTheMeanRowInTheSharedBuffer() {
        SpmvPlan flagship = SpmvPlan.of(209_999_000L, 10_000_000L, 8);
        assertEquals(128, flagship.rowsPerBlock());
        assertEquals(32, flagship.lanes());
        assertEquals(8, SpmvPlan.of(4_000_000L, 1_000_000L, 8).lanes());
        assertEquals(4, SpmvPlan.of(52_500_000L, 10_000_000L, 8, true).lanes(), "a column block of ~5 per row");
        assertEquals(8, SpmvPlan.of(52_500_000L, 10_000_000L, 8, false).lanes());
        assertEquals(16, SpmvPlan.of(100_000_000L, 10_000_000L, 8, true).lanes(), "a block of longer rows");
        SpmvPlan f32 = SpmvPlan.of(209_999_000L, 10_000_000L, 4);
        assertEquals(256, f32.rowsPerBlock());
        assertEquals(1, SpmvPlan.of(1_000_000L, 100, 8).rowsPerBlock());
        assertEquals(1024, SpmvPlan.of(0, 100, 8).rowsPerBlock());
    }
}
