package dev.legate.numeric.internal.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;

import static dev.legate.numeric.internal.kernels.GemmKernels.NR_D;
import static dev.legate.numeric.internal.kernels.GemmKernels.NR_F;

/**
 * General matrix multiply {@code C = alpha op(A) op(B) + beta C} for float64 ({@link #dgemm})
 * and float32 ({@link #sgemm}), single-threaded, cache-blocked and register-tiled.
 *
 * <p><b>Layout.</b> Row-major with leading dimensions, in elements: {@code op(A)} is
 * {@code m x k}, {@code op(B)} is {@code k x n}, {@code C} is {@code m x n}. Without
 * transposition {@code A[i][p]} is element {@code aOffset + i lda + p}; with {@code transA} the
 * stored matrix is {@code k x m} and {@code op(A)[i][p]} is element {@code aOffset + p lda + i}.
 * Likewise for B ({@code transB}: stored {@code n x k}). {@code C[i][j]} is element
 * {@code cOffset + i ldc + j}. Native byte order, any alignment. C must not overlap A or B.
 *
 * <p><b>Arithmetic and determinism.</b> The sum over {@code p} is cut into consecutive chunks
 * of {@link #KC} (the last may be shorter). For each chunk in increasing order, an accumulator
 * starts at zero and takes one fused multiply-add {@code acc = fma(A[i][p], B[p][j], acc)} per
 * {@code p} in increasing order; then {@code C[i][j]} becomes {@code alpha * acc + beta * C}
 * after the first chunk (just {@code alpha * acc} when {@code beta == 0}, so C is not read) and
 * {@code alpha * acc + C} after later ones. Every element goes through exactly these roundings
 * whatever its position, so the result for {@code C[i][j]} depends only on row {@code i} of
 * op(A), column {@code j} of op(B), {@code k}, {@code alpha}, {@code beta} and the old
 * {@code C[i][j]}: splitting M or N across calls or threads, or running on another vector
 * width, gives bitwise-equal results. When {@code k == 0} or {@code alpha == 0}, C becomes
 * {@code beta * C} (zero when {@code beta == 0}) and A and B are not read, as in BLAS.
 *
 * <p>Packing buffers are allocated per call on the Java heap (at most about 4.5 MB).
 */
public final class Gemm {
    /** Depth of one accumulation chunk; part of the arithmetic contract, never tuned. */
    public static final int KC = 256;
    /**
     * Micro-tile height for this machine: 12 rows where 32 vector registers hold the
     * accumulators (512-bit vectors), else 6. It changes speed only, never results.
     */
    static final int ROWS = GemmKernels.D.vectorBitSize() >= 512 ? GemmKernels.MR : GemmKernels.MR_SMALL;
    /** Rows of A packed at a time (a multiple of both micro-tile heights); stays in L2. */
    private static final int MC = 192;
    /** Columns of B packed at a time; stays in the last-level cache. */
    private static final int NC = 2048;

    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE_UNALIGNED;
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Gemm() {}

    /**
     * Computes {@code C = alpha op(A) op(B) + beta C} in float64.
     *
     * @throws IllegalArgumentException if a dimension is negative or a leading dimension is
     *     smaller than its row length
     */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
            MemorySegment a, long aOffset, long lda, MemorySegment b, long bOffset, long ldb,
            double beta, MemorySegment c, long cOffset, long ldc) {
        dgemm(ROWS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /** {@link #dgemm} with micro-tiles of {@code mr} rows (12 or 6), so tests can run both kernels. */
    static void dgemm(int mr, boolean transA, boolean transB, int m, int n, int k, double alpha,
            MemorySegment a, long aOffset, long lda, MemorySegment b, long bOffset, long ldb,
            double beta, MemorySegment c, long cOffset, long ldc) {
        checkShape(transA, transB, m, n, k, lda, ldb, ldc);
        if (k == 0 || alpha == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    long at = cOffset + i * ldc + j;
                    c.setAtIndex(DOUBLE, at, beta == 0 ? 0.0 : beta * c.getAtIndex(DOUBLE, at));
                }
            }
            return;
        }
        double[] ap = new double[Math.min(MC, roundUp(m, mr)) * Math.min(KC, k)];
        double[] bp = new double[Math.min(NC, roundUp(n, NR_D)) * Math.min(KC, k)];
        double[] acc = new double[mr * NR_D];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOffset, ldb, pc, kc, jc, nc, bp);
                boolean firstChunk = pc == 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, a, aOffset, lda, ic, mc, pc, kc, mr, ap);
                    for (int jr = 0; jr < nc; jr += NR_D) {
                        for (int ir = 0; ir < mc; ir += mr) {
                            if (mr == GemmKernels.MR) {
                                GemmKernels.tile(kc, ap, ir * kc, bp, jr * kc, acc);
                            } else {
                                GemmKernels.tile6(kc, ap, ir * kc, bp, jr * kc, acc);
                            }
                            update(acc, Math.min(mr, mc - ir), Math.min(NR_D, nc - jr), alpha,
                                    firstChunk ? beta : 1.0, firstChunk && beta == 0,
                                    c, cOffset + (ic + ir) * ldc + jc + jr, ldc);
                        }
                    }
                }
            }
        }
    }

    /**
     * Computes {@code C = alpha op(A) op(B) + beta C} in float32, with the same blocking and
     * arithmetic contract as {@link #dgemm} (accumulation in float).
     *
     * @throws IllegalArgumentException if a dimension is negative or a leading dimension is
     *     smaller than its row length
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            MemorySegment a, long aOffset, long lda, MemorySegment b, long bOffset, long ldb,
            float beta, MemorySegment c, long cOffset, long ldc) {
        sgemm(ROWS, transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }

    /** {@link #sgemm} with micro-tiles of {@code mr} rows (12 or 6), so tests can run both kernels. */
    static void sgemm(int mr, boolean transA, boolean transB, int m, int n, int k, float alpha,
            MemorySegment a, long aOffset, long lda, MemorySegment b, long bOffset, long ldb,
            float beta, MemorySegment c, long cOffset, long ldc) {
        checkShape(transA, transB, m, n, k, lda, ldb, ldc);
        if (k == 0 || alpha == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    long at = cOffset + i * ldc + j;
                    c.setAtIndex(FLOAT, at, beta == 0 ? 0.0f : beta * c.getAtIndex(FLOAT, at));
                }
            }
            return;
        }
        float[] ap = new float[Math.min(MC, roundUp(m, mr)) * Math.min(KC, k)];
        float[] bp = new float[Math.min(NC, roundUp(n, NR_F)) * Math.min(KC, k)];
        float[] acc = new float[mr * NR_F];
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transB, b, bOffset, ldb, pc, kc, jc, nc, bp);
                boolean firstChunk = pc == 0;
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
                    packA(transA, a, aOffset, lda, ic, mc, pc, kc, mr, ap);
                    for (int jr = 0; jr < nc; jr += NR_F) {
                        for (int ir = 0; ir < mc; ir += mr) {
                            if (mr == GemmKernels.MR) {
                                GemmKernels.tile(kc, ap, ir * kc, bp, jr * kc, acc);
                            } else {
                                GemmKernels.tile6(kc, ap, ir * kc, bp, jr * kc, acc);
                            }
                            update(acc, Math.min(mr, mc - ir), Math.min(NR_F, nc - jr), alpha,
                                    firstChunk ? beta : 1.0f, firstChunk && beta == 0,
                                    c, cOffset + (ic + ir) * ldc + jc + jr, ldc);
                        }
                    }
                }
            }
        }
    }

    private static void checkShape(boolean transA, boolean transB, int m, int n, int k, long lda, long ldb,
            long ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("gemm dimensions must be >= 0, got m=" + m + " n=" + n + " k=" + k);
        }
        long aRow = transA ? m : k;
        long bRow = transB ? k : n;
        if (lda < Math.max(1, aRow) || ldb < Math.max(1, bRow) || ldc < Math.max(1, n)) {
            throw new IllegalArgumentException("gemm leading dimensions too small: lda=" + lda + " (rows of "
                    + aRow + "), ldb=" + ldb + " (rows of " + bRow + "), ldc=" + ldc + " (rows of " + n + ")");
        }
    }

    private static int roundUp(int x, int to) {
        return (x + to - 1) / to * to;
    }

    /**
     * Writes one micro-tile's accumulators into C: {@code C = alpha acc + scale C}, or
     * {@code alpha acc} when {@code overwrite}; full tiles in vector form, edges elementwise, with
     * the same two roundings either way.
     */
    private static void update(double[] acc, int rows, int cols, double alpha, double scale, boolean overwrite,
            MemorySegment c, long at, long ldc) {
        int w = GemmKernels.D.length();
        if (cols == NR_D) {
            for (int r = 0; r < rows; r++) {
                long row = (at + r * ldc) * Double.BYTES;
                for (int h = 0; h < NR_D; h += w) {
                    DoubleVector v = DoubleVector.fromArray(GemmKernels.D, acc, r * NR_D + h).mul(alpha);
                    long byteAt = row + (long) h * Double.BYTES;
                    if (!overwrite) {
                        v = v.add(DoubleVector.fromMemorySegment(GemmKernels.D, c, byteAt, Philox.NATIVE).mul(scale));
                    }
                    v.intoMemorySegment(c, byteAt, Philox.NATIVE);
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                long ci = at + r * ldc + j;
                double v = alpha * acc[r * NR_D + j];
                c.setAtIndex(DOUBLE, ci, overwrite ? v : v + scale * c.getAtIndex(DOUBLE, ci));
            }
        }
    }

    /** The float form of {@link #update(double[], int, int, double, double, boolean, MemorySegment, long, long)}. */
    private static void update(float[] acc, int rows, int cols, float alpha, float scale, boolean overwrite,
            MemorySegment c, long at, long ldc) {
        int w = GemmKernels.F.length();
        if (cols == NR_F) {
            for (int r = 0; r < rows; r++) {
                long row = (at + r * ldc) * Float.BYTES;
                for (int h = 0; h < NR_F; h += w) {
                    FloatVector v = FloatVector.fromArray(GemmKernels.F, acc, r * NR_F + h).mul(alpha);
                    long byteAt = row + (long) h * Float.BYTES;
                    if (!overwrite) {
                        v = v.add(FloatVector.fromMemorySegment(GemmKernels.F, c, byteAt, Philox.NATIVE).mul(scale));
                    }
                    v.intoMemorySegment(c, byteAt, Philox.NATIVE);
                }
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                long ci = at + r * ldc + j;
                float v = alpha * acc[r * NR_F + j];
                c.setAtIndex(FLOAT, ci, overwrite ? v : v + scale * c.getAtIndex(FLOAT, ci));
            }
        }
    }

    /**
     * Packs rows {@code [i0, i0 + mc)} and depths {@code [p0, p0 + kc)} of op(A) into slivers of
     * {@code mr} rows: sliver {@code s} holds, for each p, its {@code mr} values; rows past
     * {@code mc} are zero.
     */
    private static void packA(boolean trans, MemorySegment a, long off, long lda, int i0, int mc, int p0, int kc,
            int mr, double[] ap) {
        for (int s = 0; s < mc; s += mr) {
            int base = s * kc;
            int rows = Math.min(mr, mc - s);
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + r] = 0;
                    }
                    continue;
                }
                long i = i0 + s + r;
                for (int p = 0; p < kc; p++) {
                    long at = trans ? off + (p0 + p) * lda + i : off + i * lda + p0 + p;
                    ap[base + p * mr + r] = a.getAtIndex(DOUBLE, at);
                }
            }
        }
    }

    /**
     * Packs depths {@code [p0, p0 + kc)} and columns {@code [j0, j0 + nc)} of op(B) into slivers
     * of NR columns: sliver {@code s} holds, for each p, its NR values; columns past {@code nc}
     * are zero.
     */
    private static void packB(boolean trans, MemorySegment b, long off, long ldb, int p0, int kc, int j0, int nc,
            double[] bp) {
        for (int s = 0; s < nc; s += NR_D) {
            int base = s * kc;
            int cols = Math.min(NR_D, nc - s);
            for (int p = 0; p < kc; p++) {
                int to = base + p * NR_D;
                if (!trans && cols == NR_D) {
                    MemorySegment.copy(b, DOUBLE, (off + (p0 + p) * ldb + j0 + s) * Double.BYTES, bp, to, NR_D);
                    continue;
                }
                for (int j = 0; j < NR_D; j++) {
                    long col = j0 + s + j;
                    bp[to + j] = j >= cols ? 0
                            : b.getAtIndex(DOUBLE, trans ? off + col * ldb + p0 + p : off + (p0 + p) * ldb + col);
                }
            }
        }
    }

    /** The float form of {@link #packA(boolean, MemorySegment, long, long, int, int, int, int, int, double[])}. */
    private static void packA(boolean trans, MemorySegment a, long off, long lda, int i0, int mc, int p0, int kc,
            int mr, float[] ap) {
        for (int s = 0; s < mc; s += mr) {
            int base = s * kc;
            int rows = Math.min(mr, mc - s);
            for (int r = 0; r < mr; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        ap[base + p * mr + r] = 0;
                    }
                    continue;
                }
                long i = i0 + s + r;
                for (int p = 0; p < kc; p++) {
                    long at = trans ? off + (p0 + p) * lda + i : off + i * lda + p0 + p;
                    ap[base + p * mr + r] = a.getAtIndex(FLOAT, at);
                }
            }
        }
    }

    /** The float form of {@link #packB(boolean, MemorySegment, long, long, int, int, int, int, double[])}. */
    private static void packB(boolean trans, MemorySegment b, long off, long ldb, int p0, int kc, int j0, int nc,
            float[] bp) {
        for (int s = 0; s < nc; s += NR_F) {
            int base = s * kc;
            int cols = Math.min(NR_F, nc - s);
            for (int p = 0; p < kc; p++) {
                int to = base + p * NR_F;
                if (!trans && cols == NR_F) {
                    MemorySegment.copy(b, FLOAT, (off + (p0 + p) * ldb + j0 + s) * Float.BYTES, bp, to, NR_F);
                    continue;
                }
                for (int j = 0; j < NR_F; j++) {
                    long col = j0 + s + j;
                    bp[to + j] = j >= cols ? 0
                            : b.getAtIndex(FLOAT, trans ? off + col * ldb + p0 + p : off + (p0 + p) * ldb + col);
                }
            }
        }
    }
}
