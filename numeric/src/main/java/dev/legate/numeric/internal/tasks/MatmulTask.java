package dev.legate.numeric.internal.tasks;

import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.numeric.internal.kernels.Gemm;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * C = A B on the iteration space (m, n, k): A, B and C are promoted to it (A along n, B along
 * m, C along k) and aligned, k is never split, so each point computes a block of C from whole
 * rows of A and whole columns of B. Floating types go through {@link Gemm}, whose result for an
 * element does not depend on the blocking, so C is the same for any number of processors; other
 * types use a plain triple loop in the output type. Inputs: A, B. Output: C.
 */
public final class MatmulTask {
    private MatmulTask() {
    }

    /**
     * How a GEMM reads the tiles of C = A B over promoted (m, n, k) views: A and B each stored by
     * rows or by columns (a transposed operand), with the element stride between their stored
     * rows; C by rows. Shared by the CPU body and the GPU variant.
     */
    public record Layout(boolean transA, long lda, boolean transB, long ldb, long ldc) {
        /**
         * The layout of tiles {@code a} (m, ., k), {@code b} (., n, k) and {@code c} (m, n, .).
         *
         * @throws IllegalStateException when a tile is neither row- nor column-major
         */
        public static Layout of(PhysicalStore a, PhysicalStore b, PhysicalStore c, long m, long n, long k) {
            long sa0 = a.stride(0);
            long sa2 = a.stride(2);
            boolean transA;
            long lda;
            if (sa2 == 1 && (sa0 >= k || m == 1)) {
                transA = false;
                lda = m == 1 ? k : sa0;
            } else if (sa0 == 1 && (sa2 >= m || k == 1)) {
                transA = true;
                lda = k == 1 ? m : sa2;
            } else {
                throw new IllegalStateException("matmul: A tile is neither row- nor column-major: " + a);
            }
            long sb1 = b.stride(1);
            long sb2 = b.stride(2);
            boolean transB;
            long ldb;
            if (sb1 == 1 && (sb2 >= n || k == 1)) {
                transB = false;
                ldb = k == 1 ? n : sb2;
            } else if (sb2 == 1 && (sb1 >= k || n == 1)) {
                transB = true;
                ldb = n == 1 ? k : sb1;
            } else {
                throw new IllegalStateException("matmul: B tile is neither row- nor column-major: " + b);
            }
            if (!(c.stride(1) == 1 || n == 1) || !(c.stride(0) >= n || m == 1)) {
                throw new IllegalStateException("matmul: C tile is not row-major: " + c);
            }
            long ldc = m == 1 ? n : c.stride(0);
            return new Layout(transA, lda, transB, ldb, ldc);
        }
    }

    /** The body. */
    public static void run(TaskContext ctx) {
        PhysicalStore a = ctx.input(0).data();
        PhysicalStore b = ctx.input(1).data();
        PhysicalStore c = ctx.output(0).data();
        long m0 = c.rect().lo(0);
        long n0 = c.rect().lo(1);
        int m = (int) c.rect().extent(0);
        int n = (int) c.rect().extent(1);
        int k = (int) c.storeShape().extent(2);
        if (m == 0 || n == 0) {
            return;
        }
        long aOff = a.index(m0, 0, 0);
        long bOff = b.index(0, n0, 0);
        long cOff = c.index(m0, n0, 0);
        TypeCode t = c.type().code();
        if (t == TypeCode.FLOAT64 || t == TypeCode.FLOAT32) {
            Layout l = Layout.of(a, b, c, m, n, k);
            if (t == TypeCode.FLOAT64) {
                Gemm.dgemm(l.transA(), l.transB(), m, n, k, 1.0, a.segment(), aOff, l.lda(), b.segment(), bOff,
                        l.ldb(), 0.0, c.segment(), cOff, l.ldc());
            } else {
                Gemm.sgemm(l.transA(), l.transB(), m, n, k, 1.0f, a.segment(), aOff, l.lda(), b.segment(), bOff,
                        l.ldb(), 0.0f, c.segment(), cOff, l.ldc());
            }
            return;
        }
        naive(a, b, c, m0, n0, m, n, k, t);
    }

    private static void naive(PhysicalStore a, PhysicalStore b, PhysicalStore c, long m0, long n0, int m, int n,
                              int k, TypeCode t) {
        MemorySegment as = a.segment();
        MemorySegment bs = b.segment();
        MemorySegment cs = c.segment();
        boolean complex = t.isComplex();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                long ci = c.index(m0 + i, n0 + j, 0);
                if (complex) {
                    double re = 0;
                    double im = 0;
                    for (int p = 0; p < k; p++) {
                        long ai = 2 * a.index(m0 + i, 0, p);
                        long bi = 2 * b.index(0, n0 + j, p);
                        double ar = read(as, t, ai);
                        double aim = read(as, t, ai + 1);
                        double br = read(bs, t, bi);
                        double bim = read(bs, t, bi + 1);
                        re += ar * br - aim * bim;
                        im += ar * bim + aim * br;
                    }
                    write(cs, t, 2 * ci, re);
                    write(cs, t, 2 * ci + 1, im);
                } else {
                    long acc = 0;
                    for (int p = 0; p < k; p++) {
                        long x = AxisReduceTask.OutIO.readLong(as, t, a.index(m0 + i, 0, p));
                        long y = AxisReduceTask.OutIO.readLong(bs, t, b.index(0, n0 + j, p));
                        acc = t == TypeCode.BOOL ? (acc | (x & y)) : acc + x * y;
                    }
                    AxisReduceTask.OutIO.writeLong(cs, t, ci, acc);
                }
            }
        }
    }

    private static double read(MemorySegment s, TypeCode t, long i) {
        return t == TypeCode.COMPLEX128 ? s.getAtIndex(ValueLayout.JAVA_DOUBLE, i) : s.getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    private static void write(MemorySegment s, TypeCode t, long i, double v) {
        if (t == TypeCode.COMPLEX128) {
            s.setAtIndex(ValueLayout.JAVA_DOUBLE, i, v);
        } else {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) v);
        }
    }
}
