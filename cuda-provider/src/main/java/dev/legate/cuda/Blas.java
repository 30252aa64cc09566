package dev.legate.cuda;

import dev.legate.core.DeviceContext;
import dev.legate.core.PhysicalStore;
import dev.legate.core.TypeCode;
import dev.legate.core.TypeMismatchException;
import dev.legate.cuda.internal.CudaLibraries;
import java.util.Optional;

/**
 * Dense matrix products on a GPU through cuBLAS of CUDA 13 ({@code libcublas.so.13}, called
 * through java.lang.foreign), for GPU variants of libraries that declare
 * {@code requires static dev.legate.cuda} and register those variants only when this module is
 * present at run time.
 *
 * <p>Calls are made from a GPU variant's body: the product is enqueued on the task's stream
 * ({@link DeviceContext#stream()}) through a cuBLAS handle of the task's processor, and is part
 * of the task like any kernel it launches; nothing waits. Matrices are row-major, as the
 * runtime stores them; the leading dimension of a matrix is the element stride between its rows.
 *
 * <p>Where cuBLAS lives depends on the installation; see {@link #unavailableReason()}. A call
 * when it is missing throws {@link CudaLibraryException} naming the places searched.
 */
public final class Blas {
    private Blas() {
    }

    /**
     * Why cuBLAS cannot be used on this machine (not found, does not load, lacks a function), or
     * empty when it can; loads it on the first call, once per JVM. The library is looked for in
     * {@code LEGATE_CUDA_LIBRARY_PATH} (or property {@code legate.cuda.libraryPath}), by the dynamic
     * linker, in CUDA toolkits under {@code /usr/local} and in Python NVIDIA wheels.
     */
    public static Optional<String> unavailableReason() {
        return CudaLibraries.cublasUnavailable();
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C} for row-major float64 ({@code float64 == true}) or
     * float32 matrices at device addresses {@code a}, {@code b}, {@code c}: {@code op(A)} is
     * {@code m x k}, {@code op(B)} is {@code k x n}, {@code C} is {@code m x n}; {@code op} is the
     * transpose where {@code transA}/{@code transB} say so. {@code lda}, {@code ldb}, {@code ldc}
     * are the stored matrices' row strides in elements.
     *
     * @throws IllegalArgumentException when a size is negative, a leading dimension is smaller than
     *         its matrix's row length, or a value exceeds cuBLAS's 32-bit range
     * @throws CudaLibraryException when cuBLAS is missing or reports an error
     */
    public static void gemm(DeviceContext ctx, boolean float64, boolean transA, boolean transB, long m, long n, long k,
                            double alpha, long a, long lda, long b, long ldb, double beta, long c, long ldc) {
        checkSizes(m, n, k);
        checkLd("A", lda, transA ? m : k);
        checkLd("B", ldb, transB ? k : n);
        checkLd("C", ldc, n);
        if (m == 0 || n == 0) {
            return;
        }
        // Row-major C = op(A) op(B) is column-major C^T = op(B)^T op(A)^T: the same stored
        // arrays with the operands swapped and the transposition flags kept.
        CudaLibraries.gemm(ctx, float64, transB ? 1 : 0, transA ? 1 : 0, (int) n, (int) m, (int) k, alpha, b,
                (int) ldb, a, (int) lda, beta, c, (int) ldc);
    }

    /**
     * {@code C = alpha A B + beta C} for 2-d tiles of one type (float64 or float32) in device
     * memory: {@code A} is {@code m x k}, {@code B} is {@code k x n}, {@code C} is {@code m x n}
     * (the tiles' extents). {@code A} and {@code B} may be stored by rows or by columns (one of
     * their strides is 1); {@code C} must be stored by rows.
     *
     * @throws IllegalArgumentException when the extents do not fit together or a tile's layout is
     *         neither
     * @throws TypeMismatchException when the types differ or are not float32/float64
     */
    public static void gemm(DeviceContext ctx, PhysicalStore a, PhysicalStore b, PhysicalStore c, double alpha,
                            double beta) {
        TypeCode t = c.type().code();
        if (t != TypeCode.FLOAT64 && t != TypeCode.FLOAT32) {
            throw new TypeMismatchException("GEMM takes float64 or float32 matrices, got " + c.type().name());
        }
        if (!a.type().equals(c.type()) || !b.type().equals(c.type())) {
            throw new TypeMismatchException("GEMM needs matrices of one type, got A " + a.type().name() + ", B "
                    + b.type().name() + ", C " + c.type().name());
        }
        if (a.ndim() != 2 || b.ndim() != 2 || c.ndim() != 2) {
            throw new IllegalArgumentException("GEMM takes 2-d tiles, got " + a + ", " + b + ", " + c);
        }
        long m = c.rect().extent(0);
        long n = c.rect().extent(1);
        long k = a.rect().extent(1);
        if (a.rect().extent(0) != m || b.rect().extent(0) != k || b.rect().extent(1) != n) {
            throw new IllegalArgumentException("GEMM extents do not fit: A " + a.rect() + ", B " + b.rect() + ", C "
                    + c.rect());
        }
        if (n > 1 && c.stride(1) != 1) {
            throw new IllegalArgumentException("GEMM writes C stored by rows (stride 1 along columns), got strides "
                    + java.util.Arrays.toString(c.strides()));
        }
        Layout la = layout("A", a);
        Layout lb = layout("B", b);
        long ldc = m <= 1 ? Math.max(1, n) : c.stride(0);
        if (m == 0 || n == 0) {
            return;
        }
        gemm(ctx, t == TypeCode.FLOAT64, la.transposed, lb.transposed, m, n, k, alpha, ctx.address(a), la.ld,
                ctx.address(b), lb.ld, beta, ctx.address(c), ldc);
    }

    private record Layout(boolean transposed, long ld) {
    }

    /** Row-major (ld = row stride) or column-major (a transposed row-major matrix, ld = column stride). */
    private static Layout layout(String what, PhysicalStore s) {
        long rows = s.rect().extent(0);
        long cols = s.rect().extent(1);
        if (cols <= 1 || s.stride(1) == 1) {
            return new Layout(false, Math.max(rows <= 1 ? cols : s.stride(0), Math.max(1, cols)));
        }
        if (rows <= 1 || s.stride(0) == 1) {
            return new Layout(true, Math.max(s.stride(1), Math.max(1, rows)));
        }
        throw new IllegalArgumentException("GEMM needs " + what + " stored by rows or by columns, got strides "
                + java.util.Arrays.toString(s.strides()) + " for " + s.rect());
    }

    private static void checkSizes(long m, long n, long k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("GEMM sizes must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        if (m > Integer.MAX_VALUE || n > Integer.MAX_VALUE || k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("GEMM sizes must fit cuBLAS's 32-bit range, got m=" + m + ", n=" + n
                    + ", k=" + k);
        }
    }

    private static void checkLd(String what, long ld, long rowLength) {
        if (ld < Math.max(1, rowLength) || ld > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("leading dimension of " + what + " is " + ld + "; it must be at least its "
                    + "row length " + rowLength + " (and 1) and fit 32 bits");
        }
    }
}
