package dev.legate.cuda.internal;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.legate.cuda.CudaLibraryException;
import dev.legate.cuda.RuntimeCompilationException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * NVRTC of CUDA 13 ({@code libnvrtc.so.13}) through java.lang.foreign: compiles CUDA C++ source
 * to PTX at run time. JCuda's JNvrtc needs {@code libnvrtc.so.12}, which CUDA 13 no longer ships.
 * Bound once per JVM on first use; the first failure is kept and re-thrown. NVRTC's programs are
 * independent of each other, so compilations may run on several threads at once.
 */
final class Nvrtc {
    private static Nvrtc instance;
    private static CudaLibraryException failure;

    final NativeLibrary library;
    private final MethodHandle version;
    private final MethodHandle create;
    private final MethodHandle compile;
    private final MethodHandle ptxSize;
    private final MethodHandle ptx;
    private final MethodHandle logSize;
    private final MethodHandle log;
    private final MethodHandle destroy;
    private final MethodHandle errorString;

    private Nvrtc(NativeLibrary library) {
        this.library = library;
        version = library.function("nvrtcVersion", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        create = library.function("nvrtcCreateProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS,
                JAVA_INT, ADDRESS, ADDRESS));
        compile = library.function("nvrtcCompileProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
        ptxSize = library.function("nvrtcGetPTXSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        ptx = library.function("nvrtcGetPTX", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        logSize = library.function("nvrtcGetProgramLogSize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        log = library.function("nvrtcGetProgramLog", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        destroy = library.function("nvrtcDestroyProgram", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        errorString = library.function("nvrtcGetErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    /**
     * The bound library, loading it on the first call.
     *
     * @throws CudaLibraryException when it is missing or lacks a function
     */
    static synchronized Nvrtc get() {
        if (instance == null && failure == null) {
            try {
                instance = new Nvrtc(NativeLibrary.find("libnvrtc.so.13", "NVRTC of CUDA 13",
                        List.of("libnvrtc-builtins.so.13*")));
            } catch (CudaLibraryException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new CudaLibraryException(failure.getMessage(), failure);
        }
        return instance;
    }

    /** NVRTC's version as {@code major.minor}. */
    String version() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment major = a.allocate(JAVA_INT);
            MemorySegment minor = a.allocate(JAVA_INT);
            check((int) version.invokeExact(major, minor), "nvrtcVersion");
            return major.get(JAVA_INT, 0) + "." + minor.get(JAVA_INT, 0);
        } catch (CudaLibraryException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaLibraryException("nvrtcVersion failed: " + t, t);
        }
    }

    /**
     * The PTX of {@code source} compiled with {@code options}, without its terminating NUL.
     *
     * @throws RuntimeCompilationException with NVRTC's log when the source does not compile
     */
    byte[] compile(String source, String name, List<String> options) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment slot = a.allocate(ADDRESS);
            check((int) create.invokeExact(slot, a.allocateFrom(source), a.allocateFrom(name), 0, MemorySegment.NULL,
                    MemorySegment.NULL), "nvrtcCreateProgram(" + name + ")");
            MemorySegment program = slot.get(ADDRESS, 0);
            try {
                MemorySegment opts = a.allocate(ADDRESS, Math.max(1, options.size()));
                for (int i = 0; i < options.size(); i++) {
                    opts.setAtIndex(ADDRESS, i, a.allocateFrom(options.get(i)));
                }
                int rc = (int) compile.invokeExact(program, options.size(), opts);
                if (rc != 0) {
                    throw new RuntimeCompilationException(name + " with options " + options, text(rc),
                            programLog(a, program));
                }
                MemorySegment size = a.allocate(JAVA_LONG);
                check((int) ptxSize.invokeExact(program, size), "nvrtcGetPTXSize(" + name + ")");
                long n = size.get(JAVA_LONG, 0);
                MemorySegment out = a.allocate(Math.max(1, n));
                check((int) ptx.invokeExact(program, out), "nvrtcGetPTX(" + name + ")");
                long len = n > 0 && out.get(JAVA_BYTE, n - 1) == 0 ? n - 1 : n;
                return out.asSlice(0, len).toArray(JAVA_BYTE);
            } finally {
                slot.set(ADDRESS, 0, program);
                int ignored = (int) destroy.invokeExact(slot);
            }
        } catch (CudaLibraryException e) {
            throw e;
        } catch (Throwable t) {
            throw new CudaLibraryException("NVRTC compilation of " + name + " failed: " + t, t);
        }
    }

    private String programLog(Arena a, MemorySegment program) throws Throwable {
        MemorySegment size = a.allocate(JAVA_LONG);
        check((int) logSize.invokeExact(program, size), "nvrtcGetProgramLogSize");
        long n = size.get(JAVA_LONG, 0);
        MemorySegment text = a.allocate(Math.max(1, n));
        check((int) log.invokeExact(program, text), "nvrtcGetProgramLog");
        return text.getString(0);
    }

    private String text(int status) {
        try {
            MemorySegment s = (MemorySegment) errorString.invokeExact(status);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "status " + status;
        }
    }

    private void check(int status, String call) {
        if (status != 0) {
            throw new CudaLibraryException(call + " failed: " + text(status) + " (" + status + ")");
        }
    }
}
