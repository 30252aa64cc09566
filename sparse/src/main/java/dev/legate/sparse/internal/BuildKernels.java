package dev.legate.sparse.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;

/** Bodies that create matrices and vectors: random rows, identity-like diagonals, row-offset scans. */
final class BuildKernels {
    /** Purpose tags in the high counter word, so that column gaps and values never share draws. */
    private static final long GAPS = 1L << 30;

    private BuildKernels() {
    }

    /**
     * Random rows: outputs counts (rows, aligned), crd and val (unbound); scalars seed, density,
     * ncols. Row {@code i} holds column {@code j} with probability {@code density}, independently
     * (positions by geometric gaps), with a value uniform in [0, 1).
     */
    static void randomRows(TaskContext ctx) {
        PhysicalStore counts = ctx.output(0).data();
        long seed = ctx.scalar(0).asLong();
        double p = ctx.scalar(1).asDouble();
        long ncols = ctx.scalar(2).asLong();
        V1 cnt = new V1(counts);
        long r0 = cnt.lo;
        long r1 = cnt.hi;
        double expected = (r1 - r0) * p * ncols;
        Growable g = new Growable((int) Math.min(Integer.MAX_VALUE - 8, expected * 1.1 + 64));
        double logq = Math.log1p(-p);
        long[] hiWord = new long[1];
        for (long r = r0; r < r1; r++) {
            int before = g.size;
            if (p >= 1) {
                for (long j = 0; j < ncols; j++) {
                    long bits = Philox.block(seed, j, r, (r >>> 32), hiWord);
                    g.add(j, Philox.uniform(bits));
                }
            } else if (p > 0) {
                long col = -1;
                for (long draw = 0; ; draw++) {
                    long bits = Philox.block(seed, draw, r, (r >>> 32) | GAPS, hiWord);
                    double gap = Math.floor(Math.log(Philox.uniformOpen0(bits)) / logq);
                    if (gap >= ncols - col - 1) {
                        break;
                    }
                    col += 1 + (long) gap;
                    g.add(col, Philox.uniform(hiWord[0]));
                }
            }
            cnt.setL(r, g.size - before);
        }
        V1.put(ctx.output(1).bind(g.size), g.cols, g.size);
        V1.put(ctx.output(2).bind(g.size), g.vals, g.size);
    }

    /** Row offsets from row counts: input counts (n), output indptr (n+1); one point. */
    static void scan(TaskContext ctx) {
        V1 cnt = new V1(ctx.input(0).data());
        V1 ptr = new V1(ctx.output(0).data());
        long n = ptr.hi - 1;
        long s = 0;
        ptr.setL(0, 0);
        for (long i = 0; i < n; i++) {
            s += cnt.l(i);
            ptr.setL(i + 1, s);
        }
    }

    /** Diagonal {@code k} of ones: outputs indptr, crd, val of an m x n CSR matrix; scalars m, n, k; one point. */
    static void eye(TaskContext ctx) {
        V1 ptr = new V1(ctx.output(0).data());
        V1 crd = new V1(ctx.output(1).data());
        V1 val = new V1(ctx.output(2).data());
        long m = ctx.scalar(0).asLong();
        long n = ctx.scalar(1).asLong();
        long k = ctx.scalar(2).asLong();
        long nnz = 0;
        ptr.setL(0, 0);
        for (long i = 0; i < m; i++) {
            long j = i + k;
            if (j >= 0 && j < n) {
                crd.setL(nnz, j);
                val.setD(nnz, 1.0);
                nnz++;
            }
            ptr.setL(i + 1, nnz);
        }
    }

    /** Uniform [0, 1) values by global element index: output x; scalar seed. */
    static void randVector(TaskContext ctx) {
        V1 x = new V1(ctx.output(0).data());
        long seed = ctx.scalar(0).asLong();
        long[] hiWord = new long[1];
        for (long i = x.lo; i < x.hi; i++) {
            x.setD(i, Philox.uniform(Philox.block(seed, i, 0x7ec7, 0, hiWord)));
        }
    }
}
