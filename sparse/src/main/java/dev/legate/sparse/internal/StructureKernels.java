package dev.legate.sparse.internal;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import java.lang.foreign.ValueLayout;

/**
 * Bodies that rebuild a matrix's structure as a whole (one point task): transposition by
 * counting sort, COO to CSR with duplicates summed, dense conversions, Kronecker products and
 * DIA to CSR.
 */
final class StructureKernels {
    private StructureKernels() {
    }

    /** CSR of the transpose: inputs indptr, crd, val; outputs tptr (ncols+1), tcrd, tval; scalar ncols. */
    static void transpose(TaskContext ctx) {
        V1 ptr = new V1(ctx.input(0).data());
        V1 crd = new V1(ctx.input(1).data());
        V1 val = new V1(ctx.input(2).data());
        V1 tptr = new V1(ctx.output(0).data());
        int ncols = Math.toIntExact(ctx.scalar(0).asLong());
        long rows = ptr.hi - ptr.lo - 1;
        long nnz = rows < 0 ? 0 : ptr.l(rows);
        V1 tcrd = new V1(ctx.output(1).bind(nnz));
        V1 tval = new V1(ctx.output(2).bind(nnz));
        long[] next = new long[ncols + 1];
        for (long k = 0; k < nnz; k++) {
            next[(int) crd.l(k) + 1]++;
        }
        for (int c = 0; c < ncols; c++) {
            next[c + 1] += next[c];
        }
        for (int c = 0; c <= ncols; c++) {
            tptr.setL(c, next[c]);
        }
        boolean fast = val.code == TypeCode.FLOAT64 && tval.code == TypeCode.FLOAT64 && val.unit() && tval.unit()
                && crd.code == TypeCode.INT32 && crd.unit() && tcrd.unit();
        for (long r = 0; r < rows; r++) {
            for (long k = ptr.l(r), e = ptr.l(r + 1); k < e; k++) {
                if (fast) {
                    int c = crd.seg.getAtIndex(ValueLayout.JAVA_INT, crd.base + k);
                    long dst = next[c]++;
                    tcrd.seg.setAtIndex(ValueLayout.JAVA_INT, tcrd.base + dst, (int) r);
                    tval.seg.setAtIndex(ValueLayout.JAVA_DOUBLE, tval.base + dst,
                            val.seg.getAtIndex(ValueLayout.JAVA_DOUBLE, val.base + k));
                } else {
                    int c = (int) crd.l(k);
                    long dst = next[c]++;
                    tcrd.setL(dst, r);
                    tval.setD(dst, val.d(k));
                }
            }
        }
    }

    /**
     * COO to CSR, duplicates summed and explicit zeros kept: inputs row, col, val; outputs
     * indptr (nrows+1), crd and val (unbound); scalars nrows, ncols.
     */
    static void cooToCsr(TaskContext ctx) {
        V1 row = new V1(ctx.input(0).data());
        V1 col = new V1(ctx.input(1).data());
        V1 val = new V1(ctx.input(2).data());
        V1 ptr = new V1(ctx.output(0).data());
        int nrows = Math.toIntExact(ctx.scalar(0).asLong());
        long nnz = row.hi - row.lo;
        int[] start = new int[nrows + 1];
        for (long k = 0; k < nnz; k++) {
            start[(int) row.l(k) + 1]++;
        }
        for (int r = 0; r < nrows; r++) {
            start[r + 1] += start[r];
        }
        int n = Math.toIntExact(nnz);
        int[] cols = new int[n];
        double[] vals = new double[n];
        int[] fill = start.clone();
        for (long k = 0; k < nnz; k++) {
            int dst = fill[(int) row.l(k)]++;
            cols[dst] = (int) col.l(k);
            vals[dst] = val.d(k);
        }
        Growable g = new Growable(n);
        ptr.setL(0, 0);
        long[] keys = new long[16];
        for (int r = 0; r < nrows; r++) {
            int a = start[r];
            int len = start[r + 1] - a;
            if (keys.length < len) {
                keys = new long[Math.max(len, 2 * keys.length)];
            }
            for (int t = 0; t < len; t++) {
                keys[t] = (long) cols[a + t] << 32 | t;
            }
            java.util.Arrays.sort(keys, 0, len);
            long last = -1;
            for (int t = 0; t < len; t++) {
                int c = (int) (keys[t] >>> 32);
                double v = vals[a + (int) (keys[t] & 0xFFFF_FFFFL)];
                if (c == last) {
                    g.vals[g.size - 1] += v;
                } else {
                    g.add(c, v);
                    last = c;
                }
            }
            ptr.setL(r + 1, g.size);
        }
        V1.put(ctx.output(1).bind(g.size), g.cols, g.size);
        V1.put(ctx.output(2).bind(g.size), g.vals, g.size);
    }

    /** CSR to dense: inputs indptr, crd, val; output the dense 2-d array (all of it). */
    static void toDense(TaskContext ctx) {
        V1 ptr = new V1(ctx.input(0).data());
        V1 crd = new V1(ctx.input(1).data());
        V1 val = new V1(ctx.input(2).data());
        PhysicalStore out = ctx.output(0).data();
        long rows = out.rect().extent(0);
        long cols = out.rect().extent(1);
        boolean f32 = out.type().code() == TypeCode.FLOAT32;
        for (long r = 0; r < rows; r++) {
            for (long c = 0; c < cols; c++) {
                write(out, out.index(r, c), f32, 0);
            }
            for (long k = ptr.l(r), e = ptr.l(r + 1); k < e; k++) {
                long at = out.index(r, crd.l(k));
                double prev = f32 ? out.segment().getAtIndex(ValueLayout.JAVA_FLOAT, at)
                        : out.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, at);
                write(out, at, f32, prev + val.d(k));
            }
        }
    }

    private static void write(PhysicalStore s, long at, boolean f32, double v) {
        if (f32) {
            s.segment().setAtIndex(ValueLayout.JAVA_FLOAT, at, (float) v);
        } else {
            s.segment().setAtIndex(ValueLayout.JAVA_DOUBLE, at, v);
        }
    }

    /** Dense to CSR (non-zeros only): input the dense 2-d array; outputs indptr, crd, val (unbound). */
    static void fromDense(TaskContext ctx) {
        PhysicalStore in = ctx.input(0).data();
        V1 ptr = new V1(ctx.output(0).data());
        long rows = in.rect().extent(0);
        long cols = in.rect().extent(1);
        Growable g = new Growable(1024);
        ptr.setL(0, 0);
        for (long r = 0; r < rows; r++) {
            for (long c = 0; c < cols; c++) {
                double v = readAny(in, in.index(r, c));
                if (v != 0) {
                    g.add(c, v);
                }
            }
            ptr.setL(r + 1, g.size);
        }
        V1.put(ctx.output(1).bind(g.size), g.cols, g.size);
        V1.put(ctx.output(2).bind(g.size), g.vals, g.size);
    }

    private static double readAny(PhysicalStore s, long at) {
        return switch (s.type().code()) {
            case FLOAT64 -> s.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, at);
            case FLOAT32 -> s.segment().getAtIndex(ValueLayout.JAVA_FLOAT, at);
            case INT64 -> s.segment().getAtIndex(ValueLayout.JAVA_LONG, at);
            case INT32 -> s.segment().getAtIndex(ValueLayout.JAVA_INT, at);
            default -> throw new IllegalStateException("unsupported dense type " + s.type().name());
        };
    }

    /**
     * Kronecker product: inputs Aptr, Acrd, Aval, Bptr, Bcrd, Bval; outputs ptr, crd, val
     * (sizes known); scalars rows of A, rows of B, cols of B.
     */
    static void kron(TaskContext ctx) {
        V1 ap = new V1(ctx.input(0).data());
        V1 ac = new V1(ctx.input(1).data());
        V1 av = new V1(ctx.input(2).data());
        V1 bp = new V1(ctx.input(3).data());
        V1 bc = new V1(ctx.input(4).data());
        V1 bv = new V1(ctx.input(5).data());
        V1 ptr = new V1(ctx.output(0).data());
        V1 crd = new V1(ctx.output(1).data());
        V1 val = new V1(ctx.output(2).data());
        long ma = ctx.scalar(0).asLong();
        long mb = ctx.scalar(1).asLong();
        long nb = ctx.scalar(2).asLong();
        long k = 0;
        ptr.setL(0, 0);
        for (long i = 0; i < ma; i++) {
            for (long r = 0; r < mb; r++) {
                for (long p = ap.l(i), pe = ap.l(i + 1); p < pe; p++) {
                    long cbase = ac.l(p) * nb;
                    double a = av.d(p);
                    for (long q = bp.l(r), qe = bp.l(r + 1); q < qe; q++) {
                        crd.setL(k, cbase + bc.l(q));
                        val.setD(k, a * bv.d(q));
                        k++;
                    }
                }
                ptr.setL(i * mb + r + 1, k);
            }
        }
    }

    /**
     * DIA to CSR (zeros dropped, as SciPy): inputs data (ndiag x L, 2-d), offsets (int64);
     * outputs indptr, crd, val (unbound); scalars nrows, ncols. Diagonals are visited in
     * ascending offset order, so rows come out sorted; offsets must be distinct.
     */
    static void diaToCsr(TaskContext ctx) {
        PhysicalStore data = ctx.input(0).data();
        V1 off = new V1(ctx.input(1).data());
        V1 ptr = new V1(ctx.output(0).data());
        long m = ctx.scalar(0).asLong();
        long n = ctx.scalar(1).asLong();
        int nd = Math.toIntExact(off.hi - off.lo);
        long width = data.rect().extent(1);
        long[] order = new long[nd];
        for (int d = 0; d < nd; d++) {
            order[d] = off.l(d);
        }
        Integer[] perm = new Integer[nd];
        for (int d = 0; d < nd; d++) {
            perm[d] = d;
        }
        java.util.Arrays.sort(perm, (x, y) -> Long.compare(order[x], order[y]));
        Growable g = new Growable(1024);
        ptr.setL(0, 0);
        for (long i = 0; i < m; i++) {
            for (int q = 0; q < nd; q++) {
                int d = perm[q];
                long j = i + order[d];
                if (j >= 0 && j < n && j < width) {
                    double v = readAny(data, data.index(d, j));
                    if (v != 0) {
                        g.add(j, v);
                    }
                }
            }
            ptr.setL(i + 1, g.size);
        }
        V1.put(ctx.output(1).bind(g.size), g.cols, g.size);
        V1.put(ctx.output(2).bind(g.size), g.vals, g.size);
    }

    /** Row index of every stored entry (CSR to COO): input indptr; output row (nnz). */
    static void expandRows(TaskContext ctx) {
        V1 ptr = new V1(ctx.input(0).data());
        V1 row = new V1(ctx.output(0).data());
        long rows = ptr.hi - ptr.lo - 1;
        for (long r = 0; r < rows; r++) {
            for (long k = ptr.l(r), e = ptr.l(r + 1); k < e; k++) {
                row.setL(k, r);
            }
        }
    }
}
