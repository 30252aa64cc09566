package dev.legate.sparse.internal;

import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Deterministic vector reductions in two steps. {@link #blocks} sums fixed blocks of
 * {@code B} elements aligned to global indices (tile boundaries are multiples of the runtime's
 * tile granule, which is {@code B}, so no block straddles two point tasks) into a store of block
 * sums; {@link #finish} adds the block sums pairwise in a fixed tree. The result is bitwise the
 * same for any number of processors.
 */
final class ReduceKernels {
    /** Sum of x. */
    static final long SUM = 0;
    /** Sum of x * y. */
    static final long DOT = 1;
    /** Sum of x * x. */
    static final long SUMSQ = 2;
    /** Sum of |x|. */
    static final long ABSSUM = 3;

    private ReduceKernels() {
    }

    /** Inputs x, y (y unused for SUM/SUMSQ/ABSSUM); reduction blocks (SUM); scalars block, mode. */
    static void blocks(TaskContext ctx) {
        V1 x = new V1(ctx.input(0).data());
        V1 y = new V1(ctx.input(1).data());
        V1 out = new V1(ctx.reduction(0).data());
        long bs = ctx.scalar(0).asLong();
        long mode = ctx.scalar(1).asLong();
        if (x.code == TypeCode.FLOAT64 && x.unit() && (mode != DOT || y.code == TypeCode.FLOAT64 && y.unit())) {
            blocks64(x, y, out, bs, mode);
            return;
        }
        long i = x.lo;
        while (i < x.hi) {
            long b = i / bs;
            long end = Math.min(x.hi, (b + 1) * bs);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            long k = i;
            for (; k + 3 < end; k += 4) {
                s0 += term(x, y, mode, k);
                s1 += term(x, y, mode, k + 1);
                s2 += term(x, y, mode, k + 2);
                s3 += term(x, y, mode, k + 3);
            }
            for (; k < end; k++) {
                s0 += term(x, y, mode, k);
            }
            out.setD(b, out.d(b) + ((s0 + s1) + (s2 + s3)));
            i = end;
        }
    }

    /** Elements per bulk copy of {@link #blocks64} (a multiple of 4). */
    private static final int PIECE = 2048;

    /**
     * {@link #blocks} for dense float64 vectors: each block's elements are copied in bulk into
     * Java arrays, in pieces of {@link #PIECE}, and summed there with the same four accumulators
     * in the same order (element {@code k} of a block into accumulator {@code k mod 4}, the tail
     * into the first), so the block sums are the same bits. Reading the segments element by
     * element (with a switch per element) ran at about 5 GB/s.
     */
    private static void blocks64(V1 x, V1 y, V1 out, long bs, long mode) {
        double[] xs = new double[PIECE];
        double[] ys = mode == DOT ? new double[PIECE] : null;
        long i = x.lo;
        while (i < x.hi) {
            long b = i / bs;
            long end = Math.min(x.hi, (b + 1) * bs);
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (long p = i; p < end; p += PIECE) {
                int n = (int) Math.min(PIECE, end - p);
                MemorySegment.copy(x.seg, ValueLayout.JAVA_DOUBLE, x.at(p) * 8, xs, 0, n);
                if (ys != null) {
                    MemorySegment.copy(y.seg, ValueLayout.JAVA_DOUBLE, y.at(p) * 8, ys, 0, n);
                }
                int k = 0;
                if (mode == SUM) {
                    for (; k + 3 < n; k += 4) {
                        s0 += xs[k];
                        s1 += xs[k + 1];
                        s2 += xs[k + 2];
                        s3 += xs[k + 3];
                    }
                    for (; k < n; k++) {
                        s0 += xs[k];
                    }
                } else if (mode == DOT) {
                    for (; k + 3 < n; k += 4) {
                        s0 += xs[k] * ys[k];
                        s1 += xs[k + 1] * ys[k + 1];
                        s2 += xs[k + 2] * ys[k + 2];
                        s3 += xs[k + 3] * ys[k + 3];
                    }
                    for (; k < n; k++) {
                        s0 += xs[k] * ys[k];
                    }
                } else if (mode == SUMSQ) {
                    for (; k + 3 < n; k += 4) {
                        s0 += xs[k] * xs[k];
                        s1 += xs[k + 1] * xs[k + 1];
                        s2 += xs[k + 2] * xs[k + 2];
                        s3 += xs[k + 3] * xs[k + 3];
                    }
                    for (; k < n; k++) {
                        s0 += xs[k] * xs[k];
                    }
                } else {
                    for (; k + 3 < n; k += 4) {
                        s0 += Math.abs(xs[k]);
                        s1 += Math.abs(xs[k + 1]);
                        s2 += Math.abs(xs[k + 2]);
                        s3 += Math.abs(xs[k + 3]);
                    }
                    for (; k < n; k++) {
                        s0 += Math.abs(xs[k]);
                    }
                }
            }
            out.setD(b, out.d(b) + ((s0 + s1) + (s2 + s3)));
            i = end;
        }
    }

    private static double term(V1 x, V1 y, long mode, long k) {
        double a = x.d(k);
        if (mode == SUM) {
            return a;
        } else if (mode == DOT) {
            return a * y.d(k);
        } else if (mode == SUMSQ) {
            return a * a;
        }
        return Math.abs(a);
    }

    /** Input block sums; output 0-d result; scalar sqrt (whether to take the square root). One point. */
    static void finish(TaskContext ctx) {
        V1 in = new V1(ctx.input(0).data());
        V1 out = new V1(ctx.output(0).data());
        boolean sqrt = ctx.scalar(0).asBoolean();
        double s = pairwise(in, in.lo, in.hi);
        out.setD(0, sqrt ? Math.sqrt(s) : s);
    }

    private static double pairwise(V1 v, long a, long b) {
        if (b - a <= 8) {
            double s = 0;
            for (long i = a; i < b; i++) {
                s += v.d(i);
            }
            return s;
        }
        long m = a + (b - a) / 2;
        return pairwise(v, a, m) + pairwise(v, m, b);
    }
}
