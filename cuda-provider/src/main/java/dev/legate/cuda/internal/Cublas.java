package dev.legate.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.legate.cuda.CudaLibraryException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * cuBLAS of CUDA 13 ({@code libcublas.so.13}) through java.lang.foreign: the functions the
 * provider calls, bound once per JVM on first use. JCublas 12.6 needs {@code libcublas.so.12},
 * which CUDA 13 no longer ships; the C API itself is stable, so binding it directly works with
 * any CUDA 13 install. The first failure to find or bind the library is kept and re-thrown.
 */
final class Cublas {
    /** {@code CUBLAS_OP_N}. */
    static final int OP_N = 0;
    /** {@code CUBLAS_OP_T}. */
    static final int OP_T = 1;
    private static Cublas instance;
    private static CudaLibraryException failure;

    final NativeLibrary library;
    final MethodHandle create;
    final MethodHandle destroy;
    final MethodHandle setStream;
    final MethodHandle setWorkspace;
    final MethodHandle getVersion;
    final MethodHandle dgemm;
    final MethodHandle sgemm;
    private final MethodHandle statusString;

    private Cublas(NativeLibrary library) {
        this.library = library;
        create = library.function("cublasCreate_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        destroy = library.function("cublasDestroy_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        setStream = library.function("cublasSetStream_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        setWorkspace = library.function("cublasSetWorkspace_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG));
        getVersion = library.function("cublasGetVersion_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        FunctionDescriptor gemm = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT,
                JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
        dgemm = library.function("cublasDgemm_v2", gemm);
        sgemm = library.function("cublasSgemm_v2", gemm);
        statusString = library.function("cublasGetStatusString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /**
     * The bound library, loading it on the first call.
     *
     * @throws CudaLibraryException when it is missing or lacks a function (every call, with the
     *         first call's reason)
     */
    static synchronized Cublas get() {
        if (instance == null && failure == null) {
            try {
                instance = new Cublas(NativeLibrary.find("libcublas.so.13", "cuBLAS of CUDA 13",
                        List.of("libcublasLt.so.13")));
            } catch (CudaLibraryException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new CudaLibraryException(failure.getMessage(), failure);
        }
        return instance;
    }

    /** Throws naming {@code call} unless {@code status} is {@code CUBLAS_STATUS_SUCCESS}. */
    void check(int status, String call) {
        if (status != 0) {
            String text;
            try {
                MemorySegment s = (MemorySegment) statusString.invokeExact(status);
                text = s.reinterpret(256).getString(0);
            } catch (Throwable t) {
                text = "status " + status;
            }
            throw new CudaLibraryException(call + " failed: " + text + " (" + status + ")");
        }
    }
}
