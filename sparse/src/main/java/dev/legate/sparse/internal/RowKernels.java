package dev.legate.sparse.internal;

import dev.legate.core.TaskContext;
import java.util.Arrays;

/**
 * Bodies that work row by row on CSR tiles: merging two patterns (sum, difference,
 * element-wise product), products of sparse matrices, row sums and diagonals. Rows come out
 * with sorted column indices and without the zeros that cancellation produces, as SciPy's
 * canonical CSR kernels do.
 */
final class RowKernels {
    /** {@code alpha * A + beta * B}. */
    static final long OP_ADD = 0;
    /** {@code A .* B} (element-wise product, the intersection of the patterns). */
    static final long OP_MUL = 1;

    private RowKernels() {
    }

    /**
     * The entries of one merged row in column order, zeros that cancellation produces dropped:
     * {@code alpha A + beta B} ({@link #OP_ADD}) or {@code A .* B} ({@link #OP_MUL}). Writes them
     * at {@code at, at + 1, ...} of {@code crd} and {@code val} when those are given and returns
     * their number.
     */
    private static long mergeRow(V1 alo, V1 ahi, V1 acrd, V1 aval, V1 blo, V1 bhi, V1 bcrd, V1 bval, long r,
                                 long op, double alpha, double beta, V1 crd, V1 val, long at) {
        long n = 0;
        long i = alo.l(r);
        long ie = ahi.l(r);
        long j = blo.l(r);
        long je = bhi.l(r);
        while (i < ie || j < je) {
            long ci = i < ie ? acrd.l(i) : Long.MAX_VALUE;
            long cj = j < je ? bcrd.l(j) : Long.MAX_VALUE;
            long c;
            double v;
            if (ci == cj) {
                c = ci;
                v = op == OP_MUL ? aval.d(i) * bval.d(j) : alpha * aval.d(i) + beta * bval.d(j);
                i++;
                j++;
            } else if (ci < cj) {
                c = ci;
                v = op == OP_MUL ? 0 : alpha * aval.d(i);
                i++;
            } else {
                c = cj;
                v = op == OP_MUL ? 0 : beta * bval.d(j);
                j++;
            }
            if (v != 0) {
                if (crd != null) {
                    crd.setL(at + n, c);
                    val.setD(at + n, v);
                }
                n++;
            }
        }
        return n;
    }

    /**
     * First pass of a merge: inputs Alo, Ahi, Acrd, Aval, Blo, Bhi, Bcrd, Bval; output the number
     * of entries of each merged row (aligned with the rows); scalars op, alpha, beta.
     */
    static void mergeCount(TaskContext ctx) {
        V1 cnt = new V1(ctx.output(0).data());
        long op = ctx.scalar(0).asLong();
        double alpha = ctx.scalar(1).asDouble();
        double beta = ctx.scalar(2).asDouble();
        V1[] in = inputs(ctx, 8);
        for (long r = cnt.lo; r < cnt.hi; r++) {
            cnt.setL(r, mergeRow(in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], r, op, alpha, beta, null,
                    null, 0));
        }
    }

    /**
     * Second pass of a merge: inputs as {@link #mergeCount} plus the merged row offsets Clo and
     * Chi (from a scan of the counts); outputs crd and val (the tiles of the rows' entries);
     * scalars op, alpha, beta.
     */
    static void mergeFill(TaskContext ctx) {
        V1 crd = new V1(ctx.output(0).data());
        V1 val = new V1(ctx.output(1).data());
        long op = ctx.scalar(0).asLong();
        double alpha = ctx.scalar(1).asDouble();
        double beta = ctx.scalar(2).asDouble();
        V1[] in = inputs(ctx, 9);
        V1 clo = in[8];
        for (long r = clo.lo; r < clo.hi; r++) {
            mergeRow(in[0], in[1], in[2], in[3], in[4], in[5], in[6], in[7], r, op, alpha, beta, crd, val, clo.l(r));
        }
    }

    private static V1[] inputs(TaskContext ctx, int n) {
        V1[] out = new V1[n];
        for (int i = 0; i < n; i++) {
            out[i] = new V1(ctx.input(i).data());
        }
        return out;
    }

    /**
     * Gustavson's product {@code A B}: inputs Alo, Ahi, Acrd, Aval (row tiles) and Bptr, Bcrd,
     * Bval (whole); outputs counts, crd, val (unbound); scalar ncols of B.
     */
    static void spgemm(TaskContext ctx) {
        V1 alo = new V1(ctx.input(0).data());
        V1 ahi = new V1(ctx.input(1).data());
        V1 acrd = new V1(ctx.input(2).data());
        V1 aval = new V1(ctx.input(3).data());
        V1 bptr = new V1(ctx.input(4).data());
        V1 bcrd = new V1(ctx.input(5).data());
        V1 bval = new V1(ctx.input(6).data());
        V1 cnt = new V1(ctx.output(0).data());
        int ncols = Math.toIntExact(ctx.scalar(0).asLong());
        double[] acc = new double[ncols];
        int[] mark = new int[ncols];
        Arrays.fill(mark, -1);
        int[] touched = new int[Math.max(16, Math.min(ncols, 1024))];
        Growable g = new Growable(1024);
        for (long r = cnt.lo; r < cnt.hi; r++) {
            int nt = 0;
            int tag = (int) (r - cnt.lo);
            for (long k = alo.l(r), ke = ahi.l(r); k < ke; k++) {
                double a = aval.d(k);
                long row = acrd.l(k);
                for (long q = bptr.l(row), qe = bptr.l(row + 1); q < qe; q++) {
                    int c = (int) bcrd.l(q);
                    if (mark[c] != tag) {
                        mark[c] = tag;
                        acc[c] = 0;
                        if (nt == touched.length) {
                            touched = Arrays.copyOf(touched, Math.min(ncols, 2 * nt));
                        }
                        touched[nt++] = c;
                    }
                    acc[c] += a * bval.d(q);
                }
            }
            Arrays.sort(touched, 0, nt);
            int before = g.size;
            for (int t = 0; t < nt; t++) {
                int c = touched[t];
                if (acc[c] != 0) {
                    g.add(c, acc[c]);
                }
            }
            cnt.setL(r, g.size - before);
        }
        V1.put(ctx.output(1).bind(g.size), g.cols, g.size);
        V1.put(ctx.output(2).bind(g.size), g.vals, g.size);
    }

    /** Row sums: inputs lo, hi, val; output s (aligned with the rows). */
    static void rowSums(TaskContext ctx) {
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 val = new V1(ctx.input(2).data());
        V1 out = new V1(ctx.output(0).data());
        for (long r = out.lo; r < out.hi; r++) {
            double s = 0;
            for (long k = lo.l(r), e = hi.l(r); k < e; k++) {
                s += val.d(k);
            }
            out.setD(r, s);
        }
    }

    /**
     * Diagonal {@code k}: inputs lo, hi (rows {@code i0 .. i0+len}), crd, val; output d; scalars
     * k and the first row i0. Element {@code i} of d is entry {@code (i0 + i, i0 + i + k)}.
     */
    static void diagonal(TaskContext ctx) {
        V1 lo = new V1(ctx.input(0).data());
        V1 hi = new V1(ctx.input(1).data());
        V1 crd = new V1(ctx.input(2).data());
        V1 val = new V1(ctx.input(3).data());
        V1 out = new V1(ctx.output(0).data());
        long k = ctx.scalar(0).asLong();
        long i0 = ctx.scalar(1).asLong();
        for (long i = out.lo; i < out.hi; i++) {
            long col = i0 + i + k;
            double s = 0;
            long a = lo.l(i);
            long b = hi.l(i);
            while (a < b) {
                long m = (a + b) >>> 1;
                long c = crd.l(m);
                if (c < col) {
                    a = m + 1;
                } else {
                    b = m;
                }
            }
            for (long e = hi.l(i); a < e && crd.l(a) == col; a++) {
                s += val.d(a);
            }
            out.setD(i, s);
        }
    }
}
