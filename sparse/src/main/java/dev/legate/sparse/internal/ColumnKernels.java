package dev.legate.sparse.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;

/**
 * CPU bodies of the column-blocked SpMV's tasks (see {@link ColumnBlocks}): counting and copying
 * each row's entries in a column range, and {@code y += A x} continuing each row's running sum.
 */
final class ColumnKernels {
    private ColumnKernels() {
    }

    /**
     * Per row, the number of entries with a column in {@code [c0, c1)}: inputs lo, hi, crd;
     * output counts (int64, aligned with lo); scalars c0, c1.
     */
    static void count(TaskContext ctx) {
        PhysicalStore out = ctx.output(0).data();
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 crd = new V1(ctx.input(2).data());
        V1 counts = new V1(out);
        int c0 = (int) ctx.scalar(0).asLong();
        int c1 = (int) ctx.scalar(1).asLong();
        for (long r = counts.lo; r < counts.hi; r++) {
            long a = lo.l(r);
            long b = hi.l(r);
            counts.setL(r, firstAtLeast(crd, a, b, c1) - firstAtLeast(crd, a, b, c0));
        }
    }

    /**
     * Copies each row's entries with a column in {@code [c0, c1)}, in order, to the block's
     * arrays: inputs lo, hi, crd, val, blo, bhi (the block's row offsets); outputs bcrd, bval;
     * scalars c0, c1.
     */
    static void copy(TaskContext ctx) {
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 crd = new V1(ctx.input(2).data());
        V1 val = new V1(ctx.input(3).data());
        V1 blo = new V1(ctx.input(4).data());
        PhysicalStore bc = ctx.output(0).data();
        if (bc.volume() == 0) {
            return;
        }
        V1 bcrd = new V1(bc);
        V1 bval = new V1(ctx.output(1).data());
        int c0 = (int) ctx.scalar(0).asLong();
        int c1 = (int) ctx.scalar(1).asLong();
        for (long r = blo.lo; r < blo.hi; r++) {
            long a = lo.l(r);
            long b = hi.l(r);
            long k0 = firstAtLeast(crd, a, b, c0);
            long k1 = firstAtLeast(crd, k0, b, c1);
            long o = blo.l(r) - k0;
            for (long k = k0; k < k1; k++) {
                bcrd.setL(o + k, crd.l(k));
                bval.setD(o + k, val.d(k));
            }
        }
    }

    /**
     * {@code y += A x}, each row's sum continuing from y's value and adding the row's products
     * in index order, rounded as {@link SpmvKernels#spmv} rounds them (float64 or float32
     * arithmetic): inputs lo, hi, crd, val, x, y; output y (the same store).
     */
    static void spmvAdd(TaskContext ctx) {
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 crd = new V1(ctx.input(2).data());
        V1 val = new V1(ctx.input(3).data());
        V1 x = new V1(ctx.input(4).data());
        V1 yin = new V1(ctx.input(5).data());
        V1 y = new V1(ctx.output(0).data());
        if (val.code == TypeCode.FLOAT64) {
            for (long r = y.lo; r < y.hi; r++) {
                double s = yin.d(r);
                for (long k = lo.l(r), e = hi.l(r); k < e; k++) {
                    s += val.d(k) * x.d(crd.l(k));
                }
                y.setD(r, s);
            }
        } else {
            for (long r = y.lo; r < y.hi; r++) {
                float s = (float) yin.d(r);
                for (long k = lo.l(r), e = hi.l(r); k < e; k++) {
                    s += (float) val.d(k) * (float) x.d(crd.l(k));
                }
                y.setD(r, s);
            }
        }
    }

    /** The first position in {@code [a, b)} whose (sorted) column is at least {@code c}. */
    static long firstAtLeast(V1 crd, long a, long b, int c) {
        while (a < b) {
            long m = a + ((b - a) >>> 1);
            if (crd.l(m) < c) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }
}
