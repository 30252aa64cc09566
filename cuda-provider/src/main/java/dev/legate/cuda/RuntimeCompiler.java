package dev.legate.cuda;

import dev.legate.core.DeviceContext;
import dev.legate.cuda.internal.CudaLibraries;
import dev.legate.cuda.internal.PtxDiskCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles CUDA C++ source to PTX at run time with NVRTC of CUDA 13 ({@code libnvrtc.so.13},
 * called through java.lang.foreign), for kernels that exist only once a program runs, such as
 * one fused kernel per element-wise expression. Libraries use it from GPU variants through
 * {@code requires static dev.legate.cuda}.
 *
 * <p>Results are cached for the life of the JVM: per source text and options for
 * {@link #ptx}, and per GPU for {@link #kernel} (the module is loaded into each GPU's context
 * once, by {@link DeviceContext#kernel}). PTX is also kept on disk across runs, per NVRTC version,
 * options and source, as CuPy keeps its kernels: in the folder named by the
 * {@code legate.cuda.cache} property or the {@code LEGATE_CUDA_CACHE} variable, else
 * {@code $XDG_CACHE_HOME/legate-java/ptx} or {@code ~/.cache/legate-java/ptx}; {@code off} turns
 * that off. Kernels must be declared {@code extern "C"} so that
 * their names are not mangled. Thread-safe; compilations of different sources may run at once.
 */
public final class RuntimeCompiler {
    private static final ConcurrentHashMap<String, byte[]> CACHE = new ConcurrentHashMap<>();
    private static volatile PtxDiskCache disk;

    private RuntimeCompiler() {
    }

    /**
     * Why NVRTC cannot be used on this machine, or empty when it can; loads it on the first call
     * (see {@link Blas#unavailableReason()} for where it is looked for).
     */
    public static Optional<String> unavailableReason() {
        return CudaLibraries.nvrtcUnavailable();
    }

    /**
     * NVRTC's version and where it was loaded from, such as
     * {@code NVRTC 13.0 from /usr/local/cuda/lib64/libnvrtc.so.13}.
     *
     * @throws CudaLibraryException when NVRTC is missing
     */
    public static String describe() {
        return CudaLibraries.nvrtcDescription();
    }

    /**
     * The PTX of {@code source} compiled with NVRTC's {@code options} (for example
     * {@code --gpu-architecture=compute_90}); {@code name} names the program in messages.
     * Compiled once per source and options.
     *
     * @throws RuntimeCompilationException with the compiler's log when the source does not compile
     * @throws CudaLibraryException when NVRTC is missing
     */
    public static byte[] ptx(String source, String name, List<String> options) {
        List<String> opts = List.copyOf(options);
        byte[] out = CACHE.computeIfAbsent(key(source, opts), k -> disk().get(diskKey(k),
                dk -> CudaLibraries.compile(source, name, opts)));
        return out.clone();
    }

    /**
     * Function {@code function} of {@code source}, compiled for the GPU of {@code ctx} (its virtual
     * architecture, C++17) and loaded into that GPU once; launch it with
     * {@link DeviceContext#launch}.
     *
     * @throws RuntimeCompilationException with the compiler's log when the source does not compile
     * @throws CudaLibraryException when NVRTC is missing
     */
    public static DeviceContext.Kernel kernel(DeviceContext ctx, String source, String function) {
        List<String> options = new ArrayList<>();
        options.add("--gpu-architecture=" + CudaLibraries.architecture(ctx));
        options.add("--std=c++17");
        String module = "nvrtc-" + key(source, options).substring(0, 24);
        return ctx.kernel(module, () -> ptx(source, function, options), function);
    }

    /** Entries in the PTX cache (for tests and diagnostics). */
    public static int cached() {
        return CACHE.size();
    }

    private static PtxDiskCache disk() {
        PtxDiskCache d = disk;
        if (d == null) {
            d = PtxDiskCache.configured();
            disk = d;
        }
        return d;
    }

    /** The on-disk name of a source's PTX: also the compiler's version, which decides the PTX. */
    private static String diskKey(String key) {
        return key(key, List.of(CudaLibraries.nvrtcDescription()));
    }

    private static String key(String source, List<String> options) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String o : options) {
                md.update(o.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            md.update((byte) 1);
            md.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
