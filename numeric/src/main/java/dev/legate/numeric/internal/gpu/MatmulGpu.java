package dev.legate.numeric.internal.gpu;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TaskContext;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import dev.legate.numeric.internal.tasks.MatmulTask;
import dev.legate.cuda.Blas;

/**
 * The GPU variant of {@code MatmulTask}: C = A B over promoted (m, n, k) views, k never split.
 * float64 and float32 go to cuBLAS ({@link Blas#gemm}) with the layouts the CPU variant accepts
 * (each operand stored by rows or by columns); other types to {@code numeric_matmul_naive}, which
 * accumulates in index order as the CPU's triple loop does. cuBLAS's summation order is its own,
 * so floating results equal the CPU's within rounding, not bit for bit.
 */
final class MatmulGpu {
    private MatmulGpu() {
    }

    /** The task body. Inputs: A, B. Output: C. */
    static void run(TaskContext ctx) {
        PhysicalStore a = ctx.input(0).data();
        PhysicalStore b = ctx.input(1).data();
        PhysicalStore c = ctx.output(0).data();
        long m = c.rect().extent(0);
        long n = c.rect().extent(1);
        long k = c.storeShape().extent(2);
        if (m == 0 || n == 0) {
            return;
        }
        DeviceContext d = Gpu.device(ctx);
        TypeCode t = c.type().code();
        if (t == TypeCode.FLOAT64 || t == TypeCode.FLOAT32) {
            gemm(d, a, b, c, m, n, k, t);
            return;
        }
        int type = switch (t) {
            case BOOL -> 0;
            case INT8 -> 1;
            case INT16 -> 2;
            case INT32 -> 3;
            case INT64 -> 4;
            case UINT8 -> 5;
            case UINT16 -> 6;
            case UINT32 -> 7;
            case UINT64 -> 8;
            case COMPLEX64 -> 9;
            case COMPLEX128 -> 10;
            default -> throw new TypeMismatchException("matmul has no GPU kernel for " + t);
        };
        Gpu.launch(d, "numeric_matmul_naive", m * n, d.address(a), d.address(b), d.address(c), m, n, k, a.stride(0),
                a.stride(2), b.stride(1), b.stride(2), c.stride(0), c.stride(1), type);
    }

    private static void gemm(DeviceContext d, PhysicalStore a, PhysicalStore b, PhysicalStore c, long m, long n,
                             long k, TypeCode t) {
        if (k == 0) {
            Gpu.launch(d, "numeric_zero_matrix", m * n, d.address(c), m, n, c.stride(0), c.stride(1), (int) t.size());
            return;
        }
        MatmulTask.Layout l = MatmulTask.Layout.of(a, b, c, m, n, k);
        Blas.gemm(d, t == TypeCode.FLOAT64, l.transA(), l.transB(), m, n, k, 1.0, d.address(a), Math.max(1, l.lda()),
                d.address(b), Math.max(1, l.ldb()), 0.0, d.address(c), Math.max(1, l.ldc()));
    }
}
