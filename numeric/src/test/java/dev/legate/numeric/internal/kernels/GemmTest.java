package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmTest {
    /** A stored matrix with padding: rows x cols at offset {@code off} with leading dimension {@code ld}. */
    private record Mat(double[] data, int off, int ld) {
        static Mat random(SplittableRandom rnd, int rows, int cols) {
            int ld = cols + rnd.nextInt(3);
            int off = rnd.nextInt(5);
            double[] d = new double[off + Math.max(0, rows - 1) * ld + cols + 3];
            for (int i = 0; i < d.length; i++) {
                d[i] = rnd.nextDouble(-1, 1);
            }
            return new Mat(d, off, Math.max(1, ld));
        }

        double get(boolean trans, int i, int j) {
            return trans ? data[off + j * ld + i] : data[off + i * ld + j];
        }

        float[] floats() {
            float[] f = new float[data.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) data[i];
            }
            return f;
        }
    }

    /** The documented arithmetic, element by element. */
    private static double[] reference(boolean ta, boolean tb, int m, int n, int k, double alpha, Mat a, Mat b,
            double beta, Mat c) {
        double[] out = c.data.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = c.off + i * c.ld + j;
                if (k == 0) {
                    out[at] = beta == 0 ? 0 : beta * out[at];
                }
                for (int p0 = 0; p0 < k; p0 += Gemm.KC) {
                    double acc = 0;
                    for (int p = p0; p < Math.min(k, p0 + Gemm.KC); p++) {
                        acc = Math.fma(a.get(ta, i, p), b.get(tb, p, j), acc);
                    }
                    double v = alpha * acc;
                    out[at] = p0 == 0 ? (beta == 0 ? v : v + beta * out[at]) : v + out[at];
                }
            }
        }
        return out;
    }

    private static float[] referenceFloat(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a,
            Mat am, float[] b, Mat bm, float beta, float[] c, Mat cm) {
        float[] out = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = cm.off + i * cm.ld + j;
                if (k == 0) {
                    out[at] = beta == 0 ? 0 : beta * out[at];
                }
                for (int p0 = 0; p0 < k; p0 += Gemm.KC) {
                    float acc = 0;
                    for (int p = p0; p < Math.min(k, p0 + Gemm.KC); p++) {
                        float x = ta ? a[am.off + p * am.ld + i] : a[am.off + i * am.ld + p];
                        float y = tb ? b[bm.off + j * bm.ld + p] : b[bm.off + p * bm.ld + j];
                        acc = Math.fma(x, y, acc);
                    }
                    float v = alpha * acc;
                    out[at] = p0 == 0 ? (beta == 0 ? v : v + beta * out[at]) : v + out[at];
                }
            }
        }
        return out;
    }

    @Property(tries = 40)
    void followsTheDocumentedArithmeticBitForBit(@ForAll @IntRange(max = 70) int m,
            @ForAll @IntRange(max = 70) int n, @ForAll @IntRange(max = 600) int k, @ForAll boolean ta,
            @ForAll boolean tb, @ForAll @IntRange(max = 3) int coefficients, @ForAll boolean smallTiles,
            @ForAll long seed) {
        int rows = smallTiles ? GemmKernels.MR_SMALL : GemmKernels.MR;
        SplittableRandom rnd = new SplittableRandom(seed);
        double alpha = coefficients == 0 ? 1 : 0.75;
        double beta = coefficients < 2 ? 0 : -1.5;
        Mat a = ta ? Mat.random(rnd, k, m) : Mat.random(rnd, m, k);
        Mat b = tb ? Mat.random(rnd, n, k) : Mat.random(rnd, k, n);
        Mat c = Mat.random(rnd, m, n);
        double[] want = reference(ta, tb, m, n, k, alpha, a, b, beta, c);
        double[] got = c.data.clone();
        Gemm.dgemm(rows, ta, tb, m, n, k, alpha, MemorySegment.ofArray(a.data), a.off, a.ld,
                MemorySegment.ofArray(b.data), b.off, b.ld, beta, MemorySegment.ofArray(got), c.off, c.ld);
        assertArrayEquals(want, got);

        float[] af = a.floats(), bf = b.floats(), cf = c.floats();
        float[] wantF = referenceFloat(ta, tb, m, n, k, (float) alpha, af, a, bf, b, (float) beta, cf, c);
        Gemm.sgemm(rows, ta, tb, m, n, k, (float) alpha, MemorySegment.ofArray(af), a.off, a.ld,
                MemorySegment.ofArray(bf), b.off, b.ld, (float) beta, MemorySegment.ofArray(cf), c.off, c.ld);
        assertArrayEquals(wantF, cf);
    }

    @Test
    void splittingRowsAndColumnsDoesNotChangeBits() {
        SplittableRandom rnd = new SplittableRandom(4);
        int m = 131, n = 97, k = 700;
        Mat a = Mat.random(rnd, m, k), b = Mat.random(rnd, k, n), c = Mat.random(rnd, m, n);
        double[] whole = c.data.clone();
        Gemm.dgemm(false, false, m, n, k, 1.25, MemorySegment.ofArray(a.data), a.off, a.ld,
                MemorySegment.ofArray(b.data), b.off, b.ld, 0.5, MemorySegment.ofArray(whole), c.off, c.ld);
        double[] tiled = c.data.clone();
        int[] rowCuts = {0, 5, 50, 51, 131};
        int[] colCuts = {0, 17, 18, 60, 97};
        for (int ri = 0; ri + 1 < rowCuts.length; ri++) {
            for (int ci = 0; ci + 1 < colCuts.length; ci++) {
                int r0 = rowCuts[ri], c0 = colCuts[ci];
                Gemm.dgemm(false, false, rowCuts[ri + 1] - r0, colCuts[ci + 1] - c0, k, 1.25,
                        MemorySegment.ofArray(a.data), a.off + (long) r0 * a.ld, a.ld,
                        MemorySegment.ofArray(b.data), b.off + c0, b.ld, 0.5,
                        MemorySegment.ofArray(tiled), c.off + (long) r0 * c.ld + c0, c.ld);
            }
        }
        assertArrayEquals(whole, tiled);
    }

    @Test
    void matchesNumPyMatmul() {
        double[] a = Golden.doubles("gemm_a.txt");
        double[] b = Golden.doubles("gemm_b.txt");
        double[] want = Golden.doubles("gemm_c.txt");
        int m = 13, k = 40, n = 29;
        double[] c = new double[m * n];
        Gemm.dgemm(false, false, m, n, k, 1, MemorySegment.ofArray(a), 0, k, MemorySegment.ofArray(b), 0, n, 0,
                MemorySegment.ofArray(c), 0, n);
        for (int i = 0; i < c.length; i++) {
            assertEquals(want[i], c[i], 1e-12 * k, "element " + i);
        }
    }

    @Test
    void betaZeroIgnoresGarbageAndAlphaZeroSkipsProducts() {
        double[] a = {Double.NaN, 1};
        double[] b = {2, 3};
        double[] c = {Double.NaN};
        Gemm.dgemm(false, false, 1, 1, 2, 0, MemorySegment.ofArray(a), 0, 2, MemorySegment.ofArray(b), 0, 1, 0,
                MemorySegment.ofArray(c), 0, 1);
        assertEquals(0.0, c[0]);
        a[0] = 1;
        c[0] = Double.NaN;
        Gemm.dgemm(false, false, 1, 1, 2, 1, MemorySegment.ofArray(a), 0, 2, MemorySegment.ofArray(b), 0, 1, 0,
                MemorySegment.ofArray(c), 0, 1);
        assertEquals(5.0, c[0]);
    }

    @Test
    void rejectsBadShapesNamingThem() {
        MemorySegment s = MemorySegment.ofArray(new double[16]);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.dgemm(false, false, 2, 2, 3, 1, s, 0, 2, s, 0, 2, 0, s, 0, 2));
        assertTrue(e.getMessage().contains("lda=2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(false, false, -1, 2, 3, 1, s, 0, 3, s, 0, 2, 0, s, 0, 2));
        assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
    }
}
