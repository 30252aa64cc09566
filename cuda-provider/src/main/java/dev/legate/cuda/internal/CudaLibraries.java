package dev.legate.cuda.internal;

import dev.legate.core.DeviceContext;
import dev.legate.cuda.CudaLibraryException;
import java.util.List;
import java.util.Optional;

/**
 * The CUDA provider's side of {@link dev.legate.cuda.Blas} and
 * {@link dev.legate.cuda.RuntimeCompiler}: the processor behind a {@link DeviceContext}, its
 * cuBLAS handle and stream, and the bound libraries. Public for the API package of this module;
 * the package is not exported.
 */
public final class CudaLibraries {
    private CudaLibraries() {
    }

    private static TaskDevice task(DeviceContext ctx) {
        if (!(ctx instanceof TaskDevice t)) {
            throw new IllegalArgumentException("a DeviceContext of the CUDA provider's GPU variants is needed, got "
                    + (ctx == null ? "null" : ctx.getClass().getName()));
        }
        return t;
    }

    /**
     * Column-major GEMM on the task's stream through the processor's cuBLAS handle; the
     * arguments are cuBLAS's.
     */
    public static void gemm(DeviceContext ctx, boolean f64, int opA, int opB, int m, int n, int k, double alpha, long a,
                            int lda, long b, int ldb, double beta, long c, int ldc) {
        TaskDevice t = task(ctx);
        BlasHandle h = t.processor().blas();
        h.gemm(ctx.stream(), f64, opA, opB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /** Why cuBLAS cannot be used, or empty once it is bound. */
    public static Optional<String> cublasUnavailable() {
        try {
            Cublas.get();
            return Optional.empty();
        } catch (CudaLibraryException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Where cuBLAS was loaded from. */
    public static String cublasLocation() {
        return Cublas.get().library.location();
    }

    /** Why NVRTC cannot be used, or empty once it is bound. */
    public static Optional<String> nvrtcUnavailable() {
        try {
            Nvrtc.get();
            return Optional.empty();
        } catch (CudaLibraryException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Where NVRTC was loaded from and its version. */
    public static String nvrtcDescription() {
        Nvrtc n = Nvrtc.get();
        return "NVRTC " + n.version() + " from " + n.library.location();
    }

    /** PTX of {@code source} (no caching here). */
    public static byte[] compile(String source, String name, List<String> options) {
        return Nvrtc.get().compile(source, name, options);
    }

    /** The virtual architecture of the context's GPU, such as {@code compute_90}. */
    public static String architecture(DeviceContext ctx) {
        GpuDevice d = task(ctx).processor().device();
        return "compute_" + d.computeMajor + d.computeMinor;
    }
}
