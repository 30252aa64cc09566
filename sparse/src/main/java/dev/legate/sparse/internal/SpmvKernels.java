package dev.legate.sparse.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Bodies of the matrix-vector and matrix-dense products on CSR row tiles.
 *
 * <p>Each output row is one sum over its stored entries in column-index order, so a row's
 * value does not depend on how rows are split among point tasks.
 */
final class SpmvKernels {
    private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong L = ValueLayout.JAVA_LONG;
    /**
     * Rows per call of the compiled loops. A tile's rows go through {@link #spmv64} and
     * {@link #spmv32} in calls of this many rows rather than in one call: a loop entered once per
     * tile is compiled only by on-stack replacement, whose code the JIT throws away again at
     * the first branch its profile had not seen (a row loop's exit), so that a thread can spend a
     * whole first tile, hundreds of milliseconds on a 16-core host, interpreting memory accesses.
     * Many short calls let the JIT compile the method normally within the first tile and every
     * thread take the compiled code at its next call.
     */
    private static final long CHUNK_ROWS = 256;

    private SpmvKernels() {
    }

    /** {@code y = A x}: inputs lo, hi, crd, val, x; output y. */
    static void spmv(TaskContext ctx) {
        PhysicalStore y = ctx.output(0).data();
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 crd = new V1(ctx.input(2).data());
        V1 val = new V1(ctx.input(3).data());
        V1 x = new V1(ctx.input(4).data());
        V1 out = new V1(y);
        long r0 = y.rect().lo(0);
        long r1 = y.rect().hi(0);
        if (lo.unit() && hi.unit() && crd.unit() && val.unit() && x.unit() && out.unit()
                && lo.code == TypeCode.INT64 && crd.code == TypeCode.INT32) {
            if (val.code == TypeCode.FLOAT64 && x.code == TypeCode.FLOAT64 && out.code == TypeCode.FLOAT64) {
                Chunk chunk = null;
                for (long r = r0; r < r1; r += CHUNK_ROWS) {
                    long e = Math.min(r1, r + CHUNK_ROWS);
                    if (shortRows(lo, hi, r, e)) {
                        if (chunk == null) {
                            chunk = new Chunk();
                        }
                        if (!spmv64Buffered(lo.seg, lo.base, hi.seg, hi.base, crd.seg, crd.base, val.seg, val.base,
                                x.seg, x.base, out.seg, out.base, r, e, chunk)) {
                            spmv64Flat(lo.seg, lo.base, hi.seg, hi.base, crd.seg, crd.base, val.seg, val.base, x.seg,
                                    x.base, out.seg, out.base, r, e);
                        }
                    } else {
                        spmv64(lo.seg, lo.base, hi.seg, hi.base, crd.seg, crd.base, val.seg, val.base, x.seg, x.base,
                                out.seg, out.base, r, e);
                    }
                }
                return;
            }
            if (val.code == TypeCode.FLOAT32 && x.code == TypeCode.FLOAT32 && out.code == TypeCode.FLOAT32) {
                for (long r = r0; r < r1; r += CHUNK_ROWS) {
                    long e = Math.min(r1, r + CHUNK_ROWS);
                    if (shortRows(lo, hi, r, e)) {
                        spmv32Flat(lo.seg, lo.base, hi.seg, hi.base, crd.seg, crd.base, val.seg, val.base, x.seg,
                                x.base, out.seg, out.base, r, e);
                    } else {
                        spmv32(lo.seg, lo.base, hi.seg, hi.base, crd.seg, crd.base, val.seg, val.base, x.seg, x.base,
                                out.seg, out.base, r, e);
                    }
                }
                return;
            }
        }
        for (long r = r0; r < r1; r++) {
            double s = 0;
            for (long k = lo.l(r), e = hi.l(r); k < e; k++) {
                s += val.d(k) * x.d(crd.l(k));
            }
            out.setD(r, s);
        }
    }

    /**
     * Whether rows {@code [r0, r1)} hold fewer than {@link #SHORT_ROW} entries on average (their
     * span in the entry arrays over their count): such chunks run {@code spmv64Flat}/{@code
     * spmv32Flat}, about twice as fast on a stencil's five entries per row and some 5-10% slower
     * on rows of twenty. Either gives the same bits.
     */
    private static boolean shortRows(V1 lo, V1 hi, long r0, long r1) {
        long span = hi.l(r1 - 1) - lo.l(r0);
        return span < SHORT_ROW * (r1 - r0);
    }

    /** Mean entries per row below which a chunk runs the flat kernels. */
    static final long SHORT_ROW = 12;

    private static void spmv64(MemorySegment lo, long loB, MemorySegment hi, long hiB, MemorySegment crd, long cB,
                               MemorySegment val, long vB, MemorySegment x, long xB, MemorySegment y, long yB,
                               long r0, long r1) {
        // One accumulator and a counted inner loop: measured fastest on this JIT (two
        // accumulators with a loop-carried index were twice as slow).
        for (long r = r0; r < r1; r++) {
            long a = lo.getAtIndex(L, loB + r);
            long e = hi.getAtIndex(L, hiB + r);
            double s = 0;
            for (long k = a; k < e; k++) {
                s += val.getAtIndex(D, vB + k) * x.getAtIndex(D, xB + crd.getAtIndex(I, cB + k));
            }
            y.setAtIndex(D, yB + r, s);
        }
    }

    /** Per-task buffers of {@link #spmv64Buffered}: one chunk of short rows. */
    private static final class Chunk {
        final long[] lo = new long[(int) CHUNK_ROWS];
        final long[] hi = new long[(int) CHUNK_ROWS];
        final int[] crd = new int[(int) (CHUNK_ROWS * SHORT_ROW)];
        final double[] val = new double[(int) (CHUNK_ROWS * SHORT_ROW)];
        final double[] y = new double[(int) CHUNK_ROWS];
    }

    /**
     * A chunk of short rows through Java arrays: the chunk's offsets, indices and values are
     * copied in bulk into {@code c}, the row sums formed there (each row's products added in index
     * order, as {@link #spmv64} adds them) and copied out in bulk, so that only the gathers of x
     * go through a memory segment. On this JIT each segment access costs several checks that an
     * array loop sheds: on the 500^2 Poisson matrix (five per row) 2.2 against 3.2 ms single-
     * threaded for {@link #spmv64} and 1.0 for C. False (nothing written) when the rows' entries
     * are not one contiguous span of at most the buffers' size (offsets that are not CSR's).
     */
    private static boolean spmv64Buffered(MemorySegment lo, long loB, MemorySegment hi, long hiB, MemorySegment crd,
                                          long cB, MemorySegment val, long vB, MemorySegment x, long xB,
                                          MemorySegment y, long yB, long r0, long r1, Chunk c) {
        int rows = (int) (r1 - r0);
        MemorySegment.copy(lo, L, (loB + r0) * 8, c.lo, 0, rows);
        MemorySegment.copy(hi, L, (hiB + r0) * 8, c.hi, 0, rows);
        long k0 = c.lo[0];
        long span = c.hi[rows - 1] - k0;
        if (span < 0 || span > c.crd.length) {
            return false;
        }
        for (int i = 0; i < rows; i++) {
            long a = c.lo[i] - k0;
            long e = c.hi[i] - k0;
            if (a < 0 || e < a || e > span) {
                return false;
            }
        }
        int n = (int) span;
        MemorySegment.copy(crd, I, (cB + k0) * 4, c.crd, 0, n);
        MemorySegment.copy(val, D, (vB + k0) * 8, c.val, 0, n);
        int[] cs = c.crd;
        double[] vs = c.val;
        for (int i = 0; i < rows; i++) {
            int a = (int) (c.lo[i] - k0);
            int e = (int) (c.hi[i] - k0);
            double s = 0;
            for (int j = a; j < e; j++) {
                s += vs[j] * x.getAtIndex(D, xB + cs[j]);
            }
            c.y[i] = s;
        }
        MemorySegment.copy(c.y, 0, y, D, (yB + r0) * 8, rows);
        return true;
    }

    private static void spmv64Flat(MemorySegment lo, long loB, MemorySegment hi, long hiB, MemorySegment crd, long cB,
                               MemorySegment val, long vB, MemorySegment x, long xB, MemorySegment y, long yB,
                               long r0, long r1) {
        // One accumulator, each row's entries added in index order. The entries of the chunk run
        // in one loop whose bound is the current row's end: rows of a few entries (a stencil's
        // five) cost half as much as with a loop per row, which the JIT cannot strip of its
        // checks when it runs five times.
        if (r0 >= r1) {
            return;
        }
        long r = r0;
        long k = lo.getAtIndex(L, loB + r);
        long e = hi.getAtIndex(L, hiB + r);
        double s = 0;
        while (true) {
            while (k < e) {
                s += val.getAtIndex(D, vB + k) * x.getAtIndex(D, xB + crd.getAtIndex(I, cB + k));
                k++;
            }
            y.setAtIndex(D, yB + r, s);
            if (++r >= r1) {
                return;
            }
            s = 0;
            k = lo.getAtIndex(L, loB + r);
            e = hi.getAtIndex(L, hiB + r);
        }
    }

    private static void spmv32(MemorySegment lo, long loB, MemorySegment hi, long hiB, MemorySegment crd, long cB,
                               MemorySegment val, long vB, MemorySegment x, long xB, MemorySegment y, long yB,
                               long r0, long r1) {
        for (long r = r0; r < r1; r++) {
            long e = hi.getAtIndex(L, hiB + r);
            float s = 0;
            for (long k = lo.getAtIndex(L, loB + r); k < e; k++) {
                s += val.getAtIndex(F, vB + k) * x.getAtIndex(F, xB + crd.getAtIndex(I, cB + k));
            }
            y.setAtIndex(F, yB + r, s);
        }
    }

    private static void spmv32Flat(MemorySegment lo, long loB, MemorySegment hi, long hiB, MemorySegment crd, long cB,
                               MemorySegment val, long vB, MemorySegment x, long xB, MemorySegment y, long yB,
                               long r0, long r1) {
        // As spmv64Flat.
        if (r0 >= r1) {
            return;
        }
        long r = r0;
        long k = lo.getAtIndex(L, loB + r);
        long e = hi.getAtIndex(L, hiB + r);
        float s = 0;
        while (true) {
            while (k < e) {
                s += val.getAtIndex(F, vB + k) * x.getAtIndex(F, xB + crd.getAtIndex(I, cB + k));
                k++;
            }
            y.setAtIndex(F, yB + r, s);
            if (++r >= r1) {
                return;
            }
            s = 0;
            k = lo.getAtIndex(L, loB + r);
            e = hi.getAtIndex(L, hiB + r);
        }
    }

    /**
     * {@code Y = A X} for a dense 2-d {@code X}: inputs lo, hi (promoted to 2-d, aligned with Y),
     * crd, val, X (whole); output Y. Rows of Y's tile, all its columns.
     */
    static void spmm(TaskContext ctx) {
        PhysicalStore y = ctx.output(0).data();
        PhysicalStore lo = ctx.input(0).data();
        PhysicalStore hi = ctx.input(1).data();
        V1 crd = new V1(ctx.input(2).data());
        V1 val = new V1(ctx.input(3).data());
        PhysicalStore xs = ctx.input(4).data();
        long r0 = y.rect().lo(0);
        long r1 = y.rect().hi(0);
        long c0 = y.rect().lo(1);
        long c1 = y.rect().hi(1);
        V1 lo1 = new V1(lo);
        V1 hi1 = new V1(hi);
        boolean f32 = y.type().code() == TypeCode.FLOAT32;
        double[] acc = new double[(int) Math.max(0, c1 - c0)];
        for (long r = r0; r < r1; r++) {
            java.util.Arrays.fill(acc, 0);
            long a = lo1.l(r);
            long b = hi1.l(r);
            for (long k = a; k < b; k++) {
                double v = val.d(k);
                long j = crd.l(k);
                for (long c = c0; c < c1; c++) {
                    long xi = xs.index(j, c);
                    double xv = f32 ? xs.segment().getAtIndex(F, xi) : xs.segment().getAtIndex(D, xi);
                    acc[(int) (c - c0)] += v * xv;
                }
            }
            for (long c = c0; c < c1; c++) {
                long yi = y.index(r, c);
                if (f32) {
                    y.segment().setAtIndex(F, yi, (float) acc[(int) (c - c0)]);
                } else {
                    y.segment().setAtIndex(D, yi, acc[(int) (c - c0)]);
                }
            }
        }
    }
}
