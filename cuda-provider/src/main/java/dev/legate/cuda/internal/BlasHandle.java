package dev.legate.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;

import dev.legate.cuda.CudaLibraryException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jcuda.driver.CUdeviceptr;

/**
 * One GPU processor's cuBLAS handle with a workspace of its own ({@link #WORKSPACE} bytes of
 * device memory outside the runtime's accounting), so that cuBLAS allocates nothing while work is
 * in flight. Every call sets the handle's stream to the calling task's stream first.
 *
 * <p>Used on the processor's thread only (created inside a unit of work); closed at shutdown.
 */
final class BlasHandle implements AutoCloseable {
    /** Bytes of the workspace (cuBLAS asks for 32 MiB on Hopper). */
    static final long WORKSPACE = 32L << 20;
    private final Cublas lib;
    private final GpuDevice device;
    private final MemorySegment handle;
    private final CUdeviceptr workspace;
    private final int version;

    private BlasHandle(Cublas lib, GpuDevice device, MemorySegment handle, CUdeviceptr workspace, int version) {
        this.lib = lib;
        this.device = device;
        this.handle = handle;
        this.workspace = workspace;
        this.version = version;
    }

    /** Creates the handle of {@code p}, on its thread (the GPU's context is current). */
    static BlasHandle create(GpuProcessor p) {
        Cublas lib = Cublas.get();
        GpuDevice d = p.device();
        MemorySegment h;
        int v;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ADDRESS);
            lib.check((int) lib.create.invokeExact(out), "cublasCreate_v2 on " + p.name());
            h = out.get(ADDRESS, 0);
            MemorySegment ver = a.allocate(JAVA_INT);
            lib.check((int) lib.getVersion.invokeExact(h, ver), "cublasGetVersion_v2");
            v = ver.get(JAVA_INT, 0);
        } catch (CudaLibraryException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaLibraryException("cublasCreate_v2 on " + p.name() + " failed: " + t, t);
        }
        CUdeviceptr ws = new CUdeviceptr();
        Cuda.check(cuMemAlloc(ws, WORKSPACE), "cuMemAlloc(" + WORKSPACE + " bytes) for the cuBLAS workspace of "
                + p.name());
        BlasHandle b = new BlasHandle(lib, d, h, ws, v);
        try {
            lib.check((int) lib.setWorkspace.invokeExact(h, MemorySegment.ofAddress(Handles.address(ws)), WORKSPACE),
                    "cublasSetWorkspace_v2");
        } catch (CudaLibraryException e) {
            b.close();
            throw e;
        } catch (Throwable t) {
            b.close();
            throw new CudaLibraryException("cublasSetWorkspace_v2 failed: " + t, t);
        }
        return b;
    }

    /** cuBLAS's version, such as 130000. */
    int version() {
        return version;
    }

    /**
     * Column-major {@code C = alpha op(A) op(B) + beta C} on {@code stream} (cuBLAS's own
     * convention; {@link dev.legate.cuda.Blas} turns row-major requests into it).
     */
    void gemm(long stream, boolean f64, int opA, int opB, int m, int n, int k, double alpha, long a, int lda, long b,
              int ldb, double beta, long c, int ldc) {
        String call = (f64 ? "cublasDgemm_v2" : "cublasSgemm_v2") + "(m=" + m + ", n=" + n + ", k=" + k + ")";
        try (Arena arena = Arena.ofConfined()) {
            lib.check((int) lib.setStream.invokeExact(handle, MemorySegment.ofAddress(stream)), "cublasSetStream_v2");
            MemorySegment al;
            MemorySegment be;
            if (f64) {
                al = arena.allocateFrom(JAVA_DOUBLE, alpha);
                be = arena.allocateFrom(JAVA_DOUBLE, beta);
            } else {
                al = arena.allocateFrom(JAVA_FLOAT, (float) alpha);
                be = arena.allocateFrom(JAVA_FLOAT, (float) beta);
            }
            MemorySegment pa = MemorySegment.ofAddress(a);
            MemorySegment pb = MemorySegment.ofAddress(b);
            MemorySegment pc = MemorySegment.ofAddress(c);
            int rc = f64
                    ? (int) lib.dgemm.invokeExact(handle, opA, opB, m, n, k, al, pa, lda, pb, ldb, be, pc, ldc)
                    : (int) lib.sgemm.invokeExact(handle, opA, opB, m, n, k, al, pa, lda, pb, ldb, be, pc, ldc);
            lib.check(rc, call);
        } catch (CudaLibraryException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaLibraryException(call + " failed: " + t, t);
        }
    }

    @Override
    public void close() {
        device.withContext(() -> {
            try {
                lib.check((int) lib.destroy.invokeExact(handle), "cublasDestroy_v2");
            } catch (CudaLibraryException e) {
                throw e;
            } catch (Throwable t) {
                throw new CudaLibraryException("cublasDestroy_v2 failed: " + t, t);
            } finally {
                cuMemFree(workspace);
            }
            return null;
        });
    }
}
